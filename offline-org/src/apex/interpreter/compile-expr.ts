/**
 * Compiles AST expressions into closures `(frame) => value`. Names are resolved here, once: locals to slots,
 * fields to slots, dotted names to classes / built-in classes / sObject types.
 */
import { textOf } from '../runtime/format.js';
import type { Expr, TypeRef } from '../ast.js';
import type { SourcePos } from '../errors.js';
import { compileError, notSupported } from '../errors.js';
import type { RtClass, RtField } from '../runtime/classes.js';
import { apexEquals, apexIdentical } from '../runtime/equality.js';
import { OBJECT, convert, isInstance, prim, typeName, valueTypeName } from '../runtime/types.js';
import type { RtType } from '../runtime/types.js';
import {
    ApexDouble,
    ApexList,
    ApexMap,
    ApexObject,
    ApexSet,
    EnumValue,
    IdValue,
    SObjectValue,
    TypeValue,
} from '../runtime/values.js';
import type { Value } from '../runtime/values.js';
import { Decimal } from '../runtime/decimal.js';
import { BUILTIN_ENUMS, KNOWN_UNIMPLEMENTED } from '../runtime/type-names.js';
import { listAdd, setAdd, mapPut } from '../../stdlib/collections.js';
import { sobjectGet, sobjectPut } from '../../stdlib/sobject.js';
import type { Runtime } from './runtime.js';
import { kindOf } from '../runtime/kinds.js';
import { add, arith, bitwise, compare, negate } from '../runtime/operators.js';
import type { Ev, Frame } from '../runtime/frame.js';
import type { Scope } from './scope.js';
import { staticTypeOf } from './static-types.js';

export type TypeTarget =
    | { k: 'class'; cls: RtClass }
    | { k: 'builtin'; name: string }
    | { k: 'sobject'; name: string }
    | { k: 'enum'; qualified: string; values: string[] };

interface LValue {
    read: Ev;
    write: (f: Frame, v: Value) => Value;
}

export abstract class ExprCompiler {
    constructor(readonly rt: Runtime) {}

    /** Method calls and `new`, compiled by CallCompiler (compile-call.ts). */
    protected abstract call(e: Extract<Expr, { k: 'call' }>, sc: Scope): Ev;
    abstract newExpr(tr: TypeRef, argExprs: Expr[], sc: Scope, pos: SourcePos): Ev;

    resolveType(t: TypeRef, sc: Scope): RtType {
        return this.rt.table.resolve(t, sc.mc.cls);
    }

    /** Returns a function applying assignment conversion to `t`, with fast paths for common types. */
    coercer(t: RtType, pos: SourcePos): (v: Value) => Value {
        const rt = this.rt;
        if (t.k === 'prim') {
            switch (t.p) {
                case 'object':
                    return (v) => v;
                case 'integer':
                    return (v) => (typeof v === 'number' || v === null ? v : rt.coerce(t, v, pos));
                case 'string':
                    return (v) => (typeof v === 'string' || v === null ? v : rt.coerce(t, v, pos));
                case 'boolean':
                    return (v) => (typeof v === 'boolean' || v === null ? v : rt.coerce(t, v, pos));
            }
        }
        return (v) => rt.coerce(t, v, pos);
    }

    findField(cls: RtClass, lname: string, wantStatic: boolean): RtField | undefined {
        for (let c: RtClass | null = cls; c; c = c.superClass) {
            const f = wantStatic ? c.staticFields.get(lname) : c.instanceFields.get(lname);
            if (f) return f;
        }
        return undefined;
    }

    findStaticInOuter(cls: RtClass, lname: string): RtField | undefined {
        for (let c: RtClass | null = cls; c; c = c.outer) {
            const f = this.findField(c, lname, true);
            if (f) return f;
        }
        return undefined;
    }

    /** Resolves `X`, `X.Y`, ... to a type when it names one (and not a variable). */
    typeTarget(e: Expr, sc: Scope): TypeTarget | null {
        if (e.k === 'name') {
            const l = e.name.toLowerCase();
            if (sc.lookup(l)) return null;
            const cls = sc.mc.cls;
            if (!sc.mc.isStatic && this.findField(cls, l, false)) return null;
            if (this.findStaticInOuter(cls, l)) return null;
            return this.namedType([e.name], sc);
        }
        if (e.k === 'field') {
            const parts: string[] = [];
            let x: Expr = e;
            while (x.k === 'field') {
                parts.unshift(x.name);
                x = x.target;
            }
            if (x.k !== 'name') return null;
            const head = this.typeTarget(x, sc);
            if (!head) return null;
            parts.unshift(x.name);
            return this.namedType(parts, sc);
        }
        return null;
    }

