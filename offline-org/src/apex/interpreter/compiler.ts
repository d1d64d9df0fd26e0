/**
 * Compiles statements, method bodies, constructors, initialisers and property accessors into closures.
 */
import type { Expr, Stmt, TypeDecl, Member } from '../ast.js';
import type { SourcePos } from '../errors.js';
import { compileError, notSupported } from '../errors.js';
import type { RtClass, RtField, RtMethod } from '../runtime/classes.js';
import { isInstance } from '../runtime/types.js';
import type { RtType } from '../runtime/types.js';
import { ApexList, ApexMap, ApexObject, ApexSet, ApexThrow, EnumValue, SObjectValue } from '../runtime/values.js';
import type { Value } from '../runtime/values.js';
import { apexEquals } from '../runtime/equality.js';
import { dmlStatement } from '../../stdlib/dml.js';
import { ExprCompiler } from './compile-expr.js';
import { BREAK, CONTINUE, Frame, NORMAL, RETURN } from './frame.js';
import type { Completion, Ev, Ex } from './frame.js';
import { Scope } from './scope.js';
import type { MethodCtx } from './scope.js';

const MAX_DEPTH = 1000;

export class Compiler extends ExprCompiler {
  // ---- executable lines (coverage denominator) ----

  registerExecutableLines(file: string, decl: TypeDecl): void {
    const lines = this.rt.executable.get(file) ?? new Set<number>();
    const visitStmt = (s: Stmt): void => {
      if (s.k !== 'block' && s.k !== 'empty') lines.add(s.pos.line);
      switch (s.k) {
        case 'block': s.body.forEach(visitStmt); break;
        case 'if': visitStmt(s.then); if (s.else) visitStmt(s.else); break;
        case 'for': s.init.forEach(visitStmt); visitStmt(s.body); break;
        case 'forEach': case 'while': case 'doWhile': visitStmt(s.body); break;
        case 'switch': s.whens.forEach((w) => visitStmt(w.body)); break;
        case 'try': visitStmt(s.body); s.catches.forEach((c) => visitStmt(c.body)); if (s.fin) visitStmt(s.fin); break;
        case 'runAs': visitStmt(s.body); break;
        default: break;
      }
    };
    const visitMember = (m: Member): void => {
      switch (m.kind) {
        case 'method': if (m.body) visitStmt(m.body); break;
        case 'ctor': case 'init': visitStmt(m.body); break;
        case 'field': for (const v of m.vars) if (v.init) lines.add(v.pos.line); break;
        case 'property': if (m.getter?.body) visitStmt(m.getter.body); if (m.setter?.body) visitStmt(m.setter.body); break;
        case 'type': m.members.forEach(visitMember); break;
      }
    };
    decl.members.forEach(visitMember);
    this.rt.executable.set(file, lines);
  }

  // ---- entry points ----

  private ctx(cls: RtClass, isStatic: boolean, returnType: RtType, backing: RtField | null = null): MethodCtx {
    return { cls, isStatic, slots: 0, file: cls.file, backing, returnType };
  }

  private whereOf(cls: RtClass, method: string): string {
    if (cls.name === 'AnonymousBlock') return 'AnonymousBlock';
    return `Class.${cls.name}.${method}`;
  }

  /** Wraps a compiled body into a callable that manages the frame and the call stack. */
  private frameRunner(mc: MethodCtx, where: string, params: { slot: number; co: (v: Value) => Value }[], body: Ex): (self: unknown, args: Value[]) => Value {
    const rt = this.rt;
    const file = mc.file;
    return (self, args) => {
      const f = new Frame(new Array<Value>(mc.slots), self as ApexObject | null, mc.cls, where, rt.top, file);
      for (let i = 0; i < params.length; i++) f.l[params[i]!.slot] = params[i]!.co(args[i] ?? null);
      if (rt.depth >= MAX_DEPTH) rt.fail('LimitException', `Maximum stack depth reached: ${MAX_DEPTH + 1}`);
      rt.top = f;
      rt.depth++;
      try {
        body(f);
      } finally {
        rt.top = f.prev;
        rt.depth--;
      }
      return f.ret;
    };
  }

