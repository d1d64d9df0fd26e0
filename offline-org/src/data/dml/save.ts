/**
 * Insert and update, in the platform's order of save: load/merge -> defaults -> before triggers -> system
 * validation (types, lengths, picklists, required fields, references, uniqueness) -> write -> after triggers.
 */
import { SecurityException } from '../errors.js';
import { isValidId, keyPrefixOf, to18 } from '../ids/ids.js';
import type { ObjectDescribe, Row } from '../schema-types.js';
import type { DataContext } from '../store/data-context.js';
import { runAttempts, FailureSet } from './attempts.js';
import { dmlErrors } from './errors.js';
import { duplicateError, missingRequired, referenceError, typeError, valueError } from './field-checks.js';
import { planFor, SYSTEM_FIELDS } from './object-plan.js';
import { checkFieldNames, requireObject } from './statement-rows.js';
import { applyInsertDefaults, deriveName, stampForInsert, stampForUpdate } from './system-values.js';
import type { DmlError, DmlHookContext, DmlOptions, DmlResult } from './types.js';

interface WorkItem {
    index: number;
    row: Row;
    old: Row | null;
    id18: string | null;
}

function userModeCheck(
    ctx: DataContext,
    object: ObjectDescribe,
    operation: 'insert' | 'update',
    rows: Row[],
    userId: string,
): void {
    const allowed =
        operation === 'insert' ? ctx.permissions.canCreate(userId, object) : ctx.permissions.canEdit(userId, object);
    if (!allowed) throw new SecurityException(`DML operation ${operation.toUpperCase()} not allowed on ${object.name}`);
    const denied = new Set<string>();
    for (const row of rows) {
        for (const key of Object.keys(row)) {
            const f = object.fields.get(key.toLowerCase());
            // Read-only fields are the schema's business (refused, or ignored when unchanged), not field-level security.
            const writeable = f !== undefined && (operation === 'insert' ? f.createable : f.updateable);
            if (f && writeable && f.name !== 'Id' && !ctx.permissions.canEditField(userId, object, f))
                denied.add(f.name);
        }
    }
    if (denied.size > 0)
        throw new SecurityException(
            `Operation failed due to fields being inaccessible on Sobject ${object.name}, check errors on Exception or Result! [${[...denied].join(', ')}]`,
        );
}

/**
 * Where sharing applies: updates of records the user may not edit, and records whose master-detail parents the user
 * may not edit (or read, where the field asks only that), by input index.
 */
function sharingRefusals(
    ctx: DataContext,
    object: ObjectDescribe,
    operation: 'insert' | 'update',
    rows: Row[],
    userId: string,
): Map<number, DmlError> {
    const refused = new Map<number, DmlError>();
    if (operation === 'update') {
        const ids = rows.map((r) => (typeof r.Id === 'string' && isValidId(r.Id) ? to18(r.Id) : null));
        const denied = ctx.sharing.denied(
            object,
            ids.filter((id): id is string => id !== null),
            userId,
            'edit',
        );
        ids.forEach((id, i) => {
            if (id !== null && denied.has(id)) refused.set(i, dmlErrors.insufficientAccess());
        });
    }
    for (const field of object.fields.values()) {
        if (!field.masterDetail) continue;
        const master = ctx.schema.getObject(field.referenceTo[0] ?? '');
        if (!master) continue;
        const parents = rows.map((r) => {
            const value = r[field.name];
            return typeof value === 'string' && isValidId(value) ? to18(value) : null;
        });
        const denied = ctx.sharing.denied(
            master,
            parents.filter((id): id is string => id !== null),
            userId,
            field.writeRequiresMasterRead ? 'read' : 'edit',
        );
        parents.forEach((id, i) => {
            if (id !== null && denied.has(id) && !refused.has(i))
                refused.set(i, dmlErrors.insufficientAccessOnParent(id));
        });
    }
    return refused;
}

/**
 * Fields the caller may not write: system fields, and fields not createable (insert) / updateable (update). On
 * update a read-only field still holding its stored value (as queried) is ignored, as the platform does.
 */
function notWriteable(
    object: ObjectDescribe,
    row: Row,
    operation: 'insert' | 'update',
    old: Row | null = null,
): string[] {
    const bad: string[] = [];
    for (const key of Object.keys(row)) {
        const f = object.fields.get(key.toLowerCase());
        if (!f || f.name === 'Id') continue;
        if (old && old[f.name] === row[key]) continue;
        const writeable = operation === 'insert' ? f.createable : f.updateable;
        if (SYSTEM_FIELDS.has(key.toLowerCase()) || !writeable) bad.push(f.name);
    }
    return bad;
}

/** Validates the values of a record after before-triggers ran. */
function systemValidation(
    ctx: DataContext,
    object: ObjectDescribe,
    row: Row,
    selfId: string | null,
    failures: FailureSet,
    index: number,
    seen: Map<string, boolean | undefined>,
): void {
    for (const [key, v] of Object.entries(row)) {
        const f = object.fields.get(key.toLowerCase());
        if (!f || v === undefined || (typeof v === 'object' && v !== null)) continue;
        const err = typeError(f, v) ?? valueError(f, v);
        if (err) failures.add(index, err);
    }
    if (failures.has(index)) return;
    const missing = missingRequired(object, row);
    if (missing) failures.add(index, missing);
    for (const f of planFor(object).references) {
        if (failures.has(index)) break;
        const err = referenceError(ctx, f, row, seen);
        if (err) failures.add(index, err);
    }
    if (failures.has(index)) return;
    const dup = duplicateError(ctx, object, row, selfId);
    if (dup) failures.add(index, dup);
}

