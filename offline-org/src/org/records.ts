/**
 * SObjectValue <-> data-layer rows. Query rows become SObjectValues (parent relationships as nested SObjects,
 * child subqueries as Lists); SObjectValues sent to DML become rows of their populated fields.
 */
import type { Row, SchemaProvider } from '../data/index.js';
import { rowType } from '../data/index.js';
import { ApexList, SObjectValue } from '../apex/runtime/values.js';
import type { Value } from '../apex/runtime/values.js';
import { fieldToStorage, storageToApex } from './record-values.js';

/** The pseudo-object of aggregate query rows. */
export const AGGREGATE_RESULT = 'AggregateResult';

function isRow(v: unknown): v is Row {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A query row as an SObjectValue of `objectName` (or of the row's own type, for polymorphic parents). */
export function rowToSObject(schema: SchemaProvider, objectName: string, row: Row): SObjectValue {
    const type = rowType(row) ?? objectName;
    const so = new SObjectValue(schema.getObject(type)?.name ?? type);
    const d = schema.getObject(type);
    for (const [name, raw] of Object.entries(row)) {
        if (raw === undefined) continue;
        let value: Value;
        if (Array.isArray(raw)) {
            const child = d?.childRelationships.find((c) => c.relationshipName?.toLowerCase() === name.toLowerCase());
            const childType = child?.childSObject ?? null;
            value = new ApexList(
                { k: 'sobject', name: childType },
                raw.map((r) => rowToSObject(schema, childType ?? 'SObject', r)),
            );
        } else if (isRow(raw)) {
            const ref = d
                ? [...d.fields.values()].find((f) => f.relationshipName?.toLowerCase() === name.toLowerCase())
                : undefined;
            value = rowToSObject(schema, ref?.referenceTo[0] ?? 'SObject', raw);
        } else {
            const f = d?.fields.get(name.toLowerCase());
            value = f ? storageToApex(f, raw) : raw;
        }
        so.fields.set(name.toLowerCase(), { name, value });
    }
    return so;
}

/** The populated fields of an SObjectValue as a row for DML (relationship values are not saved, as on the platform). */
export function sobjectToRow(schema: SchemaProvider, so: SObjectValue): Row {
    const d = schema.getObject(so.objectName);
    const row: Row = {};
    for (const [key, entry] of so.fields) {
        const f = d?.fields.get(key);
        if (!f) continue;
        row[f.name] = fieldToStorage(f, entry.value);
    }
    return row;
}

/** Copies a row's fields (changed by the data layer or read back after a save) onto an SObjectValue. */
export function copyRowOnto(schema: SchemaProvider, row: Row, so: SObjectValue): void {
    const d = schema.getObject(so.objectName);
    for (const [name, raw] of Object.entries(row)) {
        if (raw === undefined || Array.isArray(raw) || isRow(raw)) continue;
        const f = d?.fields.get(name.toLowerCase());
        if (f) so.fields.set(f.name.toLowerCase(), { name: f.name, value: storageToApex(f, raw) });
    }
}