  compileMethod(m: RtMethod): void {
    const decl = m.decl!;
    const cls = m.owner;
    const mc = this.ctx(cls, m.isStatic, m.returnType);
    const sc = new Scope(null, mc);
    const params = decl.params.map((p, i) => {
      const v = sc.declare(p.name, m.params[i]!, decl.pos);
      return { slot: v.slot, co: this.coercer(m.params[i]!, decl.pos) };
    });
    if (decl.kind === 'ctor') {
      const body = decl.body.k === 'block' ? decl.body.body : [decl.body];
      const first = body[0];
      const isCall = (k: string): boolean => !!first && first.k === 'expr' && first.expr.k === k;
      let prologue: Ex;
      let rest = body;
      if (isCall('thisCall') || isCall('superCall')) {
        const call = (first as Extract<Stmt, { k: 'expr' }>).expr as Extract<Expr, { k: 'thisCall' | 'superCall' }>;
        const args = this.args(call.args, sc);
        const line = first!.pos.line;
        rest = body.slice(1);
        if (call.k === 'thisCall') {
          prologue = (f) => { f.line = line; const a = args(f); this.rt.construct(cls, f.self!, a, call.pos); return NORMAL; };
        } else {
          const sup = cls.superClass;
          if (!sup) compileError('No super class', call.pos);
          prologue = (f) => { f.line = line; const a = args(f); this.rt.construct(sup, f.self!, a, call.pos); this.runInstanceInit(cls, f.self!); return NORMAL; };
        }
      } else {
        const sup = cls.superClass;
        prologue = (f) => { if (sup) this.rt.construct(sup, f.self!, [], decl.pos); this.runInstanceInit(cls, f.self!); return NORMAL; };
      }
      const block = this.stmts(rest, sc);
      m.compiled = this.frameRunner(mc, this.whereOf(cls, '<init>'), params, (f) => { prologue(f); return block(f); });
      return;
    }
    const body = this.stmt(decl.body!, sc);
    const ret = m.returnType;
    const co = ret.k === 'void' ? null : this.coercer(ret, decl.pos);
    const run = this.frameRunner(mc, this.whereOf(cls, decl.name), params, body);
    m.compiled = co ? (self, args) => co(run(self, args)) : run;
  }

  compileAnonymous(cls: RtClass, body: Stmt[], file: string): () => void {
    const mc = this.ctx(cls, true, { k: 'void' });
    mc.file = file;
    const sc = new Scope(null, mc);
    const lines = this.rt.executable.get(file) ?? new Set<number>();
    const block = this.stmts(body, sc);
    this.rt.executable.set(file, lines);
    const run = this.frameRunner(mc, 'AnonymousBlock', [], block);
    return () => { run(null, []); };
  }

  // ---- initialisers ----

  private readonly staticInitCache = new Map<RtClass, (slots: Value[]) => void>();
  private readonly instanceInitCache = new Map<RtClass, (obj: ApexObject) => void>();

  runStaticInit(cls: RtClass, slots: Value[]): void {
    let fn = this.staticInitCache.get(cls);
    if (!fn) {
      const mc = this.ctx(cls, true, { k: 'void' });
      const sc = new Scope(null, mc);
      const steps = cls.staticInits.map((it) => this.initStep(it, sc));
      const run = this.frameRunner(mc, this.whereOf(cls, '<clinit>'), [], (f) => { for (const s of steps) s(f); return NORMAL; });
      fn = (s) => { void s; run(null, []); };
      this.staticInitCache.set(cls, fn);
    }
    fn(slots);
  }

  runInstanceInit(cls: RtClass, obj: ApexObject): void {
    let fn = this.instanceInitCache.get(cls);
    if (!fn) {
      if (cls.instanceInits.length === 0) fn = () => undefined;
      else {
        const mc = this.ctx(cls, false, { k: 'void' });
        const sc = new Scope(null, mc);
        const steps = cls.instanceInits.map((it) => this.initStep(it, sc));
        const run = this.frameRunner(mc, this.whereOf(cls, '<init>'), [], (f) => { for (const s of steps) s(f); return NORMAL; });
        fn = (o) => { run(o, []); };
      }
      this.instanceInitCache.set(cls, fn);
    }
    fn(obj);
  }

  private initStep(it: Stmt | RtField, sc: Scope): (f: Frame) => void {
    if ('k' in it) {
      const s = this.stmt(it, sc);
      return (f) => { s(f); };
    }
    const field = it;
    if (!field.init) return () => undefined;
    const init = this.expr(field.init, sc);
    const co = this.coercer(field.type, field.init.pos);
    const line = field.init.pos.line;
    const cov = this.coverageSet(sc.mc.file);
    if (field.isStatic) return (f) => { f.line = line; if (cov) cov.add(line); this.rt.tx.statics.get(field.owner)!.slots[field.slot] = co(init(f)); };
    return (f) => { f.line = line; if (cov) cov.add(line); f.self!.fields[field.slot] = co(init(f)); };
  }

  // ---- property accessors ----

  private readonly accessors = new Map<string, (self: unknown, args: Value[]) => Value>();

