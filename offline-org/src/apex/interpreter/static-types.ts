/**
 * Best-effort static types of expressions, as the Apex compiler would see them. Used where the platform decides by
 * static type rather than by run-time value: overload resolution and string concatenation with null operands.
 * `undefined` means "not known here"; callers then fall back to run-time values.
 */
import type { Expr } from '../ast.js';
import type { RtClass, RtMethod } from '../runtime/classes.js';
import { isSubclass, prim, typeName } from '../runtime/types.js';
import type { RtType } from '../runtime/types.js';
import type { ExprCompiler } from './compile-expr.js';
import type { Scope } from './scope.js';
import { fieldRtType } from '../../stdlib/sobject.js';

/** The type of the `null` literal: assignable to everything. */
export const NULL_TYPE: RtType = { k: 'native', name: '<null>' };

const NUMERIC_RANK: Record<string, number> = { integer: 1, long: 2, decimal: 3, double: 4 };

function numericResult(a: RtType, b: RtType): RtType | undefined {
    if (a.k !== 'prim' || b.k !== 'prim') return undefined;
    const ra = NUMERIC_RANK[a.p];
    const rb = NUMERIC_RANK[b.p];
    if (!ra || !rb) return undefined;
    return ra >= rb ? a : b;
}

export function staticTypeOf(c: ExprCompiler, e: Expr, sc: Scope): RtType | undefined {
    switch (e.k) {
        case 'lit':
            switch (e.lit.t) {
                case 'int':
                    return prim('integer');
                case 'long':
                    return prim('long');
                case 'decimal':
                    return prim('decimal');
                case 'double':
                    return prim('double');
                case 'string':
                    return prim('string');
                case 'bool':
                    return prim('boolean');
                case 'null':
                    return NULL_TYPE;
            }
            return undefined;
        case 'name': {
            const l = e.name.toLowerCase();
            const local = sc.lookup(l);
            if (local) return local.type;
            const f =
                (sc.mc.isStatic ? undefined : c.findField(sc.mc.cls, l, false)) ?? c.findStaticInOuter(sc.mc.cls, l);
            return f?.type;
        }
        case 'this':
            return sc.mc.isStatic ? undefined : { k: 'class', cls: sc.mc.cls };
        case 'cast':
            return c.rt.table.tryResolve(e.type, sc.mc.cls);
        case 'new':
        case 'newInit':
        case 'newMap':
            return c.rt.table.tryResolve(e.type, sc.mc.cls);
        case 'newArray': {
            const el = c.rt.table.tryResolve({ ...e.type, arrayDepth: 0 }, sc.mc.cls);
            return el ? { k: 'list', el } : undefined;
        }
        case 'instanceof':
        case 'and':
        case 'or':
            return prim('boolean');
        case 'unary':
            return e.op === '!' ? prim('boolean') : staticTypeOf(c, e.expr, sc);
        case 'incdec':
            return staticTypeOf(c, e.target, sc);
        case 'assign':
            return staticTypeOf(c, e.target, sc);
        case 'index': {
            const t = staticTypeOf(c, e.target, sc);
            return t && t.k === 'list' ? t.el : undefined;
        }
        case 'cond': {
            const a = staticTypeOf(c, e.a, sc);
            const b = staticTypeOf(c, e.b, sc);
            if (!a || !b) return undefined;
            if (a === NULL_TYPE) return b;
            if (b === NULL_TYPE) return a;
            return typeName(a) === typeName(b) ? a : numericResult(a, b);
        }
        case 'coal':
            return staticTypeOf(c, e.l, sc);
        case 'bin': {
            if (['<', '>', '<=', '>=', '==', '!=', '===', '!==', '<>'].includes(e.op)) return prim('boolean');
            const a = staticTypeOf(c, e.l, sc);
            const b = staticTypeOf(c, e.r, sc);
            if (
                e.op === '+' &&
                ((a && a.k === 'prim' && a.p === 'string') || (b && b.k === 'prim' && b.p === 'string'))
            )
                return prim('string');
            if (!a || !b) return undefined;
            if (['+', '-', '*', '/'].includes(e.op)) return numericResult(a, b);
            return a.k === 'prim' && a.p === 'boolean' ? a : numericResult(a, b);
        }
        case 'field': {
            const tt = c.typeTarget(e.target, sc);
            const l = e.name.toLowerCase();
            if (tt) {
                if (tt.k === 'class') return c.findField(tt.cls, l, true)?.type;
                if (tt.k === 'enum') return { k: 'enum', name: tt.qualified };
                return undefined;
            }
            const t = staticTypeOf(c, e.target, sc);
            if (!t) return undefined;
            if (t.k === 'class') return c.findField(t.cls, l, false)?.type;
            if (t.k === 'sobject' && t.name) {
                const f = c.rt.schema.getObject(t.name)?.fields.get(l);
                return f ? fieldRtType(f) : undefined;
            }
            return undefined;
        }
        case 'call': {
            const l = e.name.toLowerCase();
            let cands: RtMethod[] = [];
            if (e.target === null) cands = c.rt.compiler.visibleMethods(sc.mc.cls, l);
            else {
                const tt = c.typeTarget(e.target, sc);
                if (tt && tt.k === 'class') cands = tt.cls.findMethods(l).filter((m) => m.isStatic);
                else if (!tt) {
                    const t = staticTypeOf(c, e.target, sc);
                    if (t && t.k === 'class') cands = t.cls.findMethods(l);
                    else if (t && t.k === 'prim' && t.p === 'string') return stringMethodType(l);
                }
            }
            const arity = cands.filter((m) => m.params.length === e.args.length);
            if (arity.length === 0) return undefined;
            const ret = arity[0].returnType;
            return arity.every((m) => typeName(m.returnType) === typeName(ret)) ? ret : undefined;
        }
        default:
            return undefined;
    }
}

