/**
 * Upsert: each record is matched by Id or by an external-id (idLookup) field; matched records are updated, the
 * rest inserted (insert and update triggers fire for their own parts). Results come back in request order with
 * `created`.
 */
import { SObjectException } from '../errors.js';
import { isValidId, to18 } from '../ids/ids.js';
import type { Row } from '../schema-types.js';
import type { DataContext } from '../store/data-context.js';
import { dmlErrors } from './errors.js';
import { save } from './save.js';
import { requireObject } from './statement-rows.js';
import { DmlException, type DmlOptions, type DmlResult } from './types.js';

export function upsertRecords(ctx: DataContext, objectName: string, rows: Row[], opts: DmlOptions = {}): DmlResult[] {
    const object = requireObject(ctx, objectName);
    const keyField = object.fields.get((opts.externalIdField ?? 'Id').toLowerCase());
    if (!keyField || !(keyField.idLookup || keyField.externalId || keyField.name === 'Id')) {
        throw new SObjectException(
            `Invalid field for upsert, must be an External Id custom or standard indexed field: ${opts.externalIdField ?? ''}`,
        );
    }
    const allOrNone = opts.allOrNone ?? true;
    const results: (DmlResult | undefined)[] = Array.from({ length: rows.length }, () => undefined);
    const inserts: { index: number; row: Row }[] = [];
    const updates: { index: number; row: Row }[] = [];
    rows.forEach((input, index) => {
        const row: Row = {};
        for (const [k, v] of Object.entries(input)) row[object.fields.get(k.toLowerCase())?.name ?? k] = v;
        const key = row[keyField.name];
        if (keyField.name === 'Id') {
            if (key === null || key === undefined) inserts.push({ index, row });
            else if (typeof key === 'string' && isValidId(key)) updates.push({ index, row: { ...row, Id: to18(key) } });
            else
                results[index] = {
                    id: null,
                    success: false,
                    errors: [dmlErrors.malformedId(null, typeof key === 'object' ? JSON.stringify(key) : String(key))],
                };
            return;
        }
        if (key === null || key === undefined || typeof key === 'object') {
            results[index] = { id: null, success: false, errors: [dmlErrors.upsertNoKey(keyField.name)] };
            return;
        }
        const matches = ctx.io.idsWhere(object, keyField.name, key);
        if (matches.length > 1)
            results[index] = {
                id: null,
                success: false,
                errors: [dmlErrors.upsertMultipleMatches(keyField.name, matches)],
            };
        else if (matches.length === 1) updates.push({ index, row: { ...row, Id: matches[0] } });
        else inserts.push({ index, row });
    });
    const sentIds = rows.map((r) => (typeof r.Id === 'string' ? r.Id : null));
    const early = results.some((r) => r !== undefined);
    if (allOrNone && early)
        throw new DmlException(
            'upsert',
            results.map((r) => r ?? { id: null, success: false, errors: [] }),
            sentIds,
        );
    const run = (): void => {
        const partOpts = { ...opts, allOrNone: false };
        const inserted =
            inserts.length > 0
                ? save(
                      ctx,
                      object.name,
                      'insert',
                      inserts.map((i) => i.row),
                      partOpts,
                  )
                : [];
        inserted.forEach((r, i) => (results[(inserts[i] as { index: number }).index] = { ...r, created: true }));
        const updated =
            updates.length > 0
                ? save(
                      ctx,
                      object.name,
                      'update',
                      updates.map((u) => u.row),
                      partOpts,
                  )
                : [];
        updated.forEach((r, i) => (results[(updates[i] as { index: number }).index] = { ...r, created: false }));
    };
    const final = (): DmlResult[] => results.map((r) => r ?? { id: null, success: false, errors: [] });
    if (!allOrNone) {
        run();
        return final();
    }
    ctx.tx.atomically(() => {
        run();
        return { keep: final().every((r) => r.success), value: undefined };
    });
    const out = final();
    if (out.some((r) => !r.success)) {
        throw new DmlException(
            'upsert',
            out.map((r) => (r.success ? { ...r, success: false, id: r.created ? null : r.id } : r)),
            sentIds,
        );
    }
    return out;
}
