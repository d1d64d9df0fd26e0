/**
 * Delete and undelete. Delete moves records to the recycle bin (IsDeleted), cascades to master-detail children
 * (and other cascade-delete lookups) without firing their triggers, clears set-null lookups, and refuses with
 * DELETE_FAILED when a restricted lookup points at the record. Objects without a recycle bin are deleted for good.
 * Undelete restores a record and everything its delete cascaded to.
 */
import { SecurityException } from '../errors.js';
import { isValidId, keyPrefixOf, to18 } from '../ids/ids.js';
import type { ObjectDescribe, Row } from '../schema-types.js';
import type { DataContext } from '../store/data-context.js';
import { tableName } from '../store/sql-names.js';
import { FailureSet, runAttempts } from './attempts.js';
import { dmlErrors } from './errors.js';
import { requireObject } from './statement-rows.js';
import type { DmlHookContext, DmlOptions, DmlResult } from './types.js';

function stamp(ctx: DataContext, userId: string): Row {
    const now = ctx.now().toISOString();
    return { SystemModstamp: now, LastModifiedDate: now, LastModifiedById: userId };
}

function restrictedChild(ctx: DataContext, object: ObjectDescribe, id: string): string | undefined {
    for (const rel of object.childRelationships) {
        if (!rel.restrictedDelete) continue;
        const child = ctx.schema.getObject(rel.childSObject);
        if (child && ctx.io.idsWhere(child, rel.field, id).length > 0) return child.labelPlural;
    }
    return undefined;
}

function cascadeDelete(ctx: DataContext, object: ObjectDescribe, id: string, rootId: string, userId: string): void {
    for (const rel of object.childRelationships) {
        const child = ctx.schema.getObject(rel.childSObject);
        if (!child) continue;
        const childIds = ctx.io.idsWhere(child, rel.field, id);
        for (const childId of childIds) {
            if (rel.cascadeDelete) {
                cascadeDelete(ctx, child, childId, rootId, userId);
                if (child.undeletable) ctx.io.setDeleted(child, childId, true, rootId, stamp(ctx, userId));
                else ctx.io.prepare(`DELETE FROM ${tableName(child)} WHERE "Id" = ?`).run(childId);
            } else {
                ctx.io.updateRow(child, childId, { [rel.field]: null });
                if (object.undeletable) ctx.io.rememberClearedLookup(id, child, childId, rel.field);
            }
        }
    }
}

function hook(
    operation: 'delete' | 'undelete',
    timing: 'before' | 'after',
    object: ObjectDescribe,
    rows: Row[],
    live: number[],
    failures: FailureSet,
): DmlHookContext {
    return {
        operation,
        timing,
        objectName: object.name,
        newRows: operation === 'undelete' ? rows : null,
        oldRows: operation === 'delete' ? rows : null,
        addError(i: number, message: string, fields: string[] = [], statusCode?: string): void {
            const index = live[i];
            if (index === undefined) throw new RangeError(`addError: no row ${i}`);
            failures.add(index, statusCode ? { statusCode, message, fields } : dmlErrors.custom(message, fields));
        },
    };
}

/** Resolves a request Id: returns the stored row or records the platform's error. */
function locate(
    ctx: DataContext,
    object: ObjectDescribe,
    id: string | null,
    index: number,
    failures: FailureSet,
): Row | undefined {
    if (!id || !isValidId(id)) {
        failures.add(index, dmlErrors.malformedId(null, id ?? 'null'));
        return undefined;
    }
    if (keyPrefixOf(id) !== object.keyPrefix) {
        failures.add(index, dmlErrors.invalidIdForObject(object.name));
        return undefined;
    }
    const row = ctx.io.getRow(object, to18(id));
    if (!row) failures.add(index, dmlErrors.invalidCrossReference());
    return row;
}