    private namedType(parts: string[], sc: Scope): TypeTarget | null {
        const lower = parts.map((p) => p.toLowerCase());
        const user = this.rt.table.findClass(parts, sc.mc.cls);
        if (user) {
            if (user.kind === 'enum')
                return { k: 'enum', qualified: user.name, values: user.enumValues.map((v) => v.name) };
            return { k: 'class', cls: user };
        }
        if ((lower[0] === 'system' || lower[0] === 'schema') && parts.length > 1) {
            const rest = this.namedType(parts.slice(1), sc);
            if (rest) return rest;
        }
        const last = lower[lower.length - 1];
        if (parts.length === 1 && this.rt.registry.isStaticClass(last)) return { k: 'builtin', name: last };
        if (
            parts.length === 2 &&
            (lower[0] === 'system' || lower[0] === 'schema' || lower[0] === 'database') &&
            this.rt.registry.isStaticClass(lower.join('.'))
        ) {
            return { k: 'builtin', name: lower.join('.') };
        }
        if (parts.length === 1) {
            const obj = this.rt.schema.getObject(parts[0]);
            if (obj) return { k: 'sobject', name: obj.name };
        }
        const en = BUILTIN_ENUMS.get(lower.join('.')) ?? (parts.length === 1 ? BUILTIN_ENUMS.get(last) : undefined);
        if (en) return { k: 'enum', qualified: en.qualified, values: en.values };
        if (parts.length === 1 && this.rt.registry.isStaticClass(lower[0])) return { k: 'builtin', name: lower[0] };
        if (KNOWN_UNIMPLEMENTED.has(last) && (parts.length === 1 || lower[0] === 'system'))
            return { k: 'builtin', name: last };
        return null;
    }

    args(es: Expr[], sc: Scope): (f: Frame) => Value[] {
        const cs = es.map((e) => this.expr(e, sc));
        switch (cs.length) {
            case 0:
                return () => [];
            case 1: {
                const [a] = cs as [Ev];
                return (f) => [a(f)];
            }
            case 2: {
                const [a, b] = cs as [Ev, Ev];
                return (f) => [a(f), b(f)];
            }
            default:
                return (f) => cs.map((c) => c(f));
        }
    }

