/**
 * Apex values -> JSON trees, and JSON trees -> text (compact, or pretty as the platform's Jackson printer does:
 * two-space indent, `"key" : value`, arrays of scalars on one line).
 */
import type { ApexHost } from './host.js';
import { Decimal } from '../apex/runtime/decimal.js';
import {
    ApexDouble,
    ApexList,
    ApexMap,
    ApexObject,
    ApexSet,
    BlobValue,
    DateValue,
    DatetimeValue,
    EnumValue,
    IdValue,
    SObjectValue,
    TimeValue,
    TypeValue,
} from '../apex/runtime/values.js';
import type { Value } from '../apex/runtime/values.js';
import { formatDate, formatDouble, formatTime } from '../apex/runtime/format.js';
import type { JsonNode } from './json-tokens.js';

export function isoDatetime(ms: number): string {
    return new Date(ms).toISOString();
}

export function toJsonNode(rt: ApexHost, v: Value, suppressNulls: boolean): JsonNode {
    if (v === null) return { t: 'null' };
    switch (typeof v) {
        case 'string':
            return { t: 'str', v };
        case 'number':
            return { t: 'num', text: String(v), float: false };
        case 'bigint':
            return { t: 'num', text: v.toString(), float: false };
        case 'boolean':
            return { t: 'bool', v };
    }
    if (v instanceof Decimal) return { t: 'num', text: v.toPlainString(), float: v.scale > 0 };
    if (v instanceof ApexDouble) return { t: 'num', text: formatDouble(v.v).replace('E', 'E'), float: true };
    if (v instanceof IdValue) return { t: 'str', v: v.v };
    if (v instanceof DateValue) return { t: 'str', v: formatDate(v) };
    if (v instanceof DatetimeValue) return { t: 'str', v: isoDatetime(v.ms) };
    if (v instanceof TimeValue) return { t: 'str', v: formatTime(v) };
    if (v instanceof BlobValue) return { t: 'str', v: Buffer.from(v.bytes).toString('base64') };
    if (v instanceof EnumValue) return { t: 'str', v: v.name };
    if (v instanceof TypeValue) return { t: 'str', v: rt.stringOf(v) };
    if (v instanceof ApexList) return { t: 'arr', items: v.items.map((x) => toJsonNode(rt, x, suppressNulls)) };
    if (v instanceof ApexSet)
        return { t: 'arr', items: [...v.entries.values()].map((x) => toJsonNode(rt, x, suppressNulls)) };
    if (v instanceof ApexMap)
        return {
            t: 'obj',
            entries: [...v.entries.values()].map(([k, x]) => [rt.stringOf(k), toJsonNode(rt, x, suppressNulls)]),
        };
    if (v instanceof SObjectValue) {
        const attrs: [string, JsonNode][] = [['type', { t: 'str', v: v.objectName }]];
        const id = v.fields.get('id')?.value;
        if (id instanceof IdValue)
            attrs.push(['url', { t: 'str', v: `/services/data/v61.0/sobjects/${v.objectName}/${id.v}` }]);
        const entries: [string, JsonNode][] = [['attributes', { t: 'obj', entries: attrs }]];
        for (const f of v.fields.values()) {
            if (f.value instanceof ApexList) {
                entries.push([
                    f.name,
                    {
                        t: 'obj',
                        entries: [
                            ['totalSize', { t: 'num', text: String(f.value.items.length), float: false }],
                            ['done', { t: 'bool', v: true }],
                            ['records', toJsonNode(rt, f.value, suppressNulls)],
                        ],
                    },
                ]);
            } else entries.push([f.name, toJsonNode(rt, f.value, suppressNulls)]);
        }
        return { t: 'obj', entries };
    }
    if (v instanceof ApexObject) {
        if (v.exc) return { t: 'obj', entries: [['message', toJsonNode(rt, v.exc.message, suppressNulls)]] };
        const entries: [string, JsonNode][] = [];
        for (const f of v.cls.instanceFields.values()) {
            if (f.isTransient) continue;
            const x = f.prop ? rt.getField(f, v, { file: '<JSON>', line: 0 }) : (v.fields[f.slot] ?? null);
            if (x === null && suppressNulls) continue;
            entries.push([f.name, toJsonNode(rt, x, suppressNulls)]);
        }
        return { t: 'obj', entries };
    }
    return rt.fail('JSONException', `Type unsupported in JSON: ${v.typeName}`);
}

function quote(s: string): string {
    return JSON.stringify(s);
}

export function printCompact(n: JsonNode): string {
    switch (n.t) {
        case 'obj':
            return '{' + n.entries.map(([k, x]) => quote(k) + ':' + printCompact(x)).join(',') + '}';
        case 'arr':
            return '[' + n.items.map(printCompact).join(',') + ']';
        case 'str':
            return quote(n.v);
        case 'num':
            return n.text;
        case 'bool':
            return n.v ? 'true' : 'false';
        case 'null':
            return 'null';
    }
}

export function printPretty(n: JsonNode, indent = ''): string {
    const inner = indent + '  ';
    switch (n.t) {
        case 'obj':
            if (n.entries.length === 0) return '{ }';
            return (
                '{\n' +
                n.entries.map(([k, x]) => `${inner}${quote(k)} : ${printPretty(x, inner)}`).join(',\n') +
                '\n' +
                indent +
                '}'
            );
        case 'arr':
            if (n.items.length === 0) return '[ ]';
            return '[ ' + n.items.map((x) => printPretty(x, indent)).join(', ') + ' ]';
        default:
            return printCompact(n);
    }
}
