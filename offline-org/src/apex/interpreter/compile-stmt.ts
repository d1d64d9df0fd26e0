/**
 * Compiles statements into closures `(frame) => completion` (normal, break, continue, return), with line tracking
 * for stack traces and, when enabled, coverage.
 */
import type { Expr, Stmt } from '../ast.js';
import type { SourcePos } from '../errors.js';
import { compileError } from '../errors.js';
import { isInstance } from '../runtime/types.js';
import type { RtType } from '../runtime/types.js';
import { ApexList, ApexObject, ApexSet, ApexThrow, EnumValue } from '../runtime/values.js';
import type { Value } from '../runtime/values.js';
import { apexEquals } from '../runtime/equality.js';
import { dmlStatement } from '../../stdlib/dml.js';
import { CallCompiler } from './compile-call.js';
import { BREAK, CONTINUE, Frame, NORMAL, RETURN } from '../runtime/frame.js';
import type { Completion, Ex } from '../runtime/frame.js';
import type { Scope } from './scope.js';

export abstract class StmtCompiler extends CallCompiler {
    // ---- statements ----

    protected coverageSet(file: string): Set<number> | null {
        if (!this.rt.options.coverage) return null;
        let s = this.rt.covered.get(file);
        if (!s) {
            s = new Set<number>();
            this.rt.covered.set(file, s);
        }
        return s;
    }

    stmts(list: Stmt[], sc: Scope): Ex {
        const cs = list.map((s) => this.stmt(s, sc));
        if (cs.length === 1) return cs[0];
        return (f) => {
            for (let i = 0; i < cs.length; i++) {
                const c = cs[i](f);
                if (c !== NORMAL) return c;
            }
            return NORMAL;
        };
    }

    stmt(s: Stmt, sc: Scope): Ex {
        const inner = this.stmtInner(s, sc);
        if (s.k === 'block' || s.k === 'empty') return inner;
        const line = s.pos.line;
        const cov = this.coverageSet(sc.mc.file);
        if (cov)
            return (f) => {
                f.line = line;
                cov.add(line);
                return inner(f);
            };
        return (f) => {
            f.line = line;
            return inner(f);
        };
    }