    expr(e: Expr, sc: Scope): Ev {
        const rt = this.rt;
        const pos = e.pos;
        const fail = rt.fail;
        switch (e.k) {
            case 'lit': {
                const l = e.lit;
                let v: Value;
                switch (l.t) {
                    case 'int':
                        v = l.v;
                        break;
                    case 'long':
                        v = l.v;
                        break;
                    case 'double':
                        v = new ApexDouble(l.v);
                        break;
                    case 'decimal':
                        v = Decimal.parse(l.text);
                        break;
                    case 'string':
                        v = l.v;
                        break;
                    case 'bool':
                        v = l.v;
                        break;
                    case 'null':
                        v = null;
                        break;
                }
                return () => v;
            }
            case 'name':
            case 'field':
            case 'index':
                return this.lvalue(e, sc).read;
            case 'this':
                if (sc.mc.isStatic) compileError('This cannot be referenced in a static context', pos);
                return (f) => f.self;
            case 'super':
                return (f) => f.self;
            case 'call':
                return this.call(e, sc);
            case 'thisCall':
            case 'superCall':
                return compileError('Constructor calls must be the first statement of a constructor', pos);
            case 'new':
                return this.newExpr(e.type, e.args, sc, pos);
            case 'newArray': {
                const elType = this.resolveType({ ...e.type, arrayDepth: 0 }, sc);
                if (e.size) {
                    const size = this.expr(e.size, sc);
                    return (f) => {
                        const n = size(f);
                        if (typeof n !== 'number') return rt.npe();
                        if (n < 0) return fail('ListException', `Illegal list size: ${n}`);
                        return new ApexList(elType, new Array<Value>(n).fill(null));
                    };
                }
                const items = (e.init ?? []).map((x) => this.expr(x, sc));
                const co = this.coercer(elType, pos);
                return (f) =>
                    new ApexList(
                        elType,
                        items.map((i) => co(i(f))),
                    );
            }
            case 'newInit': {
                const t = this.resolveType(e.type, sc);
                const items = e.items.map((x) => this.expr(x, sc));
                if (t.k === 'list')
                    return (f) => {
                        const l = new ApexList(t.el, []);
                        for (const i of items) listAdd(rt, l, i(f), pos);
                        return l;
                    };
                if (t.k === 'set')
                    return (f) => {
                        const s = new ApexSet(t.el);
                        for (const i of items) setAdd(rt, s, i(f), pos);
                        return s;
                    };
                if (t.k === 'map' && items.length === 0) return () => new ApexMap(t.key, t.val);
                return compileError(`Invalid initializer for type ${typeName(t)}`, pos);
            }
            case 'newMap': {
                const t = this.resolveType(e.type, sc);
                if (t.k !== 'map') return compileError(`Invalid map initializer for ${typeName(t)}`, pos);
                const pairs = e.pairs.map(([k, v]) => [this.expr(k, sc), this.expr(v, sc)] as const);
                return (f) => {
                    const m = new ApexMap(t.key, t.val);
                    for (const [k, v] of pairs) mapPut(rt, m, k(f), v(f), pos);
                    return m;
                };
            }
            case 'cast': {
                const t = this.resolveType(e.type, sc);
                const inner = this.expr(e.expr, sc);
                return (f) => this.cast(t, inner(f));
            }
            case 'instanceof': {
                const t = this.resolveType(e.type, sc);
                const inner = this.expr(e.expr, sc);
                return (f) => isInstance(inner(f), t);
            }
            case 'and': {
                const l = this.expr(e.l, sc);
                const r = this.expr(e.r, sc);
                return (f) => {
                    const a = l(f);
                    if (a === null) return rt.npe();
                    if (!a) return false;
                    const b = r(f);
                    if (b === null) return rt.npe();
                    return b;
                };
            }
            case 'or': {
                const l = this.expr(e.l, sc);
                const r = this.expr(e.r, sc);
                return (f) => {
                    const a = l(f);
                    if (a === null) return rt.npe();
                    if (a) return true;
                    const b = r(f);
                    if (b === null) return rt.npe();
                    return b;
                };
            }
            case 'coal': {
                const l = this.expr(e.l, sc);
                const r = this.expr(e.r, sc);
                return (f) => {
                    const a = l(f);
                    return a !== null ? a : r(f);
                };
            }
            case 'cond': {
                const c = this.expr(e.c, sc);
                const a = this.expr(e.a, sc);
                const b = this.expr(e.b, sc);
                return (f) => {
                    const v = c(f);
                    if (v === null) return rt.npe();
                    return v ? a(f) : b(f);
                };
            }
            case 'unary': {
                const inner = this.expr(e.expr, sc);
                switch (e.op) {
                    case '-':
                        return (f) => negate(inner(f), fail);
                    case '+':
                        return inner;
                    case '!':
                        return (f) => {
                            const v = inner(f);
                            if (v === null) return rt.npe();
                            return !v;
                        };
                    case '~':
                        return (f) => {
                            const v = inner(f);
                            if (typeof v === 'number') return ~v;
                            if (typeof v === 'bigint') return ~v;
                            return rt.npe();
                        };
                }
                break;
            }
            case 'bin': {
                if (
                    e.op === '+' &&
                    (isStringType(staticTypeOf(this, e.l, sc)) || isStringType(staticTypeOf(this, e.r, sc)))
                ) {
                    // String concatenation is decided by static type: a null String operand prints as "null".
                    const l = this.expr(e.l, sc);
                    const r = this.expr(e.r, sc);
                    return (f) => rt.stringOf(l(f)) + rt.stringOf(r(f));
                }
                return this.binary(e.op, this.expr(e.l, sc), this.expr(e.r, sc));
            }
            case 'assign': {
                const lv = this.lvalue(e.target, sc);
                const val = this.expr(e.value, sc);
                if (e.op === '=') return (f) => lv.write(f, val(f));
                const opFn = this.binaryFn(e.op.slice(0, -1));
                return (f) => lv.write(f, opFn(lv.read(f), val(f)));
            }
            case 'incdec': {
                const lv = this.lvalue(e.target, sc);
                const d = e.delta;
                const prefix = e.prefix;
                return (f) => {
                    const old = lv.read(f);
                    let nv: Value;
                    if (typeof old === 'number') nv = (old + d) | 0;
                    else if (old === null) return rt.npe();
                    else nv = add(old, d, fail, rt.stringOf);
                    lv.write(f, nv);
                    return prefix ? nv : old;
                };
            }
            case 'classLit': {
                const t: RtType = e.type ? this.resolveType(e.type, sc) : { k: 'void' };
                const tv = new TypeValue(t);
                return () => tv;
            }
            case 'soql': {
                const binds = e.binds.map((b) => this.expr(b, sc));
                const text = e.text;
                return (f) =>
                    rt.query(
                        text,
                        binds.map((b) => b(f)),
                        pos,
                    );
            }
            case 'sosl': {
                const binds = e.binds.map((b) => this.expr(b, sc));
                const text = e.text;
                return (f) =>
                    rt.platform.search(
                        text,
                        binds.map((b) => b(f)),
                        { limits: rt.tx.limits, pos },
                    );
            }
        }
    }

