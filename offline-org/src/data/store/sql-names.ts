/** How SObjects and fields map to SQLite tables and columns. */
import type { FieldDescribe, FieldType, ObjectDescribe } from '../schema-types.js';

/** Field types stored in a column; compound types (address, location) have none. */
export function hasColumn(field: FieldDescribe): boolean {
    return field.type !== 'address' && field.type !== 'location';
}

export function tableName(object: ObjectDescribe | string): string {
    const name = typeof object === 'string' ? object : object.name;
    return `"o_${name.toLowerCase()}"`;
}

export function columnName(field: FieldDescribe | string): string {
    const name = typeof field === 'string' ? field : field.name;
    return `"${name}"`;
}

const NUMERIC: ReadonlySet<FieldType> = new Set(['double', 'currency', 'percent']);
const INTEGRAL: ReadonlySet<FieldType> = new Set(['integer', 'long', 'boolean']);

/**
 * The column declaration: text is case-insensitive (NOCASE), as SOQL comparisons are; Ids and references compare and
 * sort by their characters (BINARY): record Ids are case-sensitive, and `ORDER BY Id` follows their base-62 order
 * (0-9, A-Z, a-z), which is the order records were created in.
 */
export function columnType(field: FieldDescribe): string {
    if (NUMERIC.has(field.type)) return 'REAL';
    if (INTEGRAL.has(field.type)) return 'INTEGER';
    if (field.caseSensitive || field.type === 'id' || field.type === 'reference') return 'TEXT';
    return 'TEXT COLLATE NOCASE';
}

/** Internal columns every table carries, beside the fields. */
export const DELETED_COLUMN = '"IsDeleted"';
/** The Id of the record whose delete cascaded to this one (so undelete restores it with its master). */
export const CASCADE_ROOT_COLUMN = '"_cascade_root"';
