import type { ObjectPreview } from 'c/executeApi';
import { formatCount, formatLabel } from 'c/resyncFormat';
import type { PreviewLabels } from './labels';

/** One list of fields of an object, e.g. the fields only in the target. */
export interface FieldGroup {
    key: string;
    detailKey: string;
    label: string;
    fields: string;
}

/** One object's row of the preview, ready for the template. */
export interface PreviewRow {
    key: string;
    position: number;
    objectName: string;
    label: string;
    records: string;
    /** Records the user's sharing hides (not sent), as text; empty when there are none. */
    notVisible: string;
    fieldsSent: number;
    sourceOnly: number;
    targetOnly: number;
    unreadable: number;
    notWritable: number;
    typeMismatches: number;
    requiredNotSent: number;
    problems: { key: string; text: string }[];
    hasProblems: boolean;
    rowClass: string;
    requiredClass: string;
    groups: FieldGroup[];
    hasGroups: boolean;
    detailsLabel: string;
}

/** The lists of field names of an object preview. */
type FieldListKey =
    'fieldsSent' | 'sourceOnly' | 'targetOnly' | 'unreadable' | 'notWritable' | 'typeMismatches' | 'requiredNotSent';

/** The field lists shown in an object's details, in this order. */
const GROUPS: readonly { key: FieldListKey; label: keyof PreviewLabels }[] = [
    { key: 'fieldsSent', label: 'fieldsSent' },
    { key: 'sourceOnly', label: 'sourceOnly' },
    { key: 'targetOnly', label: 'targetOnly' },
    { key: 'unreadable', label: 'unreadable' },
    { key: 'notWritable', label: 'notWritable' },
    { key: 'typeMismatches', label: 'typeMismatches' },
    { key: 'requiredNotSent', label: 'requiredNotSent' },
];

function listOf(object: ObjectPreview, key: FieldListKey): string[] {
    return object[key] ?? [];
}

/**
 * The preview's rows: counts per object, strict-mode problems marked.
 * @param objects the preview's objects
 * @param labels the texts
 */
export function previewRows(objects: ObjectPreview[] | null | undefined, labels: PreviewLabels): PreviewRow[] {
    return (objects ?? []).map((object, index) => {
        const name = object.objectName ?? '';
        const problems = (object.problems ?? []).map((text, at) => ({ key: `${name}-p${at}`, text }));
        const groups = GROUPS.filter((group) => listOf(object, group.key).length > 0).map((group) => ({
            key: `${name}-${group.key}`,
            detailKey: `${name}-${group.key}-fields`,
            label: labels[group.label],
            fields: listOf(object, group.key).join(', '),
        }));
        const required = listOf(object, 'requiredNotSent').length;
        return {
            key: name,
            position: object.position ?? index + 1,
            objectName: name,
            label: object.label ?? name,
            records:
                object.sourceRecords === null || object.sourceRecords === undefined
                    ? labels.notReadable
                    : formatCount(object.sourceRecords),
            notVisible:
                (object.notVisibleRecords ?? 0) > 0
                    ? formatLabel(labels.notVisible, formatCount(object.notVisibleRecords))
                    : '',
            fieldsSent: listOf(object, 'fieldsSent').length,
            sourceOnly: listOf(object, 'sourceOnly').length,
            targetOnly: listOf(object, 'targetOnly').length,
            unreadable: listOf(object, 'unreadable').length,
            notWritable: listOf(object, 'notWritable').length,
            typeMismatches: listOf(object, 'typeMismatches').length,
            requiredNotSent: required,
            problems,
            hasProblems: problems.length > 0,
            rowClass: problems.length > 0 ? 'slds-hint-parent problem-row' : 'slds-hint-parent',
            requiredClass: required > 0 ? 'slds-text-color_error' : '',
            groups,
            hasGroups: groups.length > 0,
            detailsLabel: `${labels.details}: ${object.label ?? name}`,
        };
    });
}