    binaryFn(op: string): (a: Value, b: Value) => Value {
        const fail = this.rt.fail;
        switch (op) {
            case '+':
                return (a, b) => add(a, b, fail, this.rt.stringOf);
            case '-':
            case '*':
            case '/':
                return (a, b) => arith(op, a, b, fail);
            default:
                return (a, b) => bitwise(op, a, b, fail);
        }
    }

    binary(op: string, l: Ev, r: Ev): Ev {
        const fail = this.rt.fail;
        switch (op) {
            case '+':
                return (f) => {
                    const a = l(f);
                    const b = r(f);
                    if (typeof a === 'number' && typeof b === 'number') return (a + b) | 0;
                    return add(a, b, fail, this.rt.stringOf);
                };
            case '-':
                return (f) => {
                    const a = l(f);
                    const b = r(f);
                    if (typeof a === 'number' && typeof b === 'number') return (a - b) | 0;
                    return arith('-', a, b, fail);
                };
            case '*':
                return (f) => arith('*', l(f), r(f), fail);
            case '/':
                return (f) => arith('/', l(f), r(f), fail);
            case '<':
                return (f) => {
                    const a = l(f);
                    const b = r(f);
                    if (typeof a === 'number' && typeof b === 'number') return a < b;
                    return this.cmpNull(a, b, '<') ?? compare(a, b, fail) < 0;
                };
            case '>':
                return (f) => {
                    const a = l(f);
                    const b = r(f);
                    if (typeof a === 'number' && typeof b === 'number') return a > b;
                    return this.cmpNull(a, b, '>') ?? compare(a, b, fail) > 0;
                };
            case '<=':
                return (f) => {
                    const a = l(f);
                    const b = r(f);
                    if (typeof a === 'number' && typeof b === 'number') return a <= b;
                    return this.cmpNull(a, b, '<=') ?? compare(a, b, fail) <= 0;
                };
            case '>=':
                return (f) => {
                    const a = l(f);
                    const b = r(f);
                    if (typeof a === 'number' && typeof b === 'number') return a >= b;
                    return this.cmpNull(a, b, '>=') ?? compare(a, b, fail) >= 0;
                };
            case '==':
                return (f) => apexEquals(l(f), r(f));
            case '!=':
            case '<>':
                return (f) => !apexEquals(l(f), r(f));
            case '===':
                return (f) => apexIdentical(l(f), r(f));
            case '!==':
                return (f) => !apexIdentical(l(f), r(f));
            default:
                return (f) => bitwise(op, l(f), r(f), fail);
        }
    }

    /**
     * Relational comparisons with null never throw: with numbers, dates and times they are false; a non-null String or
     * Id is greater than null. Returns the comparison as -1/0/1 semantics through `op`, or null when no operand is null.
     */
    private cmpNull(a: Value, b: Value, op: '<' | '>' | '<=' | '>='): boolean | null {
        if (a !== null && b !== null) return null;
        const isText = (v: Value): boolean => typeof v === 'string' || v instanceof IdValue;
        if (a === null && isText(b)) return op === '<' || op === '<=';
        if (b === null && isText(a)) return op === '>' || op === '>=';
        return false;
    }

