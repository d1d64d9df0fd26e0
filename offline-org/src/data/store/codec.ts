/** Converts storage values to SQLite parameters and back, by field type. */
import type { FieldDescribe, StorageValue } from '../schema-types.js';

export type SqlValue = string | number | bigint | null | Buffer;

export function toSql(value: StorageValue, field: FieldDescribe): SqlValue {
    if (value === null || value === undefined) return null;
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (field.type === 'boolean' && typeof value === 'number') return value ? 1 : 0;
    return value;
}

export function fromSql(value: unknown, field: FieldDescribe): StorageValue {
    if (value === null || value === undefined) return null;
    if (field.type === 'boolean') return value === 1 || value === 1n || value === true;
    if (typeof value === 'bigint') return Number(value);
    if (typeof value === 'string' || typeof value === 'number') return value;
    if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
    throw new Error(`Unexpected value from the database for ${field.name}: ${typeof value}`);
}