    private stmtInner(s: Stmt, sc: Scope): Ex {
        const rt = this.rt;
        switch (s.k) {
            case 'empty':
                return () => NORMAL;
            case 'block':
                return this.stmts(s.body, sc.child());
            case 'expr': {
                const e = this.expr(s.expr, sc);
                return (f) => {
                    e(f);
                    return NORMAL;
                };
            }
            case 'local': {
                const t = this.resolveType(s.type, sc);
                const steps = s.vars.map((v) => {
                    const init = v.init ? this.expr(v.init, sc) : null;
                    const local = sc.declare(v.name, t, v.pos);
                    const co = this.coercer(t, v.pos);
                    const slot = local.slot;
                    return init
                        ? (f: Frame) => {
                              f.l[slot] = co(init(f));
                          }
                        : (f: Frame) => {
                              f.l[slot] = null;
                          };
                });
                if (steps.length === 1) {
                    const st = steps[0];
                    return (f) => {
                        st(f);
                        return NORMAL;
                    };
                }
                return (f) => {
                    for (const st of steps) st(f);
                    return NORMAL;
                };
            }
            case 'if': {
                const c = this.cond(s.cond, sc);
                const a = this.stmt(s.then, sc.child());
                const b = s.else ? this.stmt(s.else, sc.child()) : null;
                return (f) => (c(f) ? a(f) : b ? b(f) : NORMAL);
            }
            case 'while': {
                const c = this.cond(s.cond, sc);
                const body = this.stmt(s.body, sc.child());
                return (f) => {
                    while (c(f)) {
                        if ((++rt.ticks & 4095) === 0) rt.checkCpu();
                        const r = body(f);
                        if (r === BREAK) break;
                        if (r === RETURN) return r;
                    }
                    return NORMAL;
                };
            }
            case 'doWhile': {
                const c = this.cond(s.cond, sc);
                const body = this.stmt(s.body, sc.child());
                return (f) => {
                    do {
                        if ((++rt.ticks & 4095) === 0) rt.checkCpu();
                        const r = body(f);
                        if (r === BREAK) break;
                        if (r === RETURN) return r;
                    } while (c(f));
                    return NORMAL;
                };
            }
            case 'for': {
                const inner = sc.child();
                const init = s.init.map((i) => this.stmt(i, inner));
                const c = s.cond ? this.cond(s.cond, inner) : () => true;
                const upd = s.update.map((u) => this.expr(u, inner));
                const body = this.stmt(s.body, inner.child());
                return (f) => {
                    for (const i of init) i(f);
                    for (; c(f);) {
                        if ((++rt.ticks & 4095) === 0) rt.checkCpu();
                        const r = body(f);
                        if (r === BREAK) break;
                        if (r === RETURN) return r;
                        for (let i = 0; i < upd.length; i++) upd[i](f);
                    }
                    return NORMAL;
                };
            }
            case 'forEach':
                return this.forEach(s, sc);
            case 'switch':
                return this.switchStmt(s, sc);
            case 'try':
                return this.tryStmt(s, sc);
            case 'return': {
                if (!s.expr) return () => RETURN;
                const e = this.expr(s.expr, sc);
                return (f) => {
                    f.ret = e(f);
                    return RETURN;
                };
            }
            case 'throw': {
                const e = this.expr(s.expr, sc);
                return (f) => {
                    const v = e(f);
                    if (v === null) return rt.npe();
                    if (!(v instanceof ApexObject) || !v.exc)
                        return compileError('Throw expression must be an exception', s.pos);
                    // eslint-disable-next-line @typescript-eslint/only-throw-error -- ApexThrow carries an Apex exception object through JS frames
                    throw new ApexThrow(v);
                };
            }
            case 'break':
                return () => BREAK;
            case 'continue':
                return () => CONTINUE;
            case 'dml': {
                const e = this.expr(s.expr, sc);
                const extra = s.extra ? this.expr(s.extra, sc) : null;
                const op = s.op;
                const field = s.upsertField;
                const al = s.accessLevel;
                return (f) => {
                    dmlStatement(rt, op, e(f), extra ? extra(f) : null, field, al, s.pos);
                    return NORMAL;
                };
            }
            case 'runAs': {
                const args = this.args(s.args, sc);
                const body = this.stmt(s.body, sc.child());
                const rt = this.rt;
                return (f) => {
                    const user = args(f)[0] ?? null;
                    // The platform switches the running user (sharing and user-mode checks); without one the body just runs.
                    const restore = rt.platform.runAs
                        ? rt.platform.runAs(user, { limits: rt.tx.limits, pos: s.pos })
                        : null;
                    try {
                        return body(f);
                    } finally {
                        restore?.();
                    }
                };
            }
        }
    }

    private cond(e: Expr, sc: Scope): (f: Frame) => boolean {
        const c = this.expr(e, sc);
        const rt = this.rt;
        return (f) => {
            const v = c(f);
            if (v === true) return true;
            if (v === false) return false;
            if (v === null) return rt.npe();
            return compileError('Condition must be a Boolean', e.pos);
        };
    }

    private forEach(s: Extract<Stmt, { k: 'forEach' }>, sc: Scope): Ex {
        const rt = this.rt;
        const inner = sc.child();
        const t = this.resolveType(s.type, inner);
        const iter = this.expr(s.iter, sc);
        const v = inner.declare(s.name, t, s.pos);
        const slot = v.slot;
        const co = this.coercer(t, s.pos);
        const body = this.stmt(s.body, inner.child());
        const chunked = s.iter.k === 'soql' && t.k === 'list';
        return (f) => {
            const src = iter(f);
            if (src === null) return rt.npe();
            let items: Value[];
            if (src instanceof ApexList) items = src.items;
            else if (src instanceof ApexSet) items = [...src.entries.values()];
            else if (src instanceof ApexObject) return this.iterateUser(src, f, slot, co, body, s.pos);
            else return compileError('Loop must iterate over collection', s.pos);
            if (chunked) {
                const chunks: Value[] = [];
                for (let i = 0; i < items.length; i += 200)
                    chunks.push(new ApexList((t as { el: RtType }).el, items.slice(i, i + 200)));
                items = chunks;
            }
            const list = src instanceof ApexList && !chunked ? src : null;
            const size = items.length;
            for (let i = 0; i < items.length; i++) {
                if (list && list.items.length !== size)
                    return rt.fail('FinalException', 'Cannot modify a collection while it is being iterated.');
                if ((++rt.ticks & 4095) === 0) rt.checkCpu();
                f.l[slot] = co(items[i]);
                const r = body(f);
                if (r === BREAK) break;
                if (r === RETURN) return r;
            }
            if (list && list.items.length !== size)
                return rt.fail('FinalException', 'Cannot modify a collection while it is being iterated.');
            return NORMAL;
        };
    }

