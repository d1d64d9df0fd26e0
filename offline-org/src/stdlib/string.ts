/**
 * String: the static methods (valueOf, format, join, isBlank, ...) and the instance methods.
 */
import { textOf } from '../apex/runtime/format.js';
import type { ApexHost } from './host.js';
import { prim } from '../apex/runtime/types.js';
import { ApexDouble, ApexList, ApexSet, IdValue } from '../apex/runtime/values.js';
import { Decimal } from '../apex/runtime/decimal.js';
import type { SourcePos } from '../apex/errors.js';
import type { Value } from '../apex/runtime/values.js';
import type { Registry } from './registry.js';
import { sobjectTypeToken } from './schema-tokens.js';
import { hashString } from './collections.js';
import { regexFor } from './regex.js';

const S = (v: Value): string => (v instanceof IdValue ? v.v : (v as string));
const STR = prim('string');

function strList(items: string[]): ApexList {
    return new ApexList(STR, items);
}

function isBlank(s: Value): boolean {
    return s === null || S(s).trim() === '';
}

function checkIndex(rt: ApexHost, s: string, i: number): void {
    if (i < 0 || i > s.length) rt.fail('StringException', `Ending position out of bounds: ${i}`);
}

/**
 * String.format: {0}-style placeholders with '' as an escaped quote, like Java's MessageFormat. Format types
 * ({0,number,#.##}) and numbers of four or more digits (whose grouping the docs do not pin down) are refused loudly.
 */
export function formatMessage(rt: ApexHost, pattern: string, args: Value[], pos: SourcePos): string {
    let out = '';
    let quoted = false;
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === "'") {
            if (pattern[i + 1] === "'") {
                out += "'";
                i++;
                continue;
            }
            quoted = !quoted;
            continue;
        }
        if (c === '{' && !quoted) {
            const end = pattern.indexOf('}', i);
            const spec = pattern.slice(i + 1, end);
            if (spec.includes(',')) return rt.unsupported(`String.format with a format type {${spec}}`, pos);
            const n = Number(spec);
            const arg = n < args.length ? args[n]! : undefined;
            if (
                (typeof arg === 'number' ||
                    typeof arg === 'bigint' ||
                    arg instanceof Decimal ||
                    arg instanceof ApexDouble) &&
                Math.abs(Number(rt.stringOf(arg))) >= 1000
            ) {
                return rt.unsupported('String.format of a number with four or more digits', pos);
            }
            out += arg !== undefined ? rt.stringOf(arg) : `{${spec}}`;
            i = end;
            continue;
        }
        out += c;
    }
    return out;
}

