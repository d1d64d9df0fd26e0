/**
 * Names, once: a name or dotted name resolved at compile time to a local's slot, a field's slot (or its accessor), a
 * static of the class or an outer class, a property of a built-in class or sObject type, or a type (`typeTarget`).
 * `lvalue` gives the read and the write of a name, a `.field` or a `[index]`, which assignment and `++` / `--` use;
 * `getMember` / `setMember` read and write a member of a value at run time.
 */
import { textOf } from '../runtime/format.js';
import type { Expr, TypeRef } from '../ast.js';
import type { SourcePos } from '../errors.js';
import { compileError, notSupported } from '../errors.js';
import type { RtClass, RtField } from '../runtime/classes.js';
import type { RtType } from '../runtime/types.js';
import { valueTypeName } from '../runtime/types.js';
import { ApexList, ApexObject, EnumValue, SObjectValue } from '../runtime/values.js';
import type { Value } from '../runtime/values.js';
import { BUILTIN_ENUMS, KNOWN_UNIMPLEMENTED } from '../runtime/type-names.js';
import { sobjectGet, sobjectPut } from '../../stdlib/sobject.js';
import type { Runtime } from './runtime.js';
import { kindOf } from '../runtime/kinds.js';
import type { Ev, Frame } from '../runtime/frame.js';
import type { Scope } from './scope.js';

export type TypeTarget =
    | { k: 'class'; cls: RtClass }
    | { k: 'builtin'; name: string }
    | { k: 'sobject'; name: string }
    | { k: 'enum'; qualified: string; values: string[] };

/** The read and the write of an assignable expression. */
export interface LValue {
    read: Ev;
    write: (f: Frame, v: Value) => Value;
}

export abstract class NameCompiler {
    constructor(readonly rt: Runtime) {}

    /** Expressions, compiled by ExprCompiler (compile-expr.ts): a `.field`'s target and an index are expressions. */
    abstract expr(e: Expr, sc: Scope): Ev;

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
            /** The list and the index an `a[i]` names, checked as the platform checks them. */
            const element = (f: Frame): [ApexList, number] => {
                const o = target(f);
                const i = index(f);
                if (o === null || i === null) return rt.npe();
                if (!(o instanceof ApexList)) return compileError('Expression must be a list type', pos);
                if (typeof i !== 'number' || i < 0 || i >= o.items.length)
                    return rt.fail('ListException', `List index out of bounds: ${textOf(i)}`);
                return [o, i];
            };
            return {
                read: (f) => {
                    const [list, i] = element(f);
                    return list.items[i]!;
                },
                write: (f, v) => {
                    const [list, i] = element(f);
                    const cv = rt.coerce(list.elType, v, pos);
                    list.items[i] = cv;
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
