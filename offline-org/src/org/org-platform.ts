/**
 * The Platform seam implemented over the data layer's OrgStore: SOQL (binds `:bindN` -> the evaluated values,
 * rows -> SObjectValues, AggregateResult, COUNT()), DML with per-row results and triggers, savepoints, and the
 * SOQL / DML governor limits, async work through the org's AsyncEngine (org-async.ts), callouts through the http
 * layer's CalloutService (org-http.ts). SOSL stays loudly unsupported.
 */
import type { MovableClock } from '../async/clock.js';
import type { BatchSource } from '../async/host.js';
import { PlatformException } from '../async/platform-exception.js';
import type { OrgStore, Row } from '../data/index.js';
import {
    DmlException as DataDmlException,
    NotSupportedError as DataNotSupported,
    QueryException as DataQueryException,
    SecurityException as DataSecurityException,
    SObjectException as DataSObjectException,
    parseSoql,
} from '../data/index.js';
import type { SourcePos } from '../apex/errors.js';
import { notSupported } from '../apex/errors.js';
import type { Runtime } from '../apex/interpreter/runtime.js';
import type { AsyncRequest, DmlRequest, DmlRowResult, Platform, PlatformContext } from '../apex/platform.js';
import { ApexList, IdValue, NativeObject, SObjectValue } from '../apex/runtime/values.js';
import type { Value } from '../apex/runtime/values.js';
import { aggregateColumns, aggregateRowToSObject } from './aggregate-rows.js';
import { chargeDml, chargeQuery, chargeQueryRows } from './governor.js';
import { AGGREGATE_RESULT, rowToSObject, sobjectToRow } from './records.js';
import { UnstorableValueError, bindToStorage } from './record-values.js';
import { triggerHooks } from './trigger-hooks.js';
import { OrgAsync } from './org-async.js';
import { OrgHttp } from './org-http.js';
import { defaultAccessMode, sharingApplies } from '../apex/runtime/sharing-context.js';
import { EndpointTable } from '../http/named-credentials.js';

const COUNT_ONLY = /^\s*select\s+count\s*\(\s*\)\s+from\b/i;
const FROM = /\bfrom\s+([A-Za-z0-9_]+)/i;

export class OrgPlatform implements Platform {
    /** The running user (System.runAs switches it). */
    userId: string;
    readonly async: OrgAsync;
    readonly http: OrgHttp;

    constructor(
        readonly rt: Runtime,
        readonly store: OrgStore,
        endpoints: EndpointTable = new EndpointTable(),
        clock?: MovableClock,
    ) {
        this.userId = store.defaultUserId;
        this.async = new OrgAsync(rt, store, (locator) => this.openLocator(locator), clock, {
            get: () => this.userId,
            set: (userId) => {
                this.userId = userId;
            },
        });
        this.http = new OrgHttp(rt, this.async, endpoints);
    }

    /** Runs `fn`, turning the data layer's errors into the Apex exceptions the platform raises. */
    private guard<T>(pos: SourcePos, fn: () => T): T {
        try {
            return fn();
        } catch (e) {
            if (e instanceof DataNotSupported) return notSupported(e.what, pos);
            if (e instanceof DataQueryException) return this.rt.fail('QueryException', e.message);
            if (e instanceof DataSecurityException) return this.rt.fail('SecurityException', e.message);
            if (e instanceof DataSObjectException) return this.rt.fail('SObjectException', e.message);
            if (e instanceof UnstorableValueError) return this.rt.fail('TypeException', e.message);
            if (e instanceof PlatformException) return this.rt.fail(e.exceptionType, e.message);
            throw e;
        }
    }

    query(soql: string, binds: Value[], ctx: PlatformContext): SObjectValue[] | Value {
        const fail = this.rt.fail;
        chargeQuery(ctx.limits, fail);
        const location = `${ctx.pos.file}:${ctx.pos.line}`;
        const resolve = bindResolver(binds, ctx.pos);
        const result = this.guard(ctx.pos, () =>
            this.store.query(soql, resolve, {
                userId: this.userId,
                location,
                mode: ctx.accessLevel ?? defaultAccessMode(this.rt.top),
                sharing: sharingApplies(this.rt.top),
            }),
        );
        chargeQueryRows(ctx.limits, result.queryRowsCounted, fail);
        if (COUNT_ONLY.test(soql)) return result.totalSize;
        if (result.isAggregate) {
            const columns = aggregateColumns(this.rt.schema, parseSoql(soql));
            return new ApexList(
                { k: 'sobject', name: AGGREGATE_RESULT },
                result.rows.map((r) => aggregateRowToSObject(columns, r)),
            );
        }
        const from = FROM.exec(soql)?.[1] ?? 'SObject';
        return result.rows.map((r) => rowToSObject(this.rt.schema, from, r));
    }