    cast(t: RtType, v: Value): Value {
        if (v === null) return null;
        if (isInstance(v, t)) return v;
        if (
            t.k === 'prim' &&
            (t.p === 'long' || t.p === 'decimal' || t.p === 'double') &&
            (typeof v === 'number' || typeof v === 'bigint')
        ) {
            const r = convert(t, v);
            if (r.ok) return r.v;
        }
        if (t.k === 'prim' && t.p === 'integer' && typeof v === 'bigint') return Number(BigInt.asIntN(32, v));
        if (t.k === 'prim' && t.p === 'id' && typeof v === 'string') return this.rt.toId(v);
        if (t.k === 'list' && v instanceof ApexList && v.items.every((x) => x === null || isInstance(x, t.el))) {
            if (v.elType.k === 'sobject' && v.elType.name === null) return new ApexList(t.el, v.items);
        }
        return this.rt.fail(
            'TypeException',
            `Invalid conversion from runtime type ${valueTypeName(v)} to ${typeName(t)}`,
        );
    }

    // ---- names, fields, indexes ----

    lvalue(e: Expr, sc: Scope): LValue {
        const rt = this.rt;
        const pos = e.pos;
        if (e.k === 'name') {
            const l = e.name.toLowerCase();
            const local = sc.lookup(l);
            if (local) {
                const slot = local.slot;
                const co = this.coercer(local.type, pos);
                return { read: (f) => f.l[slot]!, write: (f, v) => (f.l[slot] = co(v)) };
            }
            const cls = sc.mc.cls;
            const backing = sc.mc.backing;
            if (backing && backing.lname === l) {
                const slot = backing.slot;
                const co = this.coercer(backing.type, pos);
                if (backing.isStatic)
                    return {
                        read: () => rt.statics(backing.owner)[slot]!,
                        write: (_f, v) => (rt.statics(backing.owner)[slot] = co(v)),
                    };
                return { read: (f) => f.self!.fields[slot]!, write: (f, v) => (f.self!.fields[slot] = co(v)) };
            }
            const inst = this.findField(cls, l, false);
            if (inst) {
                if (sc.mc.isStatic) compileError(`Variable is not visible in a static context: ${e.name}`, pos);
                if (!inst.prop) {
                    const slot = inst.slot;
                    const co = this.coercer(inst.type, pos);
                    return { read: (f) => f.self!.fields[slot]!, write: (f, v) => (f.self!.fields[slot] = co(v)) };
                }
                return {
                    read: (f) => rt.getField(inst, f.self!, pos),
                    write: (f, v) => {
                        rt.setField(inst, f.self!, v, pos);
                        return v;
                    },
                };
            }
            const st = this.findStaticInOuter(cls, l);
            if (st) return this.staticLValue(st, pos);
            return compileError(`Variable does not exist: ${e.name}`, pos);
        }
        if (e.k === 'field') {
            const tt = this.typeTarget(e.target, sc);
            const l = e.name.toLowerCase();
            if (tt) return this.staticMember(tt, e.name, pos);
            const target = this.memberTarget(e.target, sc);
            const safe = e.safe;
            return {
                read: (f) => {
                    const o = target(f);
                    if (o === null) return safe ? null : rt.npe();
                    return this.getMember(o, l, e.name, pos);
                },
                write: (f, v) => {
                    const o = target(f);
                    if (o === null) return rt.npe();
                    return this.setMember(o, l, e.name, v, pos);
                },
            };
        }
        if (e.k === 'index') {
            const target = this.expr(e.target, sc);
            const index = this.expr(e.index, sc);
            return {
                read: (f) => {
                    const o = target(f);
                    const i = index(f);
                    if (o === null || i === null) return rt.npe();
                    if (!(o instanceof ApexList)) return compileError('Expression must be a list type', pos);
                    if (typeof i !== 'number' || i < 0 || i >= o.items.length)
                        return rt.fail('ListException', `List index out of bounds: ${textOf(i)}`);
                    return o.items[i]!;
                },
                write: (f, v) => {
                    const o = target(f);
                    const i = index(f);
                    if (o === null || i === null) return rt.npe();
                    if (!(o instanceof ApexList)) return compileError('Expression must be a list type', pos);
                    if (typeof i !== 'number' || i < 0 || i >= o.items.length)
                        return rt.fail('ListException', `List index out of bounds: ${textOf(i)}`);
                    const cv = rt.coerce(o.elType, v, pos);
                    o.items[i] = cv;
                    return cv;
                },
            };
        }
        return compileError('Expression cannot be assigned', pos);
    }

