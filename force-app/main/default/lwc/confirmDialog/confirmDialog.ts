import { LightningElement, api } from 'lwc';
import confirmText from '@salesforce/label/c.Resync_Confirm_Confirm';
import cancelText from '@salesforce/label/c.Resync_Confirm_Cancel';
import closeText from '@salesforce/label/c.Resync_Confirm_Close';

/**
 * A confirmation in an SLDS modal: a title, what will happen, and two buttons. It only asks: the owner decides what
 * `confirm` does and closes it by setting `open` to false. Escape and the close button mean cancel.
 */
export default class ConfirmDialog extends LightningElement {
    /** Whether the dialog is shown. */
    @api open = false;
    /** The dialog's title. */
    @api override title = '';
    /** What will happen, in words. */
    @api message = '';
    /** The confirm button's text. */
    @api confirmLabel: string = confirmText;
    /** The cancel button's text. */
    @api cancelLabel: string = cancelText;
    /** `brand` or `destructive`, the confirm button's variant. */
    @api variant = 'brand';
    /** Disables the confirm button, e.g. while the owner works. */
    @api busy = false;

    readonly closeLabel: string = closeText;
    private focused = false;

    get confirmVariant(): string {
        return this.variant === 'destructive' ? 'destructive' : 'brand';
    }

    override renderedCallback(): void {
        if (this.open && !this.focused) {
            const button = this.template?.querySelector<HTMLElement>('[data-id="cancel"]');
            button?.focus();
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
        this.dispatchEvent(new CustomEvent('confirm'));
    }
}