    dml(req: DmlRequest, ctx: PlatformContext): DmlRowResult[] {
        const records = req.records;
        if (records.length === 0) return [];
        const objectName = records[0].objectName;
        if (records.some((r) => r.objectName.toLowerCase() !== objectName.toLowerCase())) {
            return notSupported('DML on a list of more than one sObject type', ctx.pos);
        }
        chargeDml(ctx.limits, records.length + req.mergeRecords.length, this.rt.fail);
        const options = {
            allOrNone: req.allOrNone,
            mode: req.accessLevel ?? defaultAccessMode(this.rt.top),
            userId: this.userId,
            sharing: sharingApplies(this.rt.top),
            hooks: triggerHooks(this.rt, this.rt.schema),
            externalIdField: req.externalIdField ?? undefined,
        };
        const rows = (): Row[] => records.map((r) => sobjectToRow(this.rt.schema, r));
        const ids = (): (string | null)[] => rows().map((r) => (typeof r.Id === 'string' ? r.Id : null));
        return this.guard(ctx.pos, () => {
            try {
                switch (req.op) {
                    case 'insert':
                        return this.store.insert(objectName, rows(), options).map(toRowResult);
                    case 'update':
                        return this.store.update(objectName, rows(), options).map(toRowResult);
                    case 'upsert':
                        return this.store.upsert(objectName, rows(), options).map(toRowResult);
                    case 'delete':
                        return this.store.delete(objectName, ids(), options).map(toRowResult);
                    case 'undelete':
                        return this.store.undelete(objectName, ids(), options).map(toRowResult);
                    case 'merge':
                        return [this.merge(req, objectName, options)];
                }
            } catch (e) {
                // allOrNone: the data layer has undone the statement; the interpreter raises the DmlException.
                if (e instanceof DataDmlException) return e.results.map(toRowResult);
                throw e;
            }
        });
    }

    private merge(req: DmlRequest, objectName: string, options: { userId: string }): DmlRowResult {
        const master = sobjectToRow(this.rt.schema, req.records[0]);
        const dupIds = req.mergeRecords.map((r) => sobjectToRow(this.rt.schema, r).Id).map(String);
        const r = this.store.merge(objectName, master, dupIds, options);
        return { success: r.success, id: r.id, created: false, errors: r.errors };
    }

    search(_sosl: string, _binds: Value[], ctx: PlatformContext): Value {
        return notSupported('SOSL search', ctx.pos);
    }

    enqueue(req: AsyncRequest, ctx: PlatformContext): string {
        return this.guard(ctx.pos, () => this.async.enqueue(req, ctx.limits));
    }

    publish(events: SObjectValue[], ctx: PlatformContext): DmlRowResult[] {
        return this.guard(ctx.pos, () => this.async.publish(events, ctx.limits));
    }

    /** System.runAs(user): the user must be a saved User record; SOQL and DML in user mode check its access. */
    runAs(user: Value, ctx: PlatformContext): () => void {
        if (!(user instanceof SObjectValue) || user.objectName.toLowerCase() !== 'user') {
            return this.rt.fail('TypeException', 'System.runAs requires a User');
        }
        const id = user.fields.get('id')?.value;
        if (!(id instanceof IdValue))
            return notSupported('System.runAs with a User that has not been inserted', ctx.pos);
        const previous = this.userId;
        this.userId = id.v;
        return () => {
            this.userId = previous;
        };
    }

    runningUserId(): string {
        return this.userId;
    }

    runningProfileId(): string | null {
        const rows = this.store.query(`SELECT ProfileId FROM User WHERE Id = '${this.userId}'`).rows;
        const id = rows[0]?.ProfileId;
        return typeof id === 'string' ? id : null;
    }

