/**
 * Types for `@salesforce/apex/*` imports. The platform gives every `@AuraEnabled` method a default export that is
 * both an imperative function returning a Promise and a wire adapter; `ApexMethod` types it as both, so a call and a
 * `@wire` use are checked against the same parameter and result types.
 *
 * The per-method modules are generated from the Apex source into `types/generated/apex.d.ts` by
 * `scripts/lwc/generate-platform-types.ts` (run by `npm run build:lwc`), so an import of a method that does not exist
 * in the package, or a call with wrong parameters, fails the type check.
 */
/** The error an Apex call rejects with (an `AuraHandledException` arrives as `body.message`). */
interface ApexCallError {
    status?: number;
    statusText?: string;
    body?: { message?: string; exceptionType?: string; stackTrace?: string } | { message?: string }[];
}

/** What a `@wire`d Apex method provisions. */
interface ApexWireResult<Result> {
    data?: Result;
    error?: ApexCallError;
}

/** An `@AuraEnabled` Apex method as imported by a Lightning web component. */
type ApexMethod<Params extends Record<string, unknown>, Result> = ((params?: Params) => Promise<Result>) &
    import('lwc').WireAdapterConstructor<Params, ApexWireResult<Result>>;

declare module '@salesforce/apex' {
    /** Re-fetches the data of a wired Apex method; pass the value the wire provisioned. */
    export function refreshApex(wiredValue: unknown): Promise<void>;
    /** The Apex method's result value when its wire has not provisioned yet. */
    export function getSObjectValue(record: unknown, field: string): unknown;
}
