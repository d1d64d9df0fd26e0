import type { ObjectChoice, ObjectPreview } from 'c/executeApi';
import { formatLabel } from 'c/resyncFormat';
import type { OrderLabels } from './labels';

/** One choice of the migration order: what the Execute screen sends for an object. */
export interface OrderChoice {
    objectName: string;
    insertAllowed: boolean;
    updateAllowed: boolean;
    /** Records per chunk, or null for the object setting's. */
    batchSize: number | null;
}

/** One row of the migration order table, ready for the template. */
export interface OrderRow {
    key: string;
    index: number;
    position: number;
    objectName: string;
    label: string;
    reasons: { key: string; text: string }[];
    hasReasons: boolean;
    insertAllowed: boolean;
    updateAllowed: boolean;
    batchValue: string;
    batchPlaceholder: string;
    upDisabled: boolean;
    downDisabled: boolean;
    upLabel: string;
    downLabel: string;
    insertLabel: string;
    updateLabel: string;
    batchLabel: string;
    rowClass: string;
}

/**
 * The choices of a plan's objects as the preview gives them: its order and the object settings' switches, with the
 * batch size left to the setting.
 * @param objects the preview's objects, in the order the engine writes them
 */
export function automaticChoices(objects: ObjectPreview[] | null | undefined): OrderChoice[] {
    return (objects ?? []).map((object) => ({
        objectName: object.objectName ?? '',
        insertAllowed: object.insertAllowed !== false,
        updateAllowed: object.updateAllowed !== false,
        batchSize: null,
    }));
}

/**
 * Why each deferred lookup of an object waits for a second pass: a lookup to its own object is a self-reference,
 * any other closes a cycle between the run's objects.
 * @param object the object's preview
 * @param labels the texts
 */
export function deferredReasons(object: ObjectPreview | undefined, labels: OrderLabels): string[] {
    const self = new Set((object?.selfReferences ?? []).map((name) => name.toLowerCase()));
    return (object?.deferredLookups ?? []).map((field) =>
        formatLabel(self.has(field.toLowerCase()) ? labels.selfReason : labels.cycleReason, field),
    );
}

/**
 * A copy of a list with one item moved.
 * @param items the list
 * @param from the item's index
 * @param to where it goes
 */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
    const copy = items.slice();
    if (from < 0 || from >= copy.length || to < 0 || to >= copy.length || from === to) {
        return copy;
    }
    const [item] = copy.splice(from, 1);
    copy.splice(to, 0, item);
    return copy;
}

/**
 * Whether the choices follow the preview's order.
 * @param choices the choices
 * @param objects the preview's objects
 */
export function isAutomaticOrder(
    choices: readonly OrderChoice[],
    objects: ObjectPreview[] | null | undefined,
): boolean {
    const automatic = (objects ?? []).map((object) => object.objectName ?? '');
    return (
        choices.length === automatic.length && choices.every((choice, index) => choice.objectName === automatic[index])
    );
}

/**
 * A batch size typed by a person: blank means the setting's (null), anything else is kept as a number, checked by
 * {@link choiceProblems}.
 * @param value the input's value
 */
export function parseBatchSize(value: string | number | null | undefined): number | null {
    const text = value === null || value === undefined ? '' : String(value).trim();
    return text === '' ? null : Number(text);
}

/**
 * The objects whose choices cannot be sent: a batch size outside 1 to 2,000, or neither insert nor update.
 * @param choices the choices
 */
export function choiceProblems(choices: readonly OrderChoice[]): string[] {
    return choices
        .filter(
            (choice) =>
                (!choice.insertAllowed && !choice.updateAllowed) ||
                (choice.batchSize !== null &&
                    (!Number.isInteger(choice.batchSize) || choice.batchSize < 1 || choice.batchSize > 2000)),
        )
        .map((choice) => choice.objectName);
}

/**
 * The choices as `ExecuteController.startExecute` takes them.
 * @param choices the choices, in the wanted order
 */
export function toObjectChoices(choices: readonly OrderChoice[]): ObjectChoice[] {
    return choices.map((choice) => ({
        objectName: choice.objectName,
        insertAllowed: choice.insertAllowed,
        updateAllowed: choice.updateAllowed,
        batchSize: choice.batchSize ?? undefined,
    }));
}

/**
 * The table's rows.
 * @param choices the choices, in order
 * @param objects the preview's objects (labels, deferred lookups, settings' batch sizes)
 * @param labels the texts
 * @param dropIndex the row a dragged row hovers over, or -1
 */
export function orderRows(
    choices: readonly OrderChoice[],
    objects: ObjectPreview[] | null | undefined,
    labels: OrderLabels,
    dropIndex: number,
): OrderRow[] {
    const byName = new Map((objects ?? []).map((object) => [object.objectName ?? '', object]));
    return choices.map((choice, index) => {
        const object = byName.get(choice.objectName);
        const name = object?.label ?? choice.objectName;
        const reasons = deferredReasons(object, labels).map((text, at) => ({
            key: `${choice.objectName}-${at}`,
            text,
        }));
        return {
            key: choice.objectName,
            index,
            position: index + 1,
            objectName: choice.objectName,
            label: name,
            reasons,
            hasReasons: reasons.length > 0,
            insertAllowed: choice.insertAllowed,
            updateAllowed: choice.updateAllowed,
            batchValue: choice.batchSize === null ? '' : String(choice.batchSize),
            batchPlaceholder: object?.batchSize === undefined ? '' : String(object.batchSize),
            upDisabled: index === 0,
            downDisabled: index === choices.length - 1,
            upLabel: formatLabel(labels.moveUp, name),
            downLabel: formatLabel(labels.moveDown, name),
            insertLabel: formatLabel(labels.insertFor, name),
            updateLabel: formatLabel(labels.updateFor, name),
            batchLabel: formatLabel(labels.batchSizeFor, name, object?.batchSize ?? ''),
            rowClass: index === dropIndex ? 'slds-hint-parent slds-is-selected' : 'slds-hint-parent',
        };
    });
}