export function deleteRecords(
    ctx: DataContext,
    objectName: string,
    ids: (string | null)[],
    opts: DmlOptions = {},
): DmlResult[] {
    const object = requireObject(ctx, objectName);
    const userId = opts.userId ?? ctx.defaultUserId;
    if (opts.mode === 'user' && !ctx.permissions.canDelete(userId, object))
        throw new SecurityException(`DML operation DELETE not allowed on ${object.name}`);
    // Where sharing applies, only the owner, users above the owner's role and Modify All delete a record.
    const undeletable =
        opts.mode === 'user' || opts.sharing === true
            ? ctx.sharing.denied(
                  object,
                  ids.filter((id): id is string => typeof id === 'string'),
                  userId,
                  'delete',
              )
            : new Set<string>();
    return runAttempts(ctx, 'delete', ids.length, opts.allOrNone ?? true, ids, (indices) => {
        const failures = new FailureSet();
        const found = new Map<number, string>();
        const live: { index: number; row: Row }[] = [];
        for (const index of indices) {
            if (!object.deletable) {
                failures.add(index, {
                    statusCode: 'INVALID_TYPE',
                    message: `DML operation Delete not allowed on ${object.name}`,
                    fields: [],
                });
                continue;
            }
            const row = locate(ctx, object, ids[index] ?? null, index, failures);
            if (!row) continue;
            if (row.IsDeleted === true) {
                failures.add(index, dmlErrors.entityDeleted());
                continue;
            }
            if (undeletable.has(row.Id as string)) {
                failures.add(index, dmlErrors.insufficientAccess());
                continue;
            }
            live.push({ index, row });
        }
        if (opts.hooks?.before && live.length > 0)
            opts.hooks.before(
                hook(
                    'delete',
                    'before',
                    object,
                    live.map((l) => Object.freeze({ ...l.row })),
                    live.map((l) => l.index),
                    failures,
                ),
            );
        for (const { index, row } of live) {
            if (failures.has(index)) continue;
            const id = row.Id as string;
            const blocker = restrictedChild(ctx, object, id);
            if (blocker) {
                failures.add(index, dmlErrors.deleteRestricted(object.label, blocker));
                continue;
            }
            cascadeDelete(ctx, object, id, id, userId);
            if (object.undeletable) ctx.io.setDeleted(object, id, true, null, stamp(ctx, userId));
            else ctx.io.prepare(`DELETE FROM ${tableName(object)} WHERE "Id" = ?`).run(id);
            found.set(index, id);
        }
        const done = live.filter((l) => !failures.has(l.index));
        if (opts.hooks?.after && done.length > 0)
            opts.hooks.after(
                hook(
                    'delete',
                    'after',
                    object,
                    done.map((l) => Object.freeze({ ...l.row, IsDeleted: true })),
                    done.map((l) => l.index),
                    failures,
                ),
            );
        return { failures: failures.failures, ids: found };
    });
}

/** Points lookups cleared by the delete of `parentId` back at it, where they are still empty. */
function restoreLookups(ctx: DataContext, parentId: string): void {
    for (const { childObject, childId, field } of ctx.io.takeClearedLookups(parentId)) {
        const child = ctx.schema.getObject(childObject);
        const current = child ? ctx.io.getRow(child, childId) : undefined;
        if (child && current && current.IsDeleted !== true && (current[field] === null || current[field] === undefined))
            ctx.io.updateRow(child, childId, { [field]: parentId });
    }
}

export function undeleteRecords(
    ctx: DataContext,
    objectName: string,
    ids: (string | null)[],
    opts: DmlOptions = {},
): DmlResult[] {
    const object = requireObject(ctx, objectName);
    const userId = opts.userId ?? ctx.defaultUserId;
    if (opts.mode === 'user' && !ctx.permissions.canCreate(userId, object))
        throw new SecurityException(`DML operation UNDELETE not allowed on ${object.name}`);
    return runAttempts(ctx, 'undelete', ids.length, opts.allOrNone ?? true, ids, (indices) => {
        const failures = new FailureSet();
        const found = new Map<number, string>();
        const done: { index: number; row: Row }[] = [];
        for (const index of indices) {
            const row = object.undeletable ? locate(ctx, object, ids[index] ?? null, index, failures) : undefined;
            if (!object.undeletable)
                failures.add(index, {
                    statusCode: 'INVALID_TYPE',
                    message: `DML operation Undelete not allowed on ${object.name}`,
                    fields: [],
                });
            if (!row) continue;
            if (row.IsDeleted !== true) {
                failures.add(index, dmlErrors.undeleteNotInBin());
                continue;
            }
            const id = row.Id as string;
            ctx.io.setDeleted(object, id, false, null, stamp(ctx, userId));
            restoreLookups(ctx, id);
            for (const name of ctx.schema.objectNames()) {
                const other = ctx.schema.getObject(name) as ObjectDescribe;
                for (const childId of ctx.io.cascadedWith(other, id)) {
                    ctx.io.setDeleted(other, childId, false, null, stamp(ctx, userId));
                    restoreLookups(ctx, childId);
                }
            }
            found.set(index, id);
            done.push({ index, row: { ...row, IsDeleted: false } });
        }
        if (opts.hooks?.after && done.length > 0)
            opts.hooks.after(
                hook(
                    'undelete',
                    'after',
                    object,
                    done.map((d) => Object.freeze(d.row)),
                    done.map((d) => d.index),
                    failures,
                ),
            );
        return { failures: failures.failures, ids: found };
    });
}
