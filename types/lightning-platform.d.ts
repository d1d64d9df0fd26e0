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

declare module 'lightning/empApi' {
    /** A streaming message: the event's fields under `data.payload`. */
    export interface EmpMessage {
        channel?: string;
        data?: { payload?: Record<string, unknown>; event?: { replayId?: number } };
    }
    /** What `subscribe` resolves with, to pass to `unsubscribe`. */
    export interface EmpSubscription {
        channel?: string;
        id?: string;
    }
    export function subscribe(
        channel: string,
        replayId: number,
        onMessage: (message: EmpMessage) => void,
    ): Promise<EmpSubscription>;
    export function unsubscribe(
        subscription: EmpSubscription,
        callback?: (response: unknown) => void,
    ): Promise<unknown>;
    export function onError(callback: (error: unknown) => void): void;
    export function setDebugFlag(flag: boolean): Promise<unknown>;
    export function isEmpEnabled(): Promise<boolean>;
}

declare module 'lightning/navigation' {
    /** A page reference: where Lightning navigates to. */
    export interface PageReference {
        type: string;
        attributes?: Record<string, unknown>;
        state?: Record<string, unknown>;
    }
    const Navigate: unique symbol;
    const GenerateUrl: unique symbol;
    /** What the mixin adds to a component. */
    export interface Navigator {
        [Navigate](pageReference: PageReference, replace?: boolean): void;
        [GenerateUrl](pageReference: PageReference): Promise<string>;
    }
    /** The mixin that gives a component `this[NavigationMixin.Navigate](pageReference)`. */
    export const NavigationMixin: {
        <Base extends new (...args: never[]) => object>(
            base: Base,
        ): (new (...args: ConstructorParameters<Base>) => InstanceType<Base> & Navigator) & Pick<Base, keyof Base>;
        readonly Navigate: typeof Navigate;
        readonly GenerateUrl: typeof GenerateUrl;
    };
}
