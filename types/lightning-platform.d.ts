/**
 * Types for the `lightning/*` platform modules Resync uses that `@salesforce/lightning-types` does not declare.
 */
declare module 'lightning/platformShowToastEvent' {
    export interface ShowToastEventDetail {
        title: string;
        message?: string;
        variant?: 'info' | 'success' | 'warning' | 'error';
        mode?: 'dismissible' | 'pester' | 'sticky';
        messageData?: unknown[];
    }
    export class ShowToastEvent extends CustomEvent<ShowToastEventDetail> {
        constructor(detail: ShowToastEventDetail);
    }
}