  callAccessor(field: RtField, which: 'get' | 'set', obj: ApexObject | null, value: Value, pos: SourcePos): Value {
    const key = `${field.owner.name}.${field.lname}.${which}`;
    let fn = this.accessors.get(key);
    if (!fn) {
      const prop = field.prop!;
      const part = which === 'get' ? prop.getter : prop.setter;
      const mc = this.ctx(field.owner, field.isStatic, which === 'get' ? field.type : { k: 'void' }, field);
      const sc = new Scope(null, mc);
      const params = which === 'set' ? [{ slot: sc.declare('value', field.type, pos).slot, co: (v: Value) => v }] : [];
      if (!part || !part.body) {
        // Automatic accessor beside a custom one: read/write the backing slot.
        const slot = field.slot;
        const owner = field.owner;
        fn = which === 'get'
          ? (self) => (self ? (self as ApexObject).fields[slot]! : this.rt.statics(owner)[slot]!)
          : (self, args) => {
              if (self) (self as ApexObject).fields[slot] = args[0]!;
              else this.rt.statics(owner)[slot] = args[0]!;
              return null;
            };
      } else {
        fn = this.frameRunner(mc, this.whereOf(field.owner, `${which}${field.name}`), params, this.stmt(part.body, sc));
      }
      this.accessors.set(key, fn);
    }
    return fn(obj, [value]);
  }

  // ---- statements ----

  private coverageSet(file: string): Set<number> | null {
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
    if (cs.length === 1) return cs[0]!;
    return (f) => {
      for (let i = 0; i < cs.length; i++) {
        const c = cs[i]!(f);
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
    if (cov) return (f) => { f.line = line; cov.add(line); return inner(f); };
    return (f) => { f.line = line; return inner(f); };
  }

  private stmtInner(s: Stmt, sc: Scope): Ex {
    const rt = this.rt;
    switch (s.k) {
      case 'empty': return () => NORMAL;
      case 'block': return this.stmts(s.body, sc.child());
      case 'expr': {
        const e = this.expr(s.expr, sc);
        return (f) => { e(f); return NORMAL; };
      }
      case 'local': {
        const t = this.resolveType(s.type, sc);
        const steps = s.vars.map((v) => {
          const init = v.init ? this.expr(v.init, sc) : null;
          const local = sc.declare(v.name, t, v.pos);
          const co = this.coercer(t, v.pos);
          const slot = local.slot;
          return init ? (f: Frame) => { f.l[slot] = co(init(f)); } : (f: Frame) => { f.l[slot] = null; };
        });
        if (steps.length === 1) {
          const st = steps[0]!;
          return (f) => { st(f); return NORMAL; };
        }
        return (f) => { for (const st of steps) st(f); return NORMAL; };
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
          for (; c(f); ) {
            const r = body(f);
            if (r === BREAK) break;
            if (r === RETURN) return r;
            for (let i = 0; i < upd.length; i++) upd[i]!(f);
          }
          return NORMAL;
        };
      }
      case 'forEach': return this.forEach(s, sc);
      case 'switch': return this.switchStmt(s, sc);
      case 'try': return this.tryStmt(s, sc);
      case 'return': {
        if (!s.expr) return () => RETURN;
        const e = this.expr(s.expr, sc);
        return (f) => { f.ret = e(f); return RETURN; };
      }
      case 'throw': {
        const e = this.expr(s.expr, sc);
        return (f) => {
          const v = e(f);
          if (v === null) return rt.npe();
          if (!(v instanceof ApexObject) || !v.exc) return compileError('Throw expression must be an exception', s.pos);
          throw new ApexThrow(v);
        };
      }
      case 'break': return () => BREAK;
      case 'continue': return () => CONTINUE;
      case 'dml': {
        const e = this.expr(s.expr, sc);
        const extra = s.extra ? this.expr(s.extra, sc) : null;
        const op = s.op;
        const field = s.upsertField;
        const al = s.accessLevel ?? 'system';
        return (f) => { dmlStatement(rt, op, e(f), extra ? extra(f) : null, field, al, s.pos); return NORMAL; };
      }
      case 'runAs': {
        const args = this.args(s.args, sc);
        const body = this.stmt(s.body, sc.child());
        return (f) => { args(f); return body(f); };
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
        for (let i = 0; i < items.length; i += 200) chunks.push(new ApexList((t as { el: RtType }).el, items.slice(i, i + 200)));
        items = chunks;
      }
      const list = src instanceof ApexList && !chunked ? src : null;
      const size = items.length;
      for (let i = 0; i < items.length; i++) {
        if (list && list.items.length !== size) return rt.fail('FinalException', 'Cannot modify a collection while it is being iterated.');
        f.l[slot] = co(items[i]!);
        const r = body(f);
        if (r === BREAK) break;
        if (r === RETURN) return r;
      }
      if (list && list.items.length !== size) return rt.fail('FinalException', 'Cannot modify a collection while it is being iterated.');
      return NORMAL;
    };
  }

  /** for-each over a user class implementing Iterable / Iterator. */
  private iterateUser(src: ApexObject, f: Frame, slot: number, co: (v: Value) => Value, body: Ex, pos: SourcePos): Completion {
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
    const rt = this.rt;
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
      void rt;
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
    const dummy = new Frame([], null, null, '', null, '');
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
        if (e.exc.cls.name === 'LimitException') throw e;
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

export { notSupported, SObjectValue, ApexMap };
