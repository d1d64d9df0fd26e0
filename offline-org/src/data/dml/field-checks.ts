/**
 * The platform's system validation of one record before it is written: value types, lengths, restricted
 * picklists, required fields, references (format, target object, existence) and unique values.
 */
import { isValidId, keyPrefixOf, to18 } from '../ids/ids.js';
import type { FieldDescribe, ObjectDescribe, Row, StorageValue } from '../schema-types.js';
import type { DataContext } from '../store/data-context.js';
import { columnName, DELETED_COLUMN, tableName } from '../store/sql-names.js';
import { toSql } from '../store/codec.js';
import { dmlErrors } from './errors.js';
import { planFor } from './object-plan.js';
import type { DmlError } from './types.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const TIME = /^\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z?$/;

/** A value of the wrong storage type for its field (INVALID_TYPE_ON_FIELD_IN_RECORD). */
export function typeError(field: FieldDescribe, value: StorageValue): DmlError | undefined {
    if (value === null) return undefined;
    switch (field.type) {
        case 'boolean':
            return typeof value === 'boolean' ? undefined : dmlErrors.invalidType(field, value);
        case 'integer':
        case 'long':
            return typeof value === 'number' && Number.isInteger(value)
                ? undefined
                : dmlErrors.invalidType(field, value);
        case 'double':
        case 'currency':
        case 'percent':
            return typeof value === 'number' && Number.isFinite(value)
                ? undefined
                : dmlErrors.invalidType(field, value);
        case 'date':
            return typeof value === 'string' && DATE.test(value) ? undefined : dmlErrors.invalidType(field, value);
        case 'datetime':
            return typeof value === 'string' && DATETIME.test(value) ? undefined : dmlErrors.invalidType(field, value);
        case 'time':
            return typeof value === 'string' && TIME.test(value) ? undefined : dmlErrors.invalidType(field, value);
        default:
            return typeof value === 'string' ? undefined : dmlErrors.invalidType(field, value);
    }
}

const LENGTH_LIMITED: ReadonlySet<string> = new Set([
    'string',
    'textarea',
    'email',
    'phone',
    'url',
    'encryptedstring',
    'combobox',
    'picklist',
    'multipicklist',
]);

/** Length and restricted-picklist checks of one value. */
export function valueError(field: FieldDescribe, value: StorageValue): DmlError | undefined {
    if (typeof value !== 'string') return undefined;
    if (LENGTH_LIMITED.has(field.type) && field.length > 0 && value.length > field.length)
        return dmlErrors.stringTooLong(field, value);
    if (field.restrictedPicklist && (field.type === 'picklist' || field.type === 'multipicklist')) {
        const allowed = new Set(field.picklistValues.filter((p) => p.active).map((p) => p.value));
        const values = field.type === 'multipicklist' ? value.split(';') : [value];
        const bad = values.find((v) => !allowed.has(v));
        if (bad !== undefined) return dmlErrors.badPicklist(field, bad);
    }
    return undefined;
}

/** Required fields left empty (the platform reports them all in one error). */
export function missingRequired(object: ObjectDescribe, row: Row): DmlError | undefined {
    const missing: string[] = [];
    for (const f of planFor(object).required) {
        const v = row[f.name];
        if (v === null || v === undefined || v === '') missing.push(f.name);
    }
    return missing.length > 0 ? dmlErrors.requiredMissing(missing) : undefined;
}

/** Checks a reference value; normalises it to 18 characters in `row` when valid. `seen` caches lookups per statement. */
export function referenceError(
    ctx: DataContext,
    field: FieldDescribe,
    row: Row,
    seen: Map<string, boolean | undefined>,
): DmlError | undefined {
    const value = row[field.name];
    if (typeof value !== 'string' || value === '') return undefined;
    if (!isValidId(value)) return dmlErrors.malformedId(field, value);
    const target = ctx.schema.objectByKeyPrefix(keyPrefixOf(value));
    if (!target || !field.referenceTo.includes(target.name)) return dmlErrors.wrongReferenceType(field, value);
    const id18 = to18(value);
    if (id18 !== value) row[field.name] = id18;
    let deleted: boolean | undefined;
    if (seen.has(id18)) deleted = seen.get(id18);
    else {
        deleted = ctx.io.isDeleted(target, id18);
        seen.set(id18, deleted);
    }
    if (deleted === undefined) return dmlErrors.invalidCrossReference([field.name]);
    if (deleted) return dmlErrors.entityDeleted();
    return undefined;
}

/** DUPLICATE_VALUE for unique fields holding a value another live record already has. */
export function duplicateError(
    ctx: DataContext,
    object: ObjectDescribe,
    row: Row,
    selfId: string | null,
): DmlError | undefined {
    for (const f of planFor(object).unique) {
        const v = row[f.name];
        if (v === null || v === undefined || typeof v === 'object') continue;
        const collate = f.caseSensitive ? 'BINARY' : 'NOCASE';
        const hit = ctx.io
            .prepare(
                `SELECT "Id" FROM ${tableName(object)} WHERE ${columnName(f)} = ? COLLATE ${collate} AND ${DELETED_COLUMN} = 0 AND "Id" IS NOT ? LIMIT 1`,
            )
            .get(toSql(v, f), selfId) as { Id: string } | undefined;
        if (hit) return dmlErrors.duplicate(f, hit.Id);
    }
    return undefined;
}
