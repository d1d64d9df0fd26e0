/**
 * AggregateResult rows: each column typed as the platform types it (COUNT / COUNT_DISTINCT -> Integer, SUM / AVG
 * -> Decimal, MIN / MAX and grouped fields -> the field's type), named by alias or `exprN`.
 */
import type { FieldDescribe, Row, SchemaProvider, SoqlQuery } from '../data/index.js';
import { Decimal } from '../apex/runtime/decimal.js';
import { SObjectValue } from '../apex/runtime/values.js';
import type { Value } from '../apex/runtime/values.js';
import { AGGREGATE_RESULT } from './records.js';
import { storageToApex } from './record-values.js';

type Column = (raw: unknown) => Value;

function fieldAt(
    schema: SchemaProvider,
    from: string,
    alias: string | null,
    path: string[],
): FieldDescribe | undefined {
    let d = schema.getObject(from);
    const parts = alias && path.length > 1 && path[0].toLowerCase() === alias.toLowerCase() ? path.slice(1) : path;
    for (let i = 0; d && i < parts.length - 1; i++) {
        const rel = parts[i].toLowerCase();
        const ref = [...d.fields.values()].find((f) => f.relationshipName?.toLowerCase() === rel);
        d = ref ? schema.getObject(ref.referenceTo[0] ?? '') : undefined;
    }
    return d?.fields.get(parts[parts.length - 1].toLowerCase());
}

function plain(raw: unknown): Value {
    return typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? raw : null;
}

function typed(f: FieldDescribe | undefined): Column {
    return (raw) =>
        f && raw !== null && raw !== undefined ? storageToApex(f, raw as string | number | boolean) : plain(raw);
}

/** The column converters of an aggregate query, keyed by the row key the data layer uses. */
export function aggregateColumns(schema: SchemaProvider, q: SoqlQuery): Map<string, Column> {
    const out = new Map<string, Column>();
    let expr = 0;
    for (const item of q.select) {
        if (item.kind === 'subquery') continue;
        if (item.kind === 'field') {
            const name = item.alias ?? item.path[item.path.length - 1];
            out.set(name.toLowerCase(), typed(fieldAt(schema, q.from, q.alias, item.path)));
            continue;
        }
        const name = item.alias ?? `expr${expr++}`;
        const { fn, path } = item.call;
        const f = path ? fieldAt(schema, q.from, q.alias, path) : undefined;
        if (fn === 'COUNT' || fn === 'COUNT_DISTINCT')
            out.set(name.toLowerCase(), (raw) => (raw === null || raw === undefined ? null : Number(raw) | 0));
        else if (fn === 'SUM' || fn === 'AVG')
            out.set(name.toLowerCase(), (raw) => (typeof raw === 'number' ? Decimal.fromDouble(raw) : null));
        else out.set(name.toLowerCase(), typed(f));
    }
    return out;
}

export function aggregateRowToSObject(columns: Map<string, Column>, row: Row): SObjectValue {
    const so = new SObjectValue(AGGREGATE_RESULT);
    for (const [name, raw] of Object.entries(row)) {
        const col = columns.get(name.toLowerCase());
        so.fields.set(name.toLowerCase(), { name, value: col ? col(raw) : plain(raw) });
    }
    return so;
}
