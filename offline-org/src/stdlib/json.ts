/**
 * JSON: serialize / serializePretty, deserialize (typed and strict), deserializeUntyped, JSONGenerator, JSONParser.
 */
import { textOf } from '../apex/runtime/format.js';
import type { SourcePos } from '../apex/errors.js';
import type { ApexHost } from './host.js';
import { Decimal } from '../apex/runtime/decimal.js';
import { OBJECT, prim, typeName } from '../apex/runtime/types.js';
import type { RtType } from '../apex/runtime/types.js';
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
    NativeObject,
    SObjectValue,
    TimeValue,
    TypeValue,
} from '../apex/runtime/values.js';
import type { Value } from '../apex/runtime/values.js';
import type { Registry } from './registry.js';
import { JsonSyntaxError, parseTree, readTree, tokenize } from './json-tokens.js';
import type { JsonNode, JsonToken } from './json-tokens.js';
import { printCompact, printPretty, toJsonNode } from './json-write.js';
import { keyOf } from '../apex/runtime/equality.js';
import { fieldRtType, newSObject, sobjectPut } from './sobject.js';
import { BUILTIN_ENUMS } from '../apex/runtime/type-names.js';

function parseOrFail(rt: ApexHost, text: Value): JsonNode {
    if (text === null) return rt.npe();
    try {
        return parseTree(textOf(text));
    } catch (e) {
        if (e instanceof JsonSyntaxError) return rt.fail('JSONException', e.message);
        throw e;
    }
}

export function untyped(n: JsonNode): Value {
    switch (n.t) {
        case 'obj': {
            const m = new ApexMap(prim('string'), OBJECT);
            for (const [k, v] of n.entries) m.entries.set(keyOf(k), [k, untyped(v)]);
            return m;
        }
        case 'arr':
            return new ApexList(OBJECT, n.items.map(untyped));
        case 'str':
            return n.v;
        case 'num': {
            if (n.float) return Decimal.parse(n.text)!;
            const b = BigInt(n.text);
            return b >= -2147483648n && b <= 2147483647n ? Number(b) : b;
        }
        case 'bool':
            return n.v;
        case 'null':
            return null;
    }
}

function mismatch(rt: ApexHost, n: JsonNode, t: RtType): never {
    const what =
        n.t === 'obj'
            ? 'START_OBJECT'
            : n.t === 'arr'
              ? 'START_ARRAY'
              : n.t === 'str'
                ? 'VALUE_STRING'
                : n.t === 'num'
                  ? 'VALUE_NUMBER'
                  : n.t === 'bool'
                    ? 'VALUE_BOOLEAN'
                    : 'VALUE_NULL';
    return rt.fail(
        'JSONException',
        `Malformed JSON: Expected ${t.k === 'list' || t.k === 'set' ? '[' : t.k === 'prim' ? typeName(t) : '{'} at the beginning of ${typeName(t)}, found ${what}`,
    );
}

function scalarText(n: JsonNode): string | null {
    if (n.t === 'str') return n.v;
    if (n.t === 'num') return n.text;
    if (n.t === 'bool') return String(n.v);
    return null;
}