    organizationId(): string | null {
        const id = this.store.query('SELECT Id FROM Organization LIMIT 1').rows[0]?.Id;
        return typeof id === 'string' ? id : null;
    }

    /** Describe's access checks: the running user's object and field permissions in the data layer's model. */
    access(objectName: string, fieldName: string | null, action: 'read' | 'create' | 'edit' | 'delete'): boolean {
        const perms = this.store.permissions;
        const object = this.store.schema.getObject(objectName);
        if (!object) return false;
        if (fieldName !== null) {
            const field = object.fields.get(fieldName.toLowerCase());
            if (!field) return false;
            if (action === 'read') return perms.canReadField(this.userId, object, field);
            if (!perms.canEditField(this.userId, object, field)) return false;
            return action === 'create'
                ? perms.canCreate(this.userId, object)
                : action === 'edit' && perms.canEdit(this.userId, object);
        }
        switch (action) {
            case 'read':
                return perms.canRead(this.userId, object);
            case 'create':
                return perms.canCreate(this.userId, object);
            case 'edit':
                return perms.canEdit(this.userId, object);
            case 'delete':
                return perms.canDelete(this.userId, object);
        }
    }

    startTest(ctx: PlatformContext): void {
        this.guard(ctx.pos, () => this.async.engine.startTest());
    }

    stopTest(ctx: PlatformContext): void {
        this.guard(ctx.pos, () => this.async.engine.stopTest());
    }

    abortJob(id: string, ctx: PlatformContext): void {
        this.guard(ctx.pos, () => this.async.engine.abort(id));
    }

    setCreatedDate(recordId: string, createdDate: string, ctx: PlatformContext): boolean {
        return this.guard(ctx.pos, () => this.store.setCreatedDate(recordId, createdDate));
    }

    queueableStackDepth(): number {
        return this.async.engine.currentStackDepth();
    }

    /** A batch's QueryLocator, read scope by scope through the store's cursor (Ids fixed when start() returned). */
    openLocator(locator: NativeObject): BatchSource {
        const state = locator.state as { text: string; binds: Value[] };
        const pos = { file: '<batch>', line: 0 };
        const cursor = this.guard(pos, () =>
            this.store.openCursor(state.text, bindResolver(state.binds, pos), { userId: this.userId }),
        );
        const from = FROM.exec(state.text)?.[1] ?? 'SObject';
        let at = 0;
        return {
            take: (n) => {
                const rows = cursor.fetch(at, n).rows;
                at += rows.length;
                return rows.map((r) => rowToSObject(this.rt.schema, from, r));
            },
        };
    }

    callout(request: Value, ctx: PlatformContext): Value {
        return this.guard(ctx.pos, () => this.http.send(request, ctx.limits));
    }

    setMock(mockType: string, mock: Value, ctx: PlatformContext): void {
        this.guard(ctx.pos, () => this.http.setMock(mockType, mock));
    }

    /** Database.setSavepoint counts as a DML statement, as on the platform. */
    savepoint(ctx: PlatformContext): unknown {
        chargeDml(ctx.limits, 0, this.rt.fail);
        return this.store.setSavepoint();
    }

    rollback(savepoint: unknown, ctx: PlatformContext): void {
        if (savepoint === null || savepoint === undefined) return this.rt.npe();
        chargeDml(ctx.limits, 0, this.rt.fail);
        this.guard(ctx.pos, () => this.store.rollbackTo(savepoint as Parameters<OrgStore['rollbackTo']>[0]));
    }
}

/** The data layer's bind resolver over the interpreter's evaluated `:bindN` values. */
function bindResolver(binds: Value[], pos: SourcePos): (text: string) => ReturnType<typeof bindToStorage> {
    return (text) => {
        const m = /^bind(\d+)$/.exec(text.trim());
        if (!m || Number(m[1]) >= binds.length) return notSupported(`SOQL bind expression :${text}`, pos);
        return bindToStorage(binds[Number(m[1])]);
    };
}

function toRowResult(r: {
    id: string | null;
    success: boolean;
    created?: boolean;
    errors: DmlRowResult['errors'];
}): DmlRowResult {
    return { success: r.success, id: r.id, created: r.created ?? false, errors: r.errors };
}
