/**
 * Merge (Account, Contact, Lead, Case): the master record is updated with the given fields (update triggers fire),
 * the children of up to two duplicates are reparented to the master, and the duplicates are deleted (delete triggers
 * fire) with MasterRecordId pointing at the master. Reparented children are written without firing their triggers.
 */
import { SObjectException } from '../errors.js';
import { isValidId, to18 } from '../ids/ids.js';
import type { Row } from '../schema-types.js';
import type { DataContext } from '../store/data-context.js';
import { deleteRecords } from './remove.js';
import { save } from './save.js';
import { requireObject } from './statement-rows.js';
import { DmlException, type DmlError, type DmlOptions, type DmlResult } from './types.js';

const MERGEABLE = new Set(['Account', 'Contact', 'Lead', 'Case']);

export interface MergeResult extends DmlResult {
    mergedRecordIds: string[];
    updatedRelatedIds: string[];
}

export function mergeRecords(
    ctx: DataContext,
    objectName: string,
    master: Row,
    duplicateIds: string[],
    opts: DmlOptions = {},
): MergeResult {
    const object = requireObject(ctx, objectName);
    if (!MERGEABLE.has(object.name))
        throw new SObjectException(
            `Merge is not supported for ${object.name}: only Account, Contact, Lead and Case records can be merged`,
        );
    const fail = (error: DmlError): MergeResult => {
        const result: MergeResult = {
            id: typeof master.Id === 'string' ? master.Id : null,
            success: false,
            errors: [error],
            mergedRecordIds: [],
            updatedRelatedIds: [],
        };
        if (opts.allOrNone ?? true) throw new DmlException('merge', [result], [result.id]);
        return result;
    };
    if (duplicateIds.length < 1 || duplicateIds.length > 2)
        return fail({
            statusCode: 'INVALID_BATCH_SIZE',
            message: 'A merge request takes one master and one or two records to merge',
            fields: [],
        });
    const bad = duplicateIds.find((id) => !isValidId(id));
    if (bad !== undefined) return fail({ statusCode: 'MALFORMED_ID', message: `malformed id ${bad}`, fields: [] });
    const dupes = duplicateIds.map(to18);
    if (typeof master.Id === 'string' && isValidId(master.Id) && dupes.includes(to18(master.Id))) {
        return fail({
            statusCode: 'INVALID_ID_FIELD',
            message: 'The master record cannot also be merged into itself',
            fields: [],
        });
    }
    return ctx.tx.atomically(() => {
        const [updated] = save(ctx, object.name, 'update', [master], { ...opts, allOrNone: false });
        if (!updated?.success)
            return {
                keep: false,
                value: fail(
                    updated?.errors[0] ?? { statusCode: 'UNKNOWN_EXCEPTION', message: 'merge failed', fields: [] },
                ),
            };
        const masterId = updated.id as string;
        const reparented: string[] = [];
        for (const dupe of dupes) {
            for (const rel of object.childRelationships) {
                const child = ctx.schema.getObject(rel.childSObject);
                if (!child) continue;
                for (const childId of ctx.io.idsWhere(child, rel.field, dupe)) {
                    ctx.io.updateRow(child, childId, { [rel.field]: masterId });
                    reparented.push(childId);
                }
            }
        }
        const deleted = deleteRecords(ctx, object.name, dupes, { ...opts, allOrNone: false });
        const failed = deleted.find((d) => !d.success);
        if (failed)
            return {
                keep: false,
                value: fail(
                    failed.errors[0] ?? { statusCode: 'UNKNOWN_EXCEPTION', message: 'merge failed', fields: [] },
                ),
            };
        for (const dupe of dupes) ctx.io.updateRow(object, dupe, { MasterRecordId: masterId });
        return {
            keep: true,
            value: { id: masterId, success: true, errors: [], mergedRecordIds: dupes, updatedRelatedIds: reparented },
        };
    });
}
