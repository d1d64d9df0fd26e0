/**
 * Compiles method bodies, constructors, initialisers, property accessors, anonymous blocks and triggers into
 * callables that manage frames and the call stack; also records each file's executable lines for coverage.
 */
import type { Expr, Stmt, TypeDecl, Member } from '../ast.js';
import type { SourcePos } from '../errors.js';
import { compileError } from '../errors.js';
import type { RtClass, RtField, RtMethod } from '../runtime/classes.js';
import type { RtType } from '../runtime/types.js';
import { ApexObject } from '../runtime/values.js';
import type { Value } from '../runtime/values.js';
import { StmtCompiler } from './compile-stmt.js';
import { Frame, NORMAL } from '../runtime/frame.js';
import type { Ex } from '../runtime/frame.js';
import { Scope } from './scope.js';
import { staticTypeOf } from './static-types.js';
import type { MethodCtx } from './scope.js';
import { measureHeap } from '../runtime/heap.js';

const MAX_DEPTH = 1000;

export class Compiler extends StmtCompiler {
    // ---- executable lines (coverage denominator) ----

    registerExecutableLines(file: string, decl: TypeDecl): void {
        const lines = this.rt.executable.get(file) ?? new Set<number>();
        const visitStmt = (s: Stmt): void => {
            if (s.k !== 'block' && s.k !== 'empty') lines.add(s.pos.line);
            switch (s.k) {
                case 'block':
                    s.body.forEach(visitStmt);
                    break;
                case 'if':
                    visitStmt(s.then);
                    if (s.else) visitStmt(s.else);
                    break;
                case 'for':
                    s.init.forEach(visitStmt);
                    visitStmt(s.body);
                    break;
                case 'forEach':
                case 'while':
                case 'doWhile':
                    visitStmt(s.body);
                    break;
                case 'switch':
                    s.whens.forEach((w) => visitStmt(w.body));
                    break;
                case 'try':
                    visitStmt(s.body);
                    s.catches.forEach((c) => visitStmt(c.body));
                    if (s.fin) visitStmt(s.fin);
                    break;
                case 'runAs':
                    visitStmt(s.body);
                    break;
                default:
                    break;
            }
        };
        const visitMember = (m: Member): void => {
            switch (m.kind) {
                case 'method':
                    if (m.body) visitStmt(m.body);
                    break;
                case 'ctor':
                case 'init':
                    visitStmt(m.body);
                    break;
                case 'field':
                    for (const v of m.vars) if (v.init) lines.add(v.pos.line);
                    break;
                case 'property':
                    if (m.getter?.body) visitStmt(m.getter.body);
                    if (m.setter?.body) visitStmt(m.setter.body);
                    break;
                case 'type':
                    m.members.forEach(visitMember);
                    break;
            }
        };
        decl.members.forEach(visitMember);
        this.rt.executable.set(file, lines);
    }

    // ---- entry points ----

    private ctx(cls: RtClass, isStatic: boolean, returnType: RtType, backing: RtField | null = null): MethodCtx {
        return { cls, isStatic, slots: 0, file: cls.file, backing, returnType, varNames: new Map() };
    }

    private whereOf(cls: RtClass, method: string): string {
        if (cls.name === 'AnonymousBlock') return 'AnonymousBlock';
        return `Class.${cls.name}.${method}`;
    }

    /** Wraps a compiled body into a callable that manages the frame and the call stack. */
    private frameRunner(
        mc: MethodCtx,
        where: string,
        params: { slot: number; co: (v: Value) => Value }[],
        body: Ex,
    ): (self: unknown, args: Value[]) => Value {
        const rt = this.rt;
        const file = mc.file;
        const sampleEvery = rt.options.heapSampleEvery ?? 0;
        return (self, args) => {
            const f = new Frame(
                new Array<Value>(mc.slots),
                self as ApexObject | null,
                mc.cls,
                where,
                rt.top,
                file,
                mc.varNames,
            );
            for (let i = 0; i < params.length; i++) f.l[params[i].slot] = params[i].co(args[i] ?? null);
            if (rt.depth >= MAX_DEPTH) rt.fail('LimitException', `Maximum stack depth reached: ${MAX_DEPTH + 1}`);
            rt.top = f;
            rt.depth++;
            try {
                body(f);
            } catch (e) {
                // The JS stack ran out before Apex's depth limit: report it as the platform's (uncatchable) limit error.
                if (e instanceof RangeError && /call stack/i.test(e.message))
                    rt.fail('LimitException', `Maximum stack depth reached: ${rt.depth + 1}`);
                throw e;
            } finally {
                if (sampleEvery > 0 && ++rt.returnsSinceHeapSample >= sampleEvery) {
                    rt.returnsSinceHeapSample = 0;
                    measureHeap(f, rt.tx);
                }
                rt.top = f.prev;
                rt.depth--;
            }
            return f.ret;
        };
    }