export function registerString(reg: Registry): void {
    reg.staticMethods('String', {
        // A null argument gives null, whatever the overload (String.isBlank(String.valueOf(record.get(f))) relies on it).
        valueof: (rt, a) => (a[0] === null ? null : rt.stringOf(a[0])),
        isblank: (_rt, a) => isBlank(a[0]),
        isnotblank: (_rt, a) => !isBlank(a[0]),
        isempty: (_rt, a) => a[0] === null || S(a[0]) === '',
        isnotempty: (_rt, a) => a[0] !== null && S(a[0]) !== '',
        join: (rt, a) => {
            const src = a[0];
            const items =
                src instanceof ApexList ? src.items : src instanceof ApexSet ? [...src.entries.values()] : null;
            if (!items) return rt.npe();
            return items.map((x) => rt.stringOf(x)).join(a[1] === null ? 'null' : textOf(a[1]));
        },
        format: (rt, a, pos) => formatMessage(rt, S(a[0]), a[1] instanceof ApexList ? a[1].items : [], pos),
        escapesinglequotes: (_rt, a) => S(a[0]).replace(/'/g, "\\'"),
        fromchararray: (_rt, a) => String.fromCodePoint(...(a[0] as ApexList).items.map((x) => x as number)),
        valueofgmt: (rt, a) => rt.stringOf(a[0]),
    });
    const m: Record<string, (rt: ApexHost, s: string, a: Value[], pos: SourcePos) => Value> = {
        length: (_rt, s) => s.length,
        touppercase: (_rt, s) => s.toUpperCase(),
        tolowercase: (_rt, s) => s.toLowerCase(),
        trim: (_rt, s) => s.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, ''),
        normalizespace: (_rt, s) => s.trim().replace(/\s+/g, ' '),
        deletewhitespace: (_rt, s) => s.replace(/\s+/g, ''),
        contains: (rt, s, a) => (a[0] === null ? rt.npe() : s.includes(S(a[0]))),
        containsignorecase: (_rt, s, a) => s.toLowerCase().includes(S(a[0]).toLowerCase()),
        containsany: (_rt, s, a) => [...S(a[0])].some((c) => s.includes(c)),
        containsnone: (_rt, s, a) => ![...S(a[0])].some((c) => s.includes(c)),
        containsonly: (_rt, s, a) => [...s].every((c) => S(a[0]).includes(c)),
        containswhitespace: (_rt, s) => /\s/.test(s),
        startswith: (_rt, s, a) => s.startsWith(S(a[0])),
        endswith: (_rt, s, a) => s.endsWith(S(a[0])),
        startswithignorecase: (_rt, s, a) => s.toLowerCase().startsWith(S(a[0]).toLowerCase()),
        endswithignorecase: (_rt, s, a) => s.toLowerCase().endsWith(S(a[0]).toLowerCase()),
        equals: (_rt, s, a) => typeof a[0] === 'string' && s === a[0],
        equalsignorecase: (_rt, s, a) => a[0] !== null && s.toLowerCase() === S(a[0]).toLowerCase(),
        compareto: (_rt, s, a) => {
            const o = S(a[0]);
            let i = 0;
            while (i < s.length && i < o.length && s[i] === o[i]) i++;
            return i < s.length && i < o.length ? s.charCodeAt(i) - o.charCodeAt(i) : s.length - o.length;
        },
        indexof: (_rt, s, a) => s.indexOf(S(a[0]), (a[1] as number | undefined) ?? 0),
        indexofignorecase: (_rt, s, a) =>
            s.toLowerCase().indexOf(S(a[0]).toLowerCase(), (a[1] as number | undefined) ?? 0),
        lastindexof: (_rt, s, a) => s.lastIndexOf(S(a[0]), (a[1] as number | undefined) ?? Infinity),
        indexofany: (_rt, s, a) => {
            const idx = [...S(a[0])].map((c) => s.indexOf(c)).filter((i) => i >= 0);
            return idx.length ? Math.min(...idx) : -1;
        },
        substring: (rt, s, a) => {
            const start = a[0] as number;
            const end = a.length > 1 ? (a[1] as number) : s.length;
            checkIndex(rt, s, end);
            if (start < 0 || start > end) rt.fail('StringException', `Starting position out of bounds: ${start}`);
            return s.substring(start, end);
        },
        left: (_rt, s, a) => s.slice(0, Math.max(0, a[0] as number)),
        right: (_rt, s, a) => ((a[0] as number) <= 0 ? '' : s.slice(-(a[0] as number))),
        mid: (_rt, s, a) => s.substr(Math.max(0, a[0] as number), a[1] as number),
        substringbefore: (_rt, s, a) => {
            const i = s.indexOf(S(a[0]));
            return i < 0 ? s : s.slice(0, i);
        },
        substringafter: (_rt, s, a) => {
            const i = s.indexOf(S(a[0]));
            return i < 0 ? '' : s.slice(i + S(a[0]).length);
        },
        substringbeforelast: (_rt, s, a) => {
            const i = s.lastIndexOf(S(a[0]));
            return i < 0 ? s : s.slice(0, i);
        },
        substringafterlast: (_rt, s, a) => {
            const i = s.lastIndexOf(S(a[0]));
            return i < 0 ? '' : s.slice(i + S(a[0]).length);
        },
        substringbetween: (_rt, s, a) => {
            const open = S(a[0]);
            const close = a.length > 1 ? S(a[1]) : open;
            const i = s.indexOf(open);
            if (i < 0) return null;
            const j = s.indexOf(close, i + open.length);
            return j < 0 ? null : s.slice(i + open.length, j);
        },
        replace: (_rt, s, a) => s.split(S(a[0])).join(S(a[1])),
        replaceall: (rt, s, a, pos) => s.replace(regexFor(rt, S(a[0]), 'g', pos), javaReplacement(S(a[1]))),
        replacefirst: (rt, s, a, pos) => s.replace(regexFor(rt, S(a[0]), '', pos), javaReplacement(S(a[1]))),
        split: (rt, s, a, pos) => {
            const parts = s.split(regexFor(rt, S(a[0]), 'g', pos));
            const limit = a.length > 1 ? (a[1] as number) : 0;
            let out = parts;
            if (limit > 0 && parts.length > limit) {
                const re = regexFor(rt, S(a[0]), 'g', pos);
                out = [];
                let last = 0;
                let mm: RegExpExecArray | null;
                while (out.length < limit - 1 && (mm = re.exec(s))) {
                    out.push(s.slice(last, mm.index));
                    last = mm.index + mm[0].length;
                }
                out.push(s.slice(last));
            } else if (limit === 0) {
                while (out.length > 0 && out[out.length - 1] === '') out.pop();
            }
            if (out.length > 0 && out[0] === '' && s.length > 0 && parts.length > 1 && S(a[0]) === '')
                out = out.slice(1);
            return strList(out);
        },
        repeat: (_rt, s, a) =>
            a.length === 2
                ? Array<string>(a[1] as number)
                      .fill(s)
                      .join(S(a[0]))
                : s.repeat(a[0] as number),
        reverse: (_rt, s) => [...s].reverse().join(''),
        capitalize: (_rt, s) => (s ? s[0].toUpperCase() + s.slice(1) : s),
        uncapitalize: (_rt, s) => (s ? s[0].toLowerCase() + s.slice(1) : s),
        leftpad: (_rt, s, a) => s.padStart(a[0] as number, a.length > 1 ? S(a[1]) : ' '),
        rightpad: (_rt, s, a) => s.padEnd(a[0] as number, a.length > 1 ? S(a[1]) : ' '),
        center: (_rt, s, a) => {
            const n = a[0] as number;
            const pad = a.length > 1 ? S(a[1]) : ' ';
            const total = n - s.length;
            if (total <= 0) return s;
            const left = Math.floor(total / 2);
            return s.padStart(s.length + left, pad).padEnd(n, pad);
        },
        abbreviate: (_rt, s, a) => {
            const n = a[0] as number;
            return s.length <= n ? s : s.slice(0, n - 3) + '...';
        },
        isblank: (_rt, s) => s.trim() === '',
        isnotblank: (_rt, s) => s.trim() !== '',
        isempty: (_rt, s) => s === '',
        isnotempty: (_rt, s) => s !== '',
        isnumeric: (_rt, s) => /^[0-9]+$/.test(s),
        isalpha: (_rt, s) => /^[A-Za-z]+$/.test(s),
        isalphanumeric: (_rt, s) => /^[A-Za-z0-9]+$/.test(s),
        isalllowercase: (_rt, s) => s !== '' && s === s.toLowerCase() && /[a-z]/.test(s),
        isalluppercase: (_rt, s) => s !== '' && s === s.toUpperCase() && /[A-Z]/.test(s),
        charat: (rt, s, a) => {
            const i = a[0] as number;
            if (i < 0 || i >= s.length) return rt.fail('StringException', `Invalid index ${i}`);
            return s.charCodeAt(i);
        },
        codepointat: (_rt, s, a) => s.codePointAt(a[0] as number) ?? 0,
        getchars: (_rt, s) =>
            new ApexList(
                prim('integer'),
                [...s].map((c) => c.codePointAt(0)!),
            ),
        removestart: (_rt, s, a) => (s.startsWith(S(a[0])) ? s.slice(S(a[0]).length) : s),
        removeend: (_rt, s, a) => (s.endsWith(S(a[0])) ? s.slice(0, s.length - S(a[0]).length) : s),
        removestartignorecase: (_rt, s, a) =>
            s.toLowerCase().startsWith(S(a[0]).toLowerCase()) ? s.slice(S(a[0]).length) : s,
        removeendignorecase: (_rt, s, a) =>
            s.toLowerCase().endsWith(S(a[0]).toLowerCase()) ? s.slice(0, s.length - S(a[0]).length) : s,
        countmatches: (_rt, s, a) => (S(a[0]) === '' ? 0 : s.split(S(a[0])).length - 1),
        escapesinglequotes: (_rt, s) => s.replace(/'/g, "\\'"),
        escapejava: (_rt, s) => JSON.stringify(s).slice(1, -1),
        escapehtml4: (_rt, s) =>
            s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'),
        escapecsv: (_rt, s) => (/[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s),
        stripHtmlTags: (_rt, s) => s.replace(/<[^>]*>/g, ''),
        hashcode: (_rt, s) => hashString(s),
        tostring: (_rt, s) => s,
        format: (rt, s, a, pos) => formatMessage(rt, s, a[0] instanceof ApexList ? a[0].items : [], pos),
        splitbycharactertype: (_rt, s) => strList(s.match(/[A-Z]+|[a-z]+|[0-9]+|\s+|[^A-Za-z0-9\s]+/g) ?? []),
        difference: (_rt, s, a) => {
            const o = S(a[0]);
            let i = 0;
            while (i < s.length && s[i] === o[i]) i++;
            return o.slice(i);
        },
        remove: (_rt, s, a) => (S(a[0]) === '' ? s : s.split(S(a[0])).join('')),
        swapcase: (_rt, s) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''),
        iswhitespace: (_rt, s) => s !== '' && s.trim() === '',
        isasciiprintable: (_rt, s) => /^[\x20-\x7E]*$/.test(s),
        indexofchar: (_rt, s, a) => s.indexOf(String.fromCodePoint(a[0] as number), (a[1] as number | undefined) ?? 0),
        lastindexofchar: (_rt, s, a) =>
            s.lastIndexOf(String.fromCodePoint(a[0] as number), (a[1] as number | undefined) ?? Infinity),
        escapexml: (_rt, s) =>
            s
                .replace(/&/g, '&amp;')
                .replace(/</g, '&lt;')
                .replace(/>/g, '&gt;')
                .replace(/"/g, '&quot;')
                .replace(/'/g, '&apos;'),
        unescapexml: (_rt, s) =>
            s
                .replace(/&lt;/g, '<')
                .replace(/&gt;/g, '>')
                .replace(/&quot;/g, '"')
                .replace(/&apos;/g, "'")
                .replace(/&amp;/g, '&'),
        unescapehtml4: (_rt, s) =>
            s
                .replace(/&lt;/g, '<')
                .replace(/&gt;/g, '>')
                .replace(/&quot;/g, '"')
                .replace(/&#39;/g, "'")
                .replace(/&amp;/g, '&'),
        escapeecmascript: (_rt, s) => JSON.stringify(s).slice(1, -1).replace(/'/g, "\\'").replace(/\//g, '\\/'),
        unescapejava: (_rt, s) =>
            s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_m, c: string) =>
                c.length > 1
                    ? String.fromCharCode(parseInt(c.slice(1), 16))
                    : (({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[c] ?? c),
            ),
        getlevenshteindistance: (_rt, s, a) => levenshtein(s, S(a[0])),
    };
    const wrapped: Record<string, (rt: ApexHost, self: Value, a: Value[], pos: SourcePos) => Value> = {};
    for (const [k, fn] of Object.entries(m)) wrapped[k] = (rt, self, a, pos) => fn(rt, S(self), a, pos);
    reg.instanceMethods('string', wrapped);
    reg.staticMethods('Id', {
        valueof: (rt, a) => (a[0] === null ? null : rt.toId(S(a[0]))),
    });
    reg.instanceMethods('id', {
        ...wrapped,
        to15: (_rt, s) => (s as IdValue).v.slice(0, 15),
        getsobjecttype: (rt, s, _a, pos) => {
            const d = rt.schema.objectByKeyPrefix((s as IdValue).v.slice(0, 3));
            if (!d) return rt.fail('SObjectException', `Invalid id: ${(s as IdValue).v}`);
            return sobjectTypeToken(rt, d.name, pos);
        },
        equals: (_rt, s, a) =>
            a[0] instanceof IdValue &&
            (a[0].v === (s as IdValue).v || a[0].v.slice(0, 15) === (s as IdValue).v.slice(0, 15)),
    });
}

/** Java replacement strings use $1 for groups and \$ for a literal dollar; JS uses $1 and $$. */
function javaReplacement(r: string): string {
    let out = '';
    for (let i = 0; i < r.length; i++) {
        const c = r[i];
        if (c === '\\' && i + 1 < r.length) {
            const n = r[++i];
            out += n === '$' ? '$$' : n;
        } else out += c;
    }
    return out;
}

function levenshtein(a: string, b: string): number {
    let prev = Array.from({ length: b.length + 1 }, (_v, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const cur = [i];
        for (let j = 1; j <= b.length; j++)
            cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        prev = cur;
    }
    return prev[b.length];
}
