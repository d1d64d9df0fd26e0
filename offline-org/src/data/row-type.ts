/**
 * The SObject type of a query row (root, parent relationship or child row; `AggregateResult` for aggregate rows),
 * kept under a symbol so it never shows up among the row's fields, in Object.keys or in JSON.
 */
import type { Row } from './schema-types.js';

const ROW_TYPE = Symbol.for('offline-org.data.rowType');

export function setRowType(row: Row, objectName: string): Row {
    Object.defineProperty(row, ROW_TYPE, { value: objectName, enumerable: false, writable: true, configurable: true });
    return row;
}

/** The object name of a row returned by a query, or undefined for rows built elsewhere. */
export function rowType(row: Row): string | undefined {
    return (row as Record<symbol, unknown>)[ROW_TYPE] as string | undefined;
}
