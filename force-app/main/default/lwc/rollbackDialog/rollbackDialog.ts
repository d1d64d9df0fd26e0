import { LightningElement, api } from 'lwc';
import type { RollbackPreview } from 'c/recoveryApi';
import { formatCount, formatLabel } from 'c/resyncFormat';
import titleLabel from '@salesforce/label/c.Resync_RollbackDialog_Title';
import deleteLabel from '@salesforce/label/c.Resync_RollbackDialog_Delete';
import restoreLabel from '@salesforce/label/c.Resync_RollbackDialog_Restore';
import changedLabel from '@salesforce/label/c.Resync_RollbackDialog_Changed';
import resumingLabel from '@salesforce/label/c.Resync_RollbackDialog_Resuming';
import cannotLabel from '@salesforce/label/c.Resync_RollbackDialog_Cannot';
import confirmLabel from '@salesforce/label/c.Resync_RollbackDialog_Confirm';
import cancelLabel from '@salesforce/label/c.Resync_RollbackDialog_Cancel';
import closeLabel from '@salesforce/label/c.Resync_RollbackDialog_Close';
import loadingLabel from '@salesforce/label/c.Resync_RollbackDialog_Loading';

/**
 * The confirmation of a rollback, in an SLDS modal: how many records the rollback deletes and restores, whether it
 * resumes one that stopped, or why it cannot run. It only asks: `confirm` and `cancel` tell the owner, who closes it
 * by setting `open` to false. Escape and the close button mean cancel; the first button gets the focus.
 */
export default class RollbackDialog extends LightningElement {
    /** Whether the dialog is shown. */
    @api open = false;
    /** What the rollback would do, from `recoveryApi.previewRollback`; undefined while it loads. */
    @api preview?: RollbackPreview;
    /** Disables Roll back while the owner starts it. */
    @api busy = false;
    /** An error to show (e.g. the preview failed). */
    @api errorMessage?: string;

    readonly labels = {
        title: titleLabel,
        changed: changedLabel,
        resuming: resumingLabel,
        confirm: confirmLabel,
        cancel: cancelLabel,
        close: closeLabel,
        loading: loadingLabel,
    };
    private focused = false;

    get isLoading(): boolean {
        return this.preview === undefined && !this.errorMessage;
    }

    get canRollBack(): boolean {
        return this.preview?.canRollBack === true;
    }

    get cannotText(): string | undefined {
        if (this.preview === undefined || this.canRollBack) {
            return undefined;
        }
        return formatLabel(cannotLabel, this.preview.reason ?? '');
    }

    get deleteText(): string {
        return formatLabel(deleteLabel, formatCount(this.preview?.toDelete));
    }

    get restoreText(): string {
        return formatLabel(restoreLabel, formatCount(this.preview?.toRestore));
    }

    get resuming(): boolean {
        return this.preview?.resuming === true;
    }

    get confirmDisabled(): boolean {
        return this.busy || !this.canRollBack;
    }

    override renderedCallback(): void {
        if (this.open && !this.focused) {
            const first = this.template?.querySelector<HTMLElement>('[data-id="close"]');
            first?.focus();
            this.focused = true;
        } else if (!this.open) {
            this.focused = false;
        }
    }

    handleKeydown(event: KeyboardEvent): void {
        if (event.key === 'Escape') {
            event.stopPropagation();
            this.handleCancel();
        }
    }

    handleCancel(): void {
        this.dispatchEvent(new CustomEvent('cancel'));
    }

    handleConfirm(): void {
        if (!this.confirmDisabled) {
            this.dispatchEvent(new CustomEvent('confirm'));
        }
    }
}