    compileMethod(m: RtMethod): void {
        const decl = m.decl!;
        const cls = m.owner;
        const linkError = this.rt.linkErrorOf(cls);
        if (linkError) throw linkError;
        const mc = this.ctx(cls, m.isStatic, m.returnType);
        const sc = new Scope(null, mc);
        const params = decl.params.map((p, i) => {
            const v = sc.declare(p.name, m.params[i], decl.pos);
            return { slot: v.slot, co: this.coercer(m.params[i], decl.pos) };
        });
        if (decl.kind === 'ctor') {
            const body = decl.body.k === 'block' ? decl.body.body : [decl.body];
            const first = body[0];
            const isCall = (k: string): boolean => !!first && first.k === 'expr' && first.expr.k === k;
            let prologue: Ex;
            let rest = body;
            if (isCall('thisCall') || isCall('superCall')) {
                const call = (first as Extract<Stmt, { k: 'expr' }>).expr as Extract<
                    Expr,
                    { k: 'thisCall' | 'superCall' }
                >;
                let args = this.args(call.args, sc);
                const line = first.pos.line;
                const cov = this.coverageSet(mc.file);
                if (cov)
                    args = ((inner) => (f: Frame) => {
                        cov.add(line);
                        return inner(f);
                    })(args);
                rest = body.slice(1);
                const argTypes = call.args.map((a) => staticTypeOf(this, a, sc));
                if (call.k === 'thisCall') {
                    const target = this.choose(
                        cls.ctors.filter((c) => c !== m),
                        argTypes,
                    );
                    prologue = (f) => {
                        f.line = line;
                        const a = args(f);
                        this.rt.construct(cls, f.self!, a, call.pos, target);
                        return NORMAL;
                    };
                } else {
                    const sup = cls.superClass;
                    if (!sup) compileError('No super class', call.pos);
                    const target = this.choose(sup.ctors, argTypes);
                    prologue = (f) => {
                        f.line = line;
                        const a = args(f);
                        this.rt.construct(sup, f.self!, a, call.pos, target);
                        this.runInstanceInit(cls, f.self!);
                        return NORMAL;
                    };
                }
            } else {
                const sup = cls.superClass;
                prologue = (f) => {
                    if (sup) this.rt.construct(sup, f.self!, [], decl.pos);
                    this.runInstanceInit(cls, f.self!);
                    return NORMAL;
                };
            }
            const block = this.stmts(rest, sc);
            m.compiled = this.frameRunner(mc, this.whereOf(cls, '<init>'), params, (f) => {
                prologue(f);
                return block(f);
            });
            return;
        }
        const body = this.stmt(decl.body!, sc);
        const ret = m.returnType;
        const co = ret.k === 'void' ? null : this.coercer(ret, decl.pos);
        const run = this.frameRunner(mc, this.whereOf(cls, decl.name), params, body);
        m.compiled = co ? (self, args) => co(run(self, args)) : run;
    }

    compileAnonymous(cls: RtClass, body: Stmt[], file: string, where = 'AnonymousBlock'): () => void {
        const mc = this.ctx(cls, true, { k: 'void' });
        mc.file = file;
        const sc = new Scope(null, mc);
        const lines = this.rt.executable.get(file) ?? new Set<number>();
        const block = this.stmts(body, sc);
        this.rt.executable.set(file, lines);
        const run = this.frameRunner(mc, where, [], block);
        return () => {
            run(null, []);
        };
    }

    // ---- initialisers ----

    private readonly staticInitCache = new Map<RtClass, () => void>();
    private readonly instanceInitCache = new Map<RtClass, (obj: ApexObject) => void>();

    /** Compiles (without running) the static and instance initialisers and property accessors of a class. */
    precompileInitialisers(cls: RtClass): void {
        this.staticInitFor(cls);
        if (cls.kind === 'class' && cls.instanceInits.length > 0) this.instanceInitFor(cls);
        for (const f of [...cls.instanceFields.values(), ...cls.staticFields.values()]) {
            if (f.owner !== cls || !f.prop) continue;
            if (f.prop.getter?.body) this.accessorFor(f, 'get', { file: cls.file, line: f.prop.pos.line });
            if (f.prop.setter?.body) this.accessorFor(f, 'set', { file: cls.file, line: f.prop.pos.line });
        }
    }

