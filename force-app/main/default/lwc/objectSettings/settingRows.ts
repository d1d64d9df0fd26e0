import type { ObjectSettingInfo, SettingsOption } from 'c/settingsApi';
import { formatLabel } from 'c/resyncFormat';
import { LABELS } from './labels';

/** A row of the object settings table. */
export interface SettingRow {
    settingId: string;
    objectApiName: string;
    label: string;
    enabledText: string;
    insertText: string;
    updateText: string;
    matchingText: string;
    batchSize: string;
    filterProblem?: string;
    editLabel: string;
    deleteLabel: string;
}

function yesNo(value: boolean | null | undefined): string {
    return value ? LABELS.yes : LABELS.no;
}

/**
 * The rows of the table.
 * @param settings the target's settings
 * @param matchingModes the matching picklist, for its labels
 */
export function settingRows(settings: ObjectSettingInfo[], matchingModes: SettingsOption[]): SettingRow[] {
    return settings.map((setting) => {
        const name = setting.objectApiName ?? '';
        const label = setting.known === false ? formatLabel(LABELS.unknownObject, name) : (setting.label ?? name);
        const mode = matchingModes.find((option) => option.value === setting.matchingMode)?.label;
        const matching = mode ?? setting.matchingMode ?? '';
        return {
            settingId: setting.settingId ?? '',
            objectApiName: name,
            label,
            enabledText: yesNo(setting.enabled),
            insertText: yesNo(setting.insertAllowed),
            updateText: yesNo(setting.updateAllowed),
            matchingText: setting.targetExternalIdField ? `${matching} (${setting.targetExternalIdField})` : matching,
            batchSize: setting.batchSize === null || setting.batchSize === undefined ? '' : String(setting.batchSize),
            filterProblem: setting.filterProblem ?? undefined,
            editLabel: `${LABELS.edit}: ${label}`,
            deleteLabel: `${LABELS.delete}: ${label}`,
        };
    });
}

/**
 * The objects that can still be added: the candidates not set up yet.
 * @param candidates the org's objects
 * @param settings the target's settings
 */
export function addableObjects(candidates: SettingsOption[], settings: ObjectSettingInfo[]): SettingsOption[] {
    const taken = new Set(settings.map((setting) => (setting.objectApiName ?? '').toLowerCase()));
    return candidates
        .filter((candidate) => !taken.has((candidate.value ?? '').toLowerCase()))
        .map((candidate) => ({ label: `${candidate.label ?? ''} (${candidate.value ?? ''})`, value: candidate.value }));
}