    private staticLValue(st: RtField, pos: SourcePos): LValue {
        const rt = this.rt;
        const owner = st.owner;
        const slot = st.slot;
        if (st.prop) {
            return {
                read: () => {
                    rt.statics(owner);
                    return this.rt.compiler.callAccessor(st, 'get', null, null, pos);
                },
                write: (_f, v) => {
                    rt.statics(owner);
                    const cv = rt.coerce(st.type, v, pos);
                    this.rt.compiler.callAccessor(st, 'set', null, cv, pos);
                    return cv;
                },
            };
        }
        const co = this.coercer(st.type, pos);
        return { read: () => rt.statics(owner)[slot]!, write: (_f, v) => (rt.statics(owner)[slot] = co(v)) };
    }

    private staticMember(tt: TypeTarget, name: string, pos: SourcePos): LValue {
        const rt = this.rt;
        const l = name.toLowerCase();
        const readOnly = (read: Ev): LValue => ({
            read,
            write: () => compileError(`Field is not writeable: ${name}`, pos),
        });
        switch (tt.k) {
            case 'class': {
                const st = this.findField(tt.cls, l, true);
                if (st) return this.staticLValue(st, pos);
                return compileError(`Variable does not exist: ${name}`, pos);
            }
            case 'enum': {
                const idx = tt.values.findIndex((v) => v.toLowerCase() === l);
                if (idx < 0) return compileError(`Variable does not exist: ${name}`, pos);
                const user = this.rt.table.findClass(tt.qualified.split('.'), null);
                const ev = user ? user.enumValues[idx] : new EnumValue(tt.qualified, tt.values[idx], idx);
                return readOnly(() => ev);
            }
            case 'builtin': {
                const props = rt.registry.props.get(tt.name);
                const prop = props?.get(l) ?? props?.get('*');
                if (!prop) return notSupported(`static property ${tt.name}.${name}`, pos);
                return readOnly(() => prop(rt, pos, name));
            }
            case 'sobject': {
                const hook = rt.registry.sobjectStatic;
                if (!hook) return notSupported(`sObject static property ${tt.name}.${name}`, pos);
                const objName = tt.name;
                return readOnly(() => hook(rt, objName, name, pos));
            }
        }
    }

    /** The object a `.field` is read from; a field of an inline query reads its single row (`[SELECT ...].Name`). */
    private memberTarget(target: Expr, sc: Scope): Ev {
        if (target.k === 'super') return (f: Frame) => f.self;
        const ev = this.expr(target, sc);
        if (target.k !== 'soql') return ev;
        const rt = this.rt;
        return (f) => {
            const rows = ev(f);
            return rows instanceof ApexList && rows.elType.k === 'sobject' ? rt.singleRow(rows) : rows;
        };
    }

    getMember(o: Value, l: string, name: string, pos: SourcePos): Value {
        if (o instanceof SObjectValue) return sobjectGet(this.rt, o, name, pos);
        if (o instanceof ApexObject) {
            const f = this.findField(o.cls, l, false);
            if (f) return this.rt.getField(f, o, pos);
            const st = this.findField(o.cls, l, true);
            if (st) return this.rt.statics(st.owner)[st.slot]!;
            return compileError(`Variable does not exist: ${name}`, pos);
        }
        const table = this.rt.registry.instance.get(kindOf(o));
        const prop = table?.get('.' + l) ?? table?.get('.*');
        if (prop) return prop(this.rt, o, [name], pos);
        return notSupported(`property ${name} of ${valueTypeName(o)}`, pos);
    }

    setMember(o: Value, l: string, name: string, v: Value, pos: SourcePos): Value {
        if (o instanceof SObjectValue) return sobjectPut(this.rt, o, name, v, pos);
        if (o instanceof ApexObject) {
            const f = this.findField(o.cls, l, false);
            if (f) {
                this.rt.setField(f, o, v, pos);
                return v;
            }
            return compileError(`Variable does not exist: ${name}`, pos);
        }
        const setter = this.rt.registry.instance.get(kindOf(o))?.get('=' + l);
        if (setter) {
            setter(this.rt, o, [v], pos);
            return v;
        }
        return notSupported(`assignment to property ${name} of ${valueTypeName(o)}`, pos);
    }
}

function isStringType(t: RtType | undefined): boolean {
    return !!t && t.k === 'prim' && t.p === 'string';
}

export { OBJECT, prim };