    private staticInitFor(cls: RtClass): () => void {
        let fn = this.staticInitCache.get(cls);
        if (!fn) {
            const mc = this.ctx(cls, true, { k: 'void' });
            const sc = new Scope(null, mc);
            const steps = cls.staticInits.map((it) => this.initStep(it, sc));
            const run = this.frameRunner(mc, this.whereOf(cls, '<clinit>'), [], (f) => {
                for (const s of steps) s(f);
                return NORMAL;
            });
            fn = () => {
                run(null, []);
            };
            this.staticInitCache.set(cls, fn);
        }
        return fn;
    }

    runStaticInit(cls: RtClass): void {
        this.staticInitFor(cls)();
    }

    private instanceInitFor(cls: RtClass): (obj: ApexObject) => void {
        let fn = this.instanceInitCache.get(cls);
        if (!fn) {
            if (cls.instanceInits.length === 0) fn = () => undefined;
            else {
                const mc = this.ctx(cls, false, { k: 'void' });
                const sc = new Scope(null, mc);
                const steps = cls.instanceInits.map((it) => this.initStep(it, sc));
                const run = this.frameRunner(mc, this.whereOf(cls, '<init>'), [], (f) => {
                    for (const s of steps) s(f);
                    return NORMAL;
                });
                fn = (o) => {
                    run(o, []);
                };
            }
            this.instanceInitCache.set(cls, fn);
        }
        return fn;
    }

    runInstanceInit(cls: RtClass, obj: ApexObject): void {
        this.instanceInitFor(cls)(obj);
    }

    /** Field initialisers of the whole superclass chain (parents first), without running constructors. */
    runInstanceInitChain(cls: RtClass, obj: ApexObject): void {
        if (cls.superClass && cls.superClass.decl) this.runInstanceInitChain(cls.superClass, obj);
        this.runInstanceInit(cls, obj);
    }

    private initStep(it: Stmt | RtField, sc: Scope): (f: Frame) => void {
        if ('k' in it) {
            const s = this.stmt(it, sc);
            return (f) => {
                s(f);
            };
        }
        const field = it;
        if (!field.init) return () => undefined;
        const init = this.expr(field.init, sc);
        const co = this.coercer(field.type, field.init.pos);
        const line = field.init.pos.line;
        const cov = this.coverageSet(sc.mc.file);
        if (field.isStatic)
            return (f) => {
                f.line = line;
                if (cov) cov.add(line);
                this.rt.tx.statics.get(field.owner)!.slots[field.slot] = co(init(f));
            };
        return (f) => {
            f.line = line;
            if (cov) cov.add(line);
            f.self!.fields[field.slot] = co(init(f));
        };
    }

    // ---- property accessors ----

    private readonly accessors = new Map<string, (self: unknown, args: Value[]) => Value>();

    private accessorFor(field: RtField, which: 'get' | 'set', pos: SourcePos): (self: unknown, args: Value[]) => Value {
        const key = `${field.owner.name}.${field.lname}.${which}`;
        let fn = this.accessors.get(key);
        if (!fn) {
            const prop = field.prop!;
            const part = which === 'get' ? prop.getter : prop.setter;
            const mc = this.ctx(field.owner, field.isStatic, which === 'get' ? field.type : { k: 'void' }, field);
            const sc = new Scope(null, mc);
            const params =
                which === 'set' ? [{ slot: sc.declare('value', field.type, pos).slot, co: (v: Value) => v }] : [];
            if (!part || !part.body) {
                // Automatic accessor beside a custom one: read/write the backing slot.
                const slot = field.slot;
                const owner = field.owner;
                fn =
                    which === 'get'
                        ? (self) => (self ? (self as ApexObject).fields[slot]! : this.rt.statics(owner)[slot]!)
                        : (self, args) => {
                              if (self) (self as ApexObject).fields[slot] = args[0]!;
                              else this.rt.statics(owner)[slot] = args[0]!;
                              return null;
                          };
            } else {
                fn = this.frameRunner(
                    mc,
                    this.whereOf(field.owner, `${which}${field.name}`),
                    params,
                    this.stmt(part.body, sc),
                );
            }
            this.accessors.set(key, fn);
        }
        return fn;
    }

    callAccessor(field: RtField, which: 'get' | 'set', obj: ApexObject | null, value: Value, pos: SourcePos): Value {
        return this.accessorFor(field, which, pos)(obj, [value]);
    }
}
