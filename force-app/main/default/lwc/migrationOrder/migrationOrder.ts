import { LightningElement, api } from 'lwc';
import type { ObjectPreview } from 'c/executeApi';
import { formatLabel } from 'c/resyncFormat';
import { LABELS } from './labels';
import { automaticChoices, isAutomaticOrder, moveItem, orderRows, parseBatchSize } from './orderRows';
import type { OrderChoice, OrderRow } from './orderRows';

export type { OrderChoice } from './orderRows';
export { automaticChoices, choiceProblems, isAutomaticOrder, toObjectChoices } from './orderRows';

/**
 * The migration order table of the Execute screen: the objects in the order they are written, why each deferred
 * lookup waits for a second pass, Up/Down buttons and drag and drop to reorder, insert and update switches and a batch
 * size per object, and Reset to automatic order. It owns nothing: every change is told with `orderchange`
 * ({ objects: OrderChoice[] }) and the owner passes the new `choices` back.
 */
export default class MigrationOrder extends LightningElement {
    /** The preview's objects, in the automatic order. */
    @api objects: ObjectPreview[] = [];
    /** The current choices in the chosen order; without them, the automatic order with the settings' switches. */
    @api choices?: OrderChoice[];
    /** Disables every control, e.g. while a run is active. */
    @api disabled = false;

    readonly labels = LABELS;
    dragIndex = -1;
    dropIndex = -1;
    announcement = '';

    get current(): OrderChoice[] {
        return this.choices && this.choices.length > 0 ? this.choices : automaticChoices(this.objects);
    }

    get rows(): OrderRow[] {
        return orderRows(this.current, this.objects, LABELS, this.dropIndex);
    }

    get hasRows(): boolean {
        return this.current.length > 0;
    }

    get isManual(): boolean {
        return !isAutomaticOrder(this.current, this.objects);
    }

    get orderBadge(): string {
        return this.isManual ? LABELS.manual : LABELS.automatic;
    }

    get orderBadgeClass(): string {
        return this.isManual ? 'slds-badge slds-theme_warning' : 'slds-badge slds-badge_lightest';
    }

    get resetDisabled(): boolean {
        return this.disabled || !this.isManual;
    }

    get rowDraggable(): string {
        return this.disabled ? 'false' : 'true';
    }

    handleUp(event: Event): void {
        const index = indexOf(event);
        this.move(index, index - 1);
    }

    handleDown(event: Event): void {
        const index = indexOf(event);
        this.move(index, index + 1);
    }

    handleDragStart(event: DragEvent): void {
        if (this.disabled) {
            event.preventDefault();
            return;
        }
        this.dragIndex = indexOf(event);
        event.dataTransfer?.setData('text/plain', String(this.dragIndex));
        if (event.dataTransfer) {
            event.dataTransfer.effectAllowed = 'move';
        }
    }

    handleDragOver(event: DragEvent): void {
        if (this.dragIndex < 0) {
            return;
        }
        event.preventDefault();
        this.dropIndex = indexOf(event);
    }

    handleDrop(event: DragEvent): void {
        event.preventDefault();
        const from = this.dragIndex;
        const to = indexOf(event);
        this.dragIndex = -1;
        this.dropIndex = -1;
        this.move(from, to);
    }

    handleDragEnd(): void {
        this.dragIndex = -1;
        this.dropIndex = -1;
    }

    handleInsert(event: CustomEvent<{ checked?: boolean }>): void {
        this.change(indexOf(event), { insertAllowed: checkedOf(event) });
    }

    handleUpdate(event: CustomEvent<{ checked?: boolean }>): void {
        this.change(indexOf(event), { updateAllowed: checkedOf(event) });
    }

    handleBatchSize(event: CustomEvent<{ value?: string }>): void {
        this.change(indexOf(event), { batchSize: parseBatchSize(event.detail?.value) });
    }

    handleReset(): void {
        this.announcement = '';
        this.tell(automaticChoices(this.objects));
    }

    private move(from: number, to: number): void {
        const choices = this.current;
        if (this.disabled || from < 0 || to < 0 || from >= choices.length || to >= choices.length || from === to) {
            return;
        }
        const moved = moveItem(choices, from, to);
        const row = this.rows[from];
        this.announcement = formatLabel(LABELS.moved, row.label, to + 1);
        this.tell(moved);
    }

    private change(index: number, patch: Partial<OrderChoice>): void {
        const choices = this.current;
        if (index < 0 || index >= choices.length) {
            return;
        }
        this.tell(choices.map((choice, at) => (at === index ? { ...choice, ...patch } : choice)));
    }

    private tell(objects: OrderChoice[]): void {
        this.dispatchEvent(new CustomEvent('orderchange', { detail: { objects } }));
    }
}

/** The row index a control or row carries in `data-index`. */
function indexOf(event: Event): number {
    const element = event.currentTarget as HTMLElement | null;
    const value = element?.dataset?.index;
    return value === undefined ? -1 : Number(value);
}

/** A checkbox's new state, from the event or the element. */
function checkedOf(event: CustomEvent<{ checked?: boolean }>): boolean {
    if (typeof event.detail?.checked === 'boolean') {
        return event.detail.checked;
    }
    return (event.currentTarget as HTMLInputElement | null)?.checked === true;
}