    /** for-each over a user class implementing Iterable / Iterator. */
    private iterateUser(
        src: ApexObject,
        f: Frame,
        slot: number,
        co: (v: Value) => Value,
        body: Ex,
        pos: SourcePos,
    ): Completion {
        const rt = this.rt;
        let it: Value = src;
        if (src.cls.findMethods('iterator').length > 0) it = rt.invokeVirtual(src, 'iterator', [], pos);
        if (it === null) return rt.npe();
        for (;;) {
            if (rt.callMethod(it, 'hasnext', [], pos) !== true) break;
            f.l[slot] = co(rt.callMethod(it, 'next', [], pos));
            const r = body(f);
            if (r === BREAK) break;
            if (r === RETURN) return r;
        }
        return NORMAL;
    }

    private switchStmt(s: Extract<Stmt, { k: 'switch' }>, sc: Scope): Ex {
        const subject = this.expr(s.expr, sc);
        const arms = s.whens.map((w) => {
            const inner = sc.child();
            if (w.value.k === 'else') return { test: () => true, bind: null, body: this.stmt(w.body, inner) };
            if (w.value.k === 'type') {
                const t = this.resolveType(w.value.type, inner);
                const slot = inner.declare(w.value.name, t, w.pos).slot;
                return { test: (v: Value) => isInstance(v, t), bind: slot, body: this.stmt(w.body, inner) };
            }
            const tests = w.value.values.map((x) => this.whenTest(x, sc));
            return { test: (v: Value) => tests.some((t) => t(v)), bind: null, body: this.stmt(w.body, inner) };
        });
        return (f) => {
            const v = subject(f);
            for (const a of arms) {
                if (a.test(v)) {
                    if (a.bind !== null) f.l[a.bind] = v;
                    const r = a.body(f);
                    return r === BREAK || r === CONTINUE ? r : r;
                }
            }
            return NORMAL;
        };
    }

    /** A `when` value: a literal, or an enum constant name (matched against the subject's enum). */
    private whenTest(x: Expr, sc: Scope): (v: Value) => boolean {
        if (x.k === 'name' || x.k === 'field') {
            const l = x.k === 'name' ? x.name : x.name;
            return (v) => v instanceof EnumValue && v.name.toLowerCase() === l.toLowerCase();
        }
        const lit = this.expr(x, sc);
        const dummy = new Frame([], null, null, '', null, '', null);
        const value = lit(dummy);
        return (v) => (typeof v === 'string' && typeof value === 'string' ? v === value : apexEquals(v, value));
    }

    private tryStmt(s: Extract<Stmt, { k: 'try' }>, sc: Scope): Ex {
        const rt = this.rt;
        const body = this.stmt(s.body, sc.child());
        const catches = s.catches.map((c) => {
            const inner = sc.child();
            const t = this.resolveType(c.type, inner);
            const slot = inner.declare(c.name, t, c.pos).slot;
            return { t, slot, body: this.stmt(c.body, inner) };
        });
        const fin = s.fin ? this.stmt(s.fin, sc.child()) : null;
        return (f) => {
            let result: Completion = NORMAL;
            try {
                result = body(f);
            } catch (e) {
                if (!(e instanceof ApexThrow)) throw e;
                // LimitException and AssertException cannot be caught on the platform.
                if (!e.exc.cls.decl && (e.exc.cls.name === 'LimitException' || e.exc.cls.name === 'AssertException'))
                    throw e;
                const c = catches.find((k) => isInstance(e.exc, k.t));
                if (!c) {
                    if (fin) {
                        rt.top = f;
                        const fr = fin(f);
                        if (fr !== NORMAL) return fr;
                    }
                    throw e;
                }
                rt.top = f;
                f.l[c.slot] = e.exc;
                try {
                    result = c.body(f);
                } catch (inner) {
                    if (fin) {
                        const fr = fin(f);
                        if (fr !== NORMAL) return fr;
                    }
                    throw inner;
                }
            }
            if (fin) {
                const fr = fin(f);
                if (fr !== NORMAL) return fr;
            }
            return result;
        };
    }
}
