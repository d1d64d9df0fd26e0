/**
 * The one narrow seam between the interpreter and the rest of the org: SOQL, SOSL, DML, async work and callouts.
 * The default implementation refuses everything loudly; src/data (and later async/http) plug in behind it.
 *
 * SOQL/SOSL text is handed over as written in the Apex source, with each `:expr` bind replaced by `:bindN`; the
 * evaluated bind values come in `binds` (index N). Records cross the seam as SObjectValue (the interpreter's own
 * sObject representation); the data layer converts to and from storage values using the schema.
 */
import type { SourcePos } from './errors.js';
import { notSupported } from './errors.js';
import type { Limits } from './runtime/limits.js';
import type { SObjectValue, Value } from './runtime/values.js';
import type { RtMethod } from './runtime/classes.js';

export type DmlOperation = 'insert' | 'update' | 'delete' | 'undelete' | 'upsert' | 'merge';

export interface DmlRequest {
    op: DmlOperation;
    records: SObjectValue[];
    /** Database.* methods: false means partial success. DML statements are all-or-none. */
    allOrNone: boolean;
    /** For upsert: the external id field, or null for Id. */
    externalIdField: string | null;
    /** For merge: the records merged into records[0]. */
    mergeRecords: SObjectValue[];
    /** `as user` / `as system` or the AccessLevel given; null when none (the default follows the API version). */
    accessLevel: 'user' | 'system' | null;
}

export interface DmlRowResult {
    success: boolean;
    id: string | null;
    created: boolean;
    errors: { statusCode: string; message: string; fields: string[] }[];
}

/**
 * An asynchronous request. `job` is the Queueable / Batchable / Schedulable / Finalizer object; for `future`, the
 * static method and its arguments (run it later with `runtime.invoke(method, null, args, null)`).
 */
export interface AsyncRequest {
    kind: 'queueable' | 'future' | 'batch' | 'schedule' | 'finalizer';
    job: Value;
    future?: { method: RtMethod; args: Value[] };
    /** Database.executeBatch scope size (default 200). */
    scope?: number;
    /** System.enqueueJob(job, delay) minutes. */
    delayMinutes?: number;
    /** System.enqueueJob(job, AsyncOptions). */
    asyncOptions?: {
        maximumQueueableStackDepth?: number;
        duplicateSignature?: string;
        minimumQueueableDelayInMinutes?: number;
    };
    /** System.schedule(name, cron, job). */
    name?: string;
    cron?: string;
}

export interface PlatformContext {
    limits: Limits;
    pos: SourcePos;
    /**
     * For queries: the access level given to Database.query / queryWithBinds / countQuery / countQueryWithBinds
     * (`AccessLevel.USER_MODE` or `SYSTEM_MODE`); `WITH USER_MODE` / `WITH SYSTEM_MODE` in the text win. Unset: system.
     */
    accessLevel?: 'user' | 'system';
}

export interface Platform {
    query(soql: string, binds: Value[], ctx: PlatformContext): SObjectValue[] | Value;
    search(sosl: string, binds: Value[], ctx: PlatformContext): Value;
    dml(req: DmlRequest, ctx: PlatformContext): DmlRowResult[];
    /** Queues asynchronous work; returns the AsyncApexJob (or CronTrigger) Id. */
    enqueue(req: AsyncRequest, ctx: PlatformContext): string;
    /** EventBus.publish: one result per event. */
    publish(events: SObjectValue[], ctx: PlatformContext): DmlRowResult[];
    callout(request: Value, ctx: PlatformContext): Value;
    /** Database.setSavepoint(): an opaque token. */
    savepoint(ctx: PlatformContext): unknown;
    /** Database.rollback(savepoint). */
    rollback(savepoint: unknown, ctx: PlatformContext): void;
    /** System.runAs(user): switches the running user; returns the function that switches back. Optional. */
    runAs?(user: Value, ctx: PlatformContext): () => void;
    /** The running user's Id (UserInfo.getUserId()). Optional. */
    runningUserId?(): string;
    /** The running user's profile Id (UserInfo.getProfileId()), or null when unknown. Optional. */
    runningProfileId?(): string | null;
    /** The org's Id (UserInfo.getOrganizationId()), or null when unknown. Optional. */
    organizationId?(): string | null;
    /**
     * Whether the running user may read / create / edit / delete an object, or read / edit one of its fields
     * (`fieldName` set; `edit` then covers create and update): what describe's access checks answer. Optional
     * (without it, describe answers from the schema's flags alone).
     */
    access?(objectName: string, fieldName: string | null, action: 'read' | 'create' | 'edit' | 'delete'): boolean;
    /** Test.setMock(type, mock): the callout layer answers the test's callouts with the mock. Optional. */
    setMock?(mockType: string, mock: Value, ctx: PlatformContext): void;
    /** Test.startTest(): work enqueued from here on runs at stopTest. Optional. */
    startTest?(ctx: PlatformContext): void;
    /** System.abortJob(id). Optional. */
    abortJob?(id: string, ctx: PlatformContext): void;
    /** AsyncInfo.getCurrentQueueableStackDepth(). Optional (0 without an async layer). */
    queueableStackDepth?(): number;
    /** Test.stopTest(): run the asynchronous work queued since Test.startTest(), as the platform does. Optional. */
    stopTest?(ctx: PlatformContext): void;
    /**
     * Test.setCreatedDate(recordId, createdDatetime): sets an existing record's CreatedDate (an ISO-8601 UTC instant).
     * Returns false when there is no such record. Optional.
     */
    setCreatedDate?(recordId: string, createdDate: string, ctx: PlatformContext): boolean;
}

/** The platform of a runtime with nothing plugged in: every call is unsupported, loudly. */
export const unsupportedPlatform: Platform = {
    query: (_s, _b, ctx) => notSupported('SOQL query', ctx.pos),
    search: (_s, _b, ctx) => notSupported('SOSL search', ctx.pos),
    dml: (req, ctx) => notSupported(`DML ${req.op}`, ctx.pos),
    enqueue: (req, ctx) => notSupported(`async ${req.kind}`, ctx.pos),
    publish: (_e, ctx) => notSupported('EventBus.publish', ctx.pos),
    callout: (_r, ctx) => notSupported('HTTP callout', ctx.pos),
    savepoint: (ctx) => notSupported('Database.setSavepoint', ctx.pos),
    rollback: (_s, ctx) => notSupported('Database.rollback', ctx.pos),
};