const STRING_RETURNING = new Set([
    'touppercase',
    'tolowercase',
    'trim',
    'substring',
    'replace',
    'replaceall',
    'replacefirst',
    'left',
    'right',
    'mid',
    'substringbefore',
    'substringafter',
    'substringbetween',
    'normalizespace',
    'deletewhitespace',
    'capitalize',
    'uncapitalize',
    'leftpad',
    'rightpad',
    'repeat',
    'reverse',
    'escapesinglequotes',
    'abbreviate',
    'removestart',
    'removeend',
    'tostring',
    'center',
    'substringafterlast',
    'substringbeforelast',
]);

function stringMethodType(l: string): RtType | undefined {
    if (STRING_RETURNING.has(l)) return prim('string');
    if (l === 'length' || l === 'indexof' || l === 'lastindexof' || l === 'compareto') return prim('integer');
    return undefined;
}

/** How well a static argument type fits a parameter: 3 exact, 2 widening, 1 Object/null, -1 not applicable. */
function fit(arg: RtType, param: RtType): number {
    if (arg === NULL_TYPE) return param.k === 'prim' && param.p !== 'object' ? 1 : 1;
    const an = typeName(arg).toLowerCase();
    const pn = typeName(param).toLowerCase();
    if (an === pn) return 3;
    if (param.k === 'prim' && param.p === 'object') return 1;
    if (arg.k === 'prim' && param.k === 'prim') {
        const ra = NUMERIC_RANK[arg.p];
        const rp = NUMERIC_RANK[param.p];
        if (ra && rp && ra < rp) return 2;
        if (arg.p === 'id' && param.p === 'string') return 2;
        return -1;
    }
    if (arg.k === 'class' && param.k === 'class') return isSubclass(arg.cls, param.cls) ? 2 : -1;
    if (arg.k === 'sobject' && param.k === 'sobject') return param.name === null ? 2 : -1;
    if (
        (arg.k === 'list' && param.k === 'list') ||
        (arg.k === 'set' && param.k === 'set') ||
        (arg.k === 'map' && param.k === 'map')
    )
        return 2;
    if (arg.k === 'class' && param.k === 'native')
        return arg.cls.nativeInterfaces.has(param.name.toLowerCase()) ? 2 : -1;
    return -1;
}

/**
 * Chooses among overloads by static argument types. Returns undefined when some argument type is unknown or
 * when no single best candidate exists (the caller then resolves at run time).
 */
export function pickOverload(cands: RtMethod[], argTypes: (RtType | undefined)[]): RtMethod | undefined {
    if (argTypes.some((t) => t === undefined)) return undefined;
    let best: RtMethod | undefined;
    let bestScore = -1;
    let tie = false;
    for (const m of cands) {
        if (m.params.length !== argTypes.length) continue;
        let score = 0;
        for (let i = 0; i < argTypes.length && score >= 0; i++) {
            const s = fit(argTypes[i]!, m.params[i]);
            score = s < 0 ? -1 : score + s;
        }
        if (score > bestScore) {
            best = m;
            bestScore = score;
            tie = false;
        } else if (score === bestScore && score >= 0) tie = true;
    }
    return tie ? undefined : best;
}

export function sameSignature(a: RtMethod, b: RtMethod): boolean {
    return (
        a.params.length === b.params.length &&
        a.params.every((p, i) => typeName(p).toLowerCase() === typeName(b.params[i]).toLowerCase())
    );
}

export type { RtClass };
