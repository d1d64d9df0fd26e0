/**
 * Compiles AST expressions into closures `(frame) => value`: literals, collection initialisers, casts, `instanceof`,
 * the logical, conditional and unary operators, String concatenation, assignment and `++` / `--`, inline SOQL and
 * SOSL. Names, fields and indexes are resolved once, at compile time, by NameCompiler (compile-names.ts), which this
 * class extends; binary operators are compile-operators.ts's; calls and `new` are CallCompiler's (compile-call.ts).
 */
import type { Expr, TypeRef } from '../ast.js';
import type { SourcePos } from '../errors.js';
import { compileError } from '../errors.js';
import { OBJECT, convert, isInstance, prim, typeName, valueTypeName } from '../runtime/types.js';
import type { RtType } from '../runtime/types.js';
import { ApexDouble, ApexList, ApexMap, ApexSet, TypeValue } from '../runtime/values.js';
import type { Value } from '../runtime/values.js';
import { Decimal } from '../runtime/decimal.js';
import { listAdd, setAdd, mapPut } from '../../stdlib/collections.js';
import { add, negate } from '../runtime/operators.js';
import type { Ev, Frame } from '../runtime/frame.js';
import type { Scope } from './scope.js';
import { staticTypeOf } from './static-types.js';
import { NameCompiler } from './compile-names.js';
import { binaryEv, compoundFn } from './compile-operators.js';

export abstract class ExprCompiler extends NameCompiler {
    /** Method calls and `new`, compiled by CallCompiler (compile-call.ts). */
    protected abstract call(e: Extract<Expr, { k: 'call' }>, sc: Scope): Ev;
    abstract newExpr(tr: TypeRef, argExprs: Expr[], sc: Scope, pos: SourcePos): Ev;

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
                return binaryEv(rt, e.op, this.expr(e.l, sc), this.expr(e.r, sc));
            }
            case 'assign': {
                const lv = this.lvalue(e.target, sc);
                const val = this.expr(e.value, sc);
                if (e.op === '=') return (f) => lv.write(f, val(f));
                const opFn = compoundFn(rt, e.op.slice(0, -1));
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
        // `(Double) o` of an Object holding a Decimal is accepted on the platform (a Decimal passes for a Double).
        if (t.k === 'prim' && t.p === 'double' && v instanceof Decimal) return new ApexDouble(v.toNumber());
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
}

function isStringType(t: RtType | undefined): boolean {
    return !!t && t.k === 'prim' && t.p === 'string';
}

export { OBJECT, prim };
