/**
 * String.valueOf / System.debug rendering of values, as the platform prints them.
 */
import { Decimal } from './decimal.js';
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
    NativeObject,
    SObjectValue,
    TimeValue,
    TypeValue,
} from './values.js';
import type { Value } from './values.js';
import { typeName } from './types.js';
import { formatDatetimeGmt, formatDatetimeIn, pad } from './datetime-math.js';

/** Java's Double.toString. */
export function formatDouble(n: number): string {
    if (Number.isNaN(n)) return 'NaN';
    if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
    if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
    const abs = Math.abs(n);
    if (abs >= 1e-3 && abs < 1e7) {
        const s = String(n);
        return s.includes('.') ? s : s + '.0';
    }
    const [mant, exp] = n.toExponential().split('e') as [string, string];
    const m = mant.includes('.') ? mant : mant + '.0';
    return `${m}E${exp.startsWith('+') ? exp.slice(1) : exp}`;
}

export function formatDate(d: DateValue): string {
    return `${d.y}-${pad(d.m, 2)}-${pad(d.d, 2)}`;
}

export function formatTime(t: TimeValue): string {
    const ms = t.ms;
    return `${pad(Math.floor(ms / 3600000), 2)}:${pad(Math.floor(ms / 60000) % 60, 2)}:${pad(Math.floor(ms / 1000) % 60, 2)}.${pad(ms % 1000, 3)}Z`;
}

/** Renders a value the way String.valueOf / string concatenation / System.debug do. */
export function toApexString(
    v: Value,
    hook?: (o: ApexObject | NativeObject) => string | null,
    timeZone = 'GMT',
): string {
    if (v === null) return 'null';
    switch (typeof v) {
        case 'string':
            return v;
        case 'number':
            return String(v);
        case 'boolean':
            return v ? 'true' : 'false';
        case 'bigint':
            return v.toString();
    }
    if (v instanceof ApexDouble) return formatDouble(v.v);
    if (v instanceof Decimal) return v.toString();
    if (v instanceof IdValue) return v.v;
    if (v instanceof DateValue) return formatDate(v);
    if (v instanceof DatetimeValue)
        return timeZone === 'GMT' ? formatDatetimeGmt(v.ms) : formatDatetimeIn(timeZone, v.ms);
    if (v instanceof TimeValue) return formatTime(v);
    if (v instanceof BlobValue) return `Blob[${v.bytes.length}]`;
    if (v instanceof EnumValue) return v.name;
    if (v instanceof TypeValue) return typeName(v.type);
    if (v instanceof ApexList) return '(' + v.items.map((x) => toApexString(x, hook, timeZone)).join(', ') + ')';
    if (v instanceof ApexSet)
        return '{' + [...v.entries.values()].map((x) => toApexString(x, hook, timeZone)).join(', ') + '}';
    if (v instanceof ApexMap)
        return (
            '{' +
            [...v.entries.values()]
                .map(([k, x]) => toApexString(k, hook, timeZone) + '=' + toApexString(x, hook, timeZone))
                .join(', ') +
            '}'
        );
    if (v instanceof SObjectValue) {
        return (
            v.objectName +
            ':{' +
            [...v.fields.values()].map((f) => f.name + '=' + toApexString(f.value, hook, timeZone)).join(', ') +
            '}'
        );
    }
    if (v instanceof ApexObject) {
        const custom = hook ? hook(v) : null;
        if (custom !== null) return custom;
        if (v.exc)
            return `${v.cls.name.includes('.') || !v.cls.decl ? qualifiedExceptionName(v) : v.cls.name}: ${toApexString(v.exc.message, hook, timeZone)}`;
        const parts: string[] = [];
        for (const f of v.cls.instanceFields.values())
            parts.push(`${f.name}=${toApexString(v.fields[f.slot] ?? null, hook, timeZone)}`);
        // An inner class prints its own name only (`Inner:[...]`, not `Outer.Inner:[...]`), as the platform does.
        return `${v.cls.name.split('.').pop() ?? v.cls.name}:[${parts.join(', ')}]`;
    }
    const custom = hook ? hook(v) : null;
    return custom ?? `${v.typeName}`;
}

function qualifiedExceptionName(v: ApexObject): string {
    return v.cls.decl ? v.cls.name : `System.${v.cls.name}`;
}

/**
 * The text of a built-in method's argument (an endpoint, a pattern, a field name): String.valueOf without calling
 * user code, so an Id gives its 18 characters rather than JavaScript's "[object Object]". Null gives 'null'.
 */
export function textOf(v: Value | undefined): string {
    return toApexString(v ?? null);
}
