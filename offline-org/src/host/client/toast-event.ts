/**
 * `lightning/platformShowToastEvent` in the browser without an org: the event the platform's container turns into a
 * toast. The host's shell listens for it on the window and shows the toast (shell.ts).
 */

export interface ToastDetail {
    title?: string;
    message?: string;
    variant?: 'info' | 'success' | 'warning' | 'error';
    mode?: 'dismissible' | 'pester' | 'sticky';
    messageData?: unknown[];
}

export const TOAST_EVENT = 'lightning__showtoast';

export class ShowToastEvent extends CustomEvent<ToastDetail> {
    constructor(detail: ToastDetail) {
        super(TOAST_EVENT, { bubbles: true, composed: true, cancelable: true, detail });
    }
}