export function typed(rt: ApexHost, n: JsonNode, t: RtType, strict: boolean, pos: SourcePos): Value {
    if (n.t === 'null') return null;
    switch (t.k) {
        case 'prim': {
            const s = scalarText(n);
            if (t.p === 'object') return untyped(n);
            if (s === null) return mismatch(rt, n, t);
            switch (t.p) {
                case 'string':
                    return s;
                case 'integer': {
                    const v = Number(s);
                    if (!Number.isInteger(v)) return rt.fail('JSONException', `Illegal value for Integer: ${s}`);
                    return v | 0;
                }
                case 'long':
                    return BigInt(s.split('.')[0]);
                case 'decimal':
                    return Decimal.parse(s) ?? rt.fail('JSONException', `Illegal value for Decimal: ${s}`);
                case 'double':
                    return new ApexDouble(Number(s));
                case 'boolean':
                    return s.toLowerCase() === 'true';
                case 'id':
                    return rt.toId(s);
                case 'date': {
                    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
                    if (!m)
                        return rt.fail(
                            'JSONException',
                            `Cannot deserialize instance of date from VALUE_STRING value ${s}`,
                        );
                    return new DateValue(+m[1], +m[2], +m[3]);
                }
                case 'datetime': {
                    const ms = Date.parse(s.replace(/\+0000$/, 'Z'));
                    if (Number.isNaN(ms))
                        return rt.fail(
                            'JSONException',
                            `Cannot deserialize instance of datetime from VALUE_STRING value ${s}`,
                        );
                    return new DatetimeValue(ms);
                }
                case 'time': {
                    const m = /^(\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?/.exec(s);
                    if (!m) return rt.fail('JSONException', `Invalid time ${s}`);
                    return new TimeValue(((+m[1] * 60 + +m[2]) * 60 + +m[3]) * 1000 + Number(m[4] ?? 0));
                }
                case 'blob':
                    return new BlobValue(new Uint8Array(Buffer.from(s, 'base64')));
            }
            return mismatch(rt, n, t);
        }
        case 'list':
        case 'set': {
            if (n.t !== 'arr') return mismatch(rt, n, t);
            const items = n.items.map((x) => typed(rt, x, t.el, strict, pos));
            if (t.k === 'list') return new ApexList(t.el, items);
            const s = new ApexSet(t.el);
            for (const i of items) s.entries.set(keyOf(i), i);
            return s;
        }
        case 'map': {
            if (n.t !== 'obj') return mismatch(rt, n, t);
            const m = new ApexMap(t.key, t.val);
            for (const [k, v] of n.entries) {
                const key = typed(rt, { t: 'str', v: k }, t.key, strict, pos);
                m.entries.set(keyOf(key), [key, typed(rt, v, t.val, strict, pos)]);
            }
            return m;
        }
        case 'sobject': {
            if (n.t !== 'obj') return mismatch(rt, n, t);
            const attrs = n.entries.find(([k]) => k === 'attributes')?.[1];
            const typeAttr = attrs && attrs.t === 'obj' ? attrs.entries.find(([k]) => k === 'type')?.[1] : undefined;
            const name = t.name ?? (typeAttr && typeAttr.t === 'str' ? typeAttr.v : null);
            if (!name) return rt.fail('JSONException', 'Cannot deserialize an SObject without its type');
            const so: SObjectValue = newSObject(rt, name, pos);
            const d = rt.schema.getObject(name)!;
            for (const [k, v] of n.entries) {
                if (k === 'attributes') continue;
                const f = d.fields.get(k.toLowerCase());
                if (f) {
                    sobjectPut(rt, so, f.name, typed(rt, v, fieldRtType(f), strict, pos), pos);
                    continue;
                }
                const rel = [...d.fields.values()].find((x) => x.relationshipName?.toLowerCase() === k.toLowerCase());
                if (rel && v.t === 'obj') {
                    sobjectPut(
                        rt,
                        so,
                        rel.relationshipName!,
                        typed(rt, v, { k: 'sobject', name: rel.referenceTo[0] ?? null }, strict, pos),
                        pos,
                    );
                    continue;
                }
                const child = d.childRelationships.find((c) => c.relationshipName?.toLowerCase() === k.toLowerCase());
                if (child && v.t === 'obj') {
                    const recs = v.entries.find(([x]) => x === 'records')?.[1];
                    sobjectPut(
                        rt,
                        so,
                        child.relationshipName!,
                        recs
                            ? typed(
                                  rt,
                                  recs,
                                  { k: 'list', el: { k: 'sobject', name: child.childSObject } },
                                  strict,
                                  pos,
                              )
                            : null,
                        pos,
                    );
                    continue;
                }
                if (strict) rt.fail('JSONException', `No such column '${k}' on sobject of type ${name}`);
            }
            return so;
        }
        case 'class': {
            if (n.t !== 'obj') return mismatch(rt, n, t);
            const cls = t.cls;
            if (cls.kind === 'interface' || cls.isAbstract)
                return rt.fail('JSONException', `Abstract type ${cls.name} cannot be deserialized`);
            rt.statics(cls);
            const obj = new ApexObject(cls, new Array<Value>(cls.instanceSlotCount).fill(null));
            rt.compiler.runInstanceInitChain(cls, obj);
            for (const [k, v] of n.entries) {
                const f = cls.instanceFields.get(k.toLowerCase());
                if (!f) {
                    if (strict) rt.fail('JSONException', `No such column '${k}' on ${cls.name}`);
                    continue;
                }
                obj.fields[f.slot] = typed(rt, v, f.type, strict, pos);
            }
            return obj;
        }
        case 'enum': {
            const s = scalarText(n);
            const user = rt.table.findClass(t.name.split('.'), null);
            const values = user
                ? user.enumValues
                : (BUILTIN_ENUMS.get(t.name.toLowerCase())?.values ?? []).map((v, i) => new EnumValue(t.name, v, i));
            return values.find((v) => v.name === s) ?? null;
        }
        default:
            return rt.unsupported(`JSON.deserialize into ${typeName(t)}`, pos);
    }
}

function typeArg(rt: ApexHost, v: Value): RtType {
    if (v instanceof TypeValue) return v.type;
    return rt.npe();
}

interface GeneratorState {
    pretty: boolean;
    tokens: JsonToken[];
}

interface ParserState {
    tokens: JsonToken[];
    /** Index of the current token; -1 before the first nextToken(). */
    at: number;
    names: (string | null)[];
}

function jsonTokenEnum(kind: string): EnumValue {
    const e = BUILTIN_ENUMS.get('system.jsontoken')!;
    return new EnumValue(e.qualified, kind, e.values.indexOf(kind));
}

function nodeTokens(n: JsonNode): JsonToken[] {
    const out: JsonToken[] = [];
    const walk = (x: JsonNode): void => {
        switch (x.t) {
            case 'obj':
                out.push({ kind: 'START_OBJECT', text: '{' });
                for (const [k, v] of x.entries) {
                    out.push({ kind: 'FIELD_NAME', text: k });
                    walk(v);
                }
                out.push({ kind: 'END_OBJECT', text: '}' });
                break;
            case 'arr':
                out.push({ kind: 'START_ARRAY', text: '[' });
                x.items.forEach(walk);
                out.push({ kind: 'END_ARRAY', text: ']' });
                break;
            case 'str':
                out.push({ kind: 'VALUE_STRING', text: x.v });
                break;
            case 'num':
                out.push({ kind: x.float ? 'VALUE_NUMBER_FLOAT' : 'VALUE_NUMBER_INT', text: x.text });
                break;
            case 'bool':
                out.push({ kind: x.v ? 'VALUE_TRUE' : 'VALUE_FALSE', text: String(x.v) });
                break;
            case 'null':
                out.push({ kind: 'VALUE_NULL', text: 'null' });
                break;
        }
    };
    walk(n);
    return out;
}

export function registerJson(reg: Registry): void {
    reg.staticMethods('JSON', {
        serialize: (rt, a) => printCompact(toJsonNode(rt, a[0], a[1] === true)),
        serializepretty: (rt, a) => printPretty(toJsonNode(rt, a[0], a[1] === true)),
        deserialize: (rt, a, pos) => typed(rt, parseOrFail(rt, a[0]), typeArg(rt, a[1]), false, pos),
        deserializestrict: (rt, a, pos) => typed(rt, parseOrFail(rt, a[0]), typeArg(rt, a[1]), true, pos),
        deserializeuntyped: (rt, a) => untyped(parseOrFail(rt, a[0])),
        creategenerator: (_rt, a) =>
            new NativeObject('JSONGenerator', { pretty: a[0] === true, tokens: [] } satisfies GeneratorState),
        createparser: (rt, a) => {
            try {
                return new NativeObject('JSONParser', {
                    tokens: tokenize(textOf(a[0])),
                    at: -1,
                    names: [],
                } satisfies ParserState);
            } catch (e) {
                if (e instanceof JsonSyntaxError) return rt.fail('JSONException', e.message);
                throw e;
            }
        },
    });
    const g = (s: Value): GeneratorState => (s as NativeObject).state as GeneratorState;
    const push = (s: Value, ...t: JsonToken[]): null => {
        g(s).tokens.push(...t);
        return null;
    };
    const field = (name: Value): JsonToken => ({ kind: 'FIELD_NAME', text: textOf(name) });
    const valueTokens = (rt: ApexHost, v: Value): JsonToken[] => nodeTokens(toJsonNode(rt, v, false));
    reg.instanceMethods('jsongenerator', {
        writestartobject: (_rt, s) => push(s, { kind: 'START_OBJECT', text: '{' }),
        writeendobject: (_rt, s) => push(s, { kind: 'END_OBJECT', text: '}' }),
        writestartarray: (_rt, s) => push(s, { kind: 'START_ARRAY', text: '[' }),
        writeendarray: (_rt, s) => push(s, { kind: 'END_ARRAY', text: ']' }),
        writefieldname: (_rt, s, a) => push(s, field(a[0])),
        writestring: (rt, s, a) => push(s, ...valueTokens(rt, a[0])),
        writenumber: (rt, s, a) => push(s, ...valueTokens(rt, a[0])),
        writeboolean: (rt, s, a) => push(s, ...valueTokens(rt, a[0])),
        writenull: (_rt, s) => push(s, { kind: 'VALUE_NULL', text: 'null' }),
        writeid: (rt, s, a) => push(s, ...valueTokens(rt, a[0])),
        writedate: (rt, s, a) => push(s, ...valueTokens(rt, a[0])),
        writedatetime: (rt, s, a) => push(s, ...valueTokens(rt, a[0])),
        writetime: (rt, s, a) => push(s, ...valueTokens(rt, a[0])),
        writeblob: (rt, s, a) => push(s, ...valueTokens(rt, a[0])),
        writeobject: (rt, s, a) => push(s, ...valueTokens(rt, a[0])),
        writestringfield: (rt, s, a) => push(s, field(a[0]), ...valueTokens(rt, a[1])),
        writenumberfield: (rt, s, a) => push(s, field(a[0]), ...valueTokens(rt, a[1])),
        writebooleanfield: (rt, s, a) => push(s, field(a[0]), ...valueTokens(rt, a[1])),
        writeobjectfield: (rt, s, a) => push(s, field(a[0]), ...valueTokens(rt, a[1])),
        writedatefield: (rt, s, a) => push(s, field(a[0]), ...valueTokens(rt, a[1])),
        writedatetimefield: (rt, s, a) => push(s, field(a[0]), ...valueTokens(rt, a[1])),
        writeidfield: (rt, s, a) => push(s, field(a[0]), ...valueTokens(rt, a[1])),
        writenullfield: (_rt, s, a) => push(s, field(a[0]), { kind: 'VALUE_NULL', text: 'null' }),
        close: () => null,
        isclosed: () => false,
        getasstring: (rt, s) => {
            const st = g(s);
            if (st.tokens.length === 0) return '';
            try {
                const n = readTree(st.tokens, 0).node;
                return st.pretty ? printPretty(n) : printCompact(n);
            } catch (e) {
                if (e instanceof JsonSyntaxError) return rt.fail('JSONException', 'Incomplete JSON generated');
                throw e;
            }
        },
    });
    const p = (s: Value): ParserState => (s as NativeObject).state as ParserState;
    const cur = (s: Value): JsonToken | undefined => p(s).tokens[p(s).at];
    const advance = (s: Value): Value => {
        const st = p(s);
        st.at++;
        const t = st.tokens[st.at];
        if (!t) return null;
        return jsonTokenEnum(t.kind);
    };
    const num = (rt: ApexHost, s: Value): string => {
        const t = cur(s);
        if (!t || (t.kind !== 'VALUE_NUMBER_INT' && t.kind !== 'VALUE_NUMBER_FLOAT' && t.kind !== 'VALUE_STRING'))
            return rt.fail('JSONException', `Current token is not a number: ${t?.kind ?? 'null'}`);
        return t.text;
    };
    reg.instanceMethods('jsonparser', {
        nexttoken: (_rt, s) => advance(s),
        nextvalue: (_rt, s) => {
            let t = advance(s);
            while (t instanceof EnumValue && t.name === 'FIELD_NAME') t = advance(s);
            return t;
        },
        getcurrenttoken: (_rt, s) => {
            const t = cur(s);
            return t ? jsonTokenEnum(t.kind) : null;
        },
        hascurrenttoken: (_rt, s) => !!cur(s),
        clearcurrenttoken: () => null,
        getcurrentname: (_rt, s) => {
            const st = p(s);
            let depth = 0;
            for (let i = st.at; i >= 0; i--) {
                const t = st.tokens[i];
                if (t.kind === 'END_OBJECT' || t.kind === 'END_ARRAY') depth++;
                else if ((t.kind === 'START_OBJECT' || t.kind === 'START_ARRAY') && i !== st.at) {
                    if (depth === 0) return null;
                    depth--;
                } else if (t.kind === 'FIELD_NAME' && depth === 0) return t.text;
            }
            return null;
        },
        gettext: (_rt, s) => cur(s)?.text ?? null,
        getintegervalue: (rt, s) => Number(num(rt, s)) | 0,
        getlongvalue: (rt, s) => BigInt(num(rt, s).split('.')[0]),
        getdecimalvalue: (rt, s) => Decimal.parse(num(rt, s)),
        getdoublevalue: (rt, s) => new ApexDouble(Number(num(rt, s))),
        getbooleanvalue: (rt, s) => {
            const t = cur(s);
            if (t?.kind !== 'VALUE_TRUE' && t?.kind !== 'VALUE_FALSE')
                return rt.fail('JSONException', 'Current token is not a boolean');
            return t.kind === 'VALUE_TRUE';
        },
        getidvalue: (rt, s) => rt.toId(cur(s)?.text ?? ''),
        getdatevalue: (rt, s, _a, pos) => typed(rt, { t: 'str', v: cur(s)?.text ?? '' }, prim('date'), false, pos),
        getdatetimevalue: (rt, s, _a, pos) =>
            typed(rt, { t: 'str', v: cur(s)?.text ?? '' }, prim('datetime'), false, pos),
        skipchildren: (_rt, s) => {
            const st = p(s);
            const t = cur(s);
            if (!t || (t.kind !== 'START_OBJECT' && t.kind !== 'START_ARRAY')) return null;
            let depth = 0;
            for (; st.at < st.tokens.length; st.at++) {
                const k = st.tokens[st.at].kind;
                if (k === 'START_OBJECT' || k === 'START_ARRAY') depth++;
                if (k === 'END_OBJECT' || k === 'END_ARRAY') depth--;
                if (depth === 0) break;
            }
            return null;
        },
        readvalueas: (rt, s, a, pos) => {
            const st = p(s);
            const r = readTree(st.tokens, st.at);
            st.at = r.next - 1;
            return typed(rt, r.node, typeArg(rt, a[0]), false, pos);
        },
        readvalueasstrict: (rt, s, a, pos) => {
            const st = p(s);
            const r = readTree(st.tokens, st.at);
            st.at = r.next - 1;
            return typed(rt, r.node, typeArg(rt, a[0]), true, pos);
        },
    });
}