function hookContext(
    operation: 'insert' | 'update',
    timing: 'before' | 'after',
    object: ObjectDescribe,
    newRows: Row[],
    oldRows: Row[] | null,
    live: number[],
    failures: FailureSet,
): DmlHookContext {
    return {
        operation,
        timing,
        objectName: object.name,
        newRows,
        oldRows,
        addError(i: number, message: string, fields: string[] = [], statusCode?: string): void {
            const index = live[i];
            if (index === undefined) throw new RangeError(`addError: no row ${i}`);
            failures.add(index, statusCode ? { statusCode, message, fields } : dmlErrors.custom(message, fields));
        },
    };
}

/** An insert record before triggers: Id refused, read-only fields refused, defaults and OwnerId applied. */
function prepareInsert(object: ObjectDescribe, source: Row, userId: string): Omit<WorkItem, 'index'> | DmlError {
    if (source.Id !== undefined && source.Id !== null) return dmlErrors.idOnInsert();
    const bad = notWriteable(object, source, 'insert');
    if (bad.length > 0) return dmlErrors.notWriteable(bad);
    const row = { ...source };
    applyInsertDefaults(object, row, userId);
    return { row, old: null, id18: null };
}

/** An update record before triggers: the stored record merged with the changes. */
function prepareUpdate(ctx: DataContext, object: ObjectDescribe, source: Row): Omit<WorkItem, 'index'> | DmlError {
    const id = source.Id;
    if (typeof id !== 'string' || id === '') return dmlErrors.missingId();
    if (!isValidId(id)) return dmlErrors.malformedId(null, id);
    if (keyPrefixOf(id) !== object.keyPrefix) return dmlErrors.invalidIdForObject(object.name);
    const id18 = to18(id);
    const old = ctx.io.getRow(object, id18);
    if (!old) return dmlErrors.invalidCrossReference();
    if (old.IsDeleted === true) return dmlErrors.entityDeleted();
    const bad = notWriteable(object, source, 'update', old);
    if (bad.length > 0) return dmlErrors.notWriteable(bad);
    return { row: { ...old, ...source, Id: id18 }, old, id18 };
}

/** Insert or update `rows` of `objectName`. */
export function save(
    ctx: DataContext,
    objectName: string,
    operation: 'insert' | 'update',
    rows: Row[],
    opts: DmlOptions = {},
): DmlResult[] {
    const object = requireObject(ctx, objectName);
    const userId = opts.userId ?? ctx.defaultUserId;
    const input = rows.map((r) => ({ ...r }));
    checkFieldNames(object, input);
    if (opts.mode === 'user') userModeCheck(ctx, object, operation, input, userId);
    const sentIds = input.map((r) => (typeof r.Id === 'string' ? r.Id : null));
    // A platform event is published (EventBus.publish), never inserted.
    const allowed = operation === 'insert' ? object.createable && !object.platformEvent : object.updateable;
    const refused =
        opts.mode === 'user' || opts.sharing === true
            ? sharingRefusals(ctx, object, operation, input, userId)
            : new Map<number, DmlError>();
    return runAttempts(ctx, operation, input.length, opts.allOrNone ?? true, sentIds, (indices) => {
        const failures = new FailureSet();
        const ids = new Map<number, string>();
        const work: WorkItem[] = [];
        for (const index of indices) {
            const refusal = refused.get(index);
            if (refusal) {
                failures.add(index, refusal);
                continue;
            }
            const prepared = allowed
                ? operation === 'insert'
                    ? prepareInsert(object, input[index], userId)
                    : prepareUpdate(ctx, object, input[index])
                : {
                      statusCode: 'INVALID_TYPE',
                      message: `DML operation ${operation === 'insert' ? 'Insert' : 'Update'} not allowed on ${object.name}`,
                      fields: [],
                  };
            if ('statusCode' in prepared) failures.add(index, prepared);
            else work.push({ index, ...prepared });
        }
        let live = work.filter((w) => !failures.has(w.index));
        const oldRows = operation === 'update' ? live.map((w) => ({ ...(w.old as Row) })) : null;
        if (opts.hooks?.before && live.length > 0) {
            opts.hooks.before(
                hookContext(
                    operation,
                    'before',
                    object,
                    live.map((w) => w.row),
                    oldRows,
                    live.map((w) => w.index),
                    failures,
                ),
            );
        }
        const seen = new Map<string, boolean | undefined>();
        for (const w of live) {
            if (failures.has(w.index)) continue;
            checkFieldNames(object, [w.row]);
            deriveName(object, w.row);
            systemValidation(ctx, object, w.row, w.id18, failures, w.index, seen);
            if (failures.has(w.index)) continue;
            if (operation === 'insert') {
                stampForInsert(ctx, object, w.row, userId);
                ctx.io.insertRow(object, w.row);
            } else {
                stampForUpdate(ctx, object, w.row, userId);
                const changes: Row = {};
                for (const [k, v] of Object.entries(w.row))
                    if (k !== 'Id' && k !== 'IsDeleted' && v !== (w.old as Row)[k]) changes[k] = v;
                ctx.io.updateRow(object, w.id18 as string, changes);
            }
            ids.set(w.index, w.row.Id as string);
        }
        live = live.filter((w) => !failures.has(w.index));
        if (opts.hooks?.after && live.length > 0) {
            const afterOld = operation === 'update' ? live.map((w) => ({ ...(w.old as Row) })) : null;
            opts.hooks.after(
                hookContext(
                    operation,
                    'after',
                    object,
                    live.map((w) => Object.freeze({ ...w.row })),
                    afterOld,
                    live.map((w) => w.index),
                    failures,
                ),
            );
        }
        return { failures: failures.failures, ids };
    });
}
