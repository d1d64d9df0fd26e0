/**
 * Compiles method calls (static, virtual, super, built-in) and `new` expressions. Overloads are chosen from the
 * static argument types when they are known (static-types.ts), otherwise from the run-time values.
 */
import { textOf } from '../runtime/format.js';
import type { Expr, TypeRef } from '../ast.js';
import type { SourcePos } from '../errors.js';
import { NotSupportedError, compileError, notSupported } from '../errors.js';
import type { RtClass, RtMethod } from '../runtime/classes.js';
import { typeName } from '../runtime/types.js';
import type { RtType } from '../runtime/types.js';
import { ApexList, ApexObject, EnumValue, NativeObject, SObjectValue } from '../runtime/values.js';
import type { Value } from '../runtime/values.js';
import { newCollectionFrom } from '../../stdlib/collections.js';
import { newSObject, sobjectPut } from '../../stdlib/sobject.js';
import { ExprCompiler } from './compile-expr.js';
import type { Ev, Frame } from '../runtime/frame.js';
import type { Scope } from './scope.js';
import { pickOverload, sameSignature, staticTypeOf } from './static-types.js';

export abstract class CallCompiler extends ExprCompiler {
    // ---- calls ----

    /**
     * `record.Field__c.addError(msg)`: an error on that field of the record (the field's value is not the receiver),
     * recognised when the record's static type is an sObject.
     */
    private fieldAddError(e: Extract<Expr, { k: 'call' }>, args: (f: Frame) => Value[], sc: Scope): Ev | null {
        const fieldExpr = e.target;
        if (e.name.toLowerCase() !== 'adderror' || fieldExpr?.k !== 'field' || fieldExpr.target.k === 'super')
            return null;
        const ownerType = staticTypeOf(this, fieldExpr.target, sc);
        if (ownerType?.k !== 'sobject') return null;
        const rt = this.rt;
        const owner = this.expr(fieldExpr.target, sc);
        const name = fieldExpr.name;
        return (f) => {
            const record = owner(f);
            if (!(record instanceof SObjectValue)) return rt.npe();
            const a = args(f);
            const m = a[0];
            const message = m instanceof ApexObject && m.exc ? rt.stringOf(m.exc.message) : rt.stringOf(m ?? null);
            const field = record.fields.get(name.toLowerCase())?.name ?? name;
            record.errors.push({ field, message });
            return null;
        };
    }

    protected call(e: Extract<Expr, { k: 'call' }>, sc: Scope): Ev {
        const rt = this.rt;
        const pos = e.pos;
        const l = e.name.toLowerCase();
        const args = this.args(e.args, sc);
        const argTypes = e.args.map((a) => staticTypeOf(this, a, sc));
        if (e.target === null) {
            const cands = this.visibleMethods(sc.mc.cls, l);
            if (cands.length === 0) return compileError(`Method does not exist or incorrect signature: ${e.name}`, pos);
            const chosen = this.choose(cands, argTypes);
            if (cands.every((m) => m.isStatic)) return this.staticInvoker(chosen ? [chosen] : cands, args, e.name, pos);
            if (chosen && !chosen.isStatic) return this.virtualBySignature(chosen, (f) => f.self, args, false, pos);
            return (f) => {
                const a = args(f);
                const m = chosen ?? rt.selectMethod(cands, a, e.name, pos);
                if (m.isStatic) return rt.invoke(m, null, a, pos);
                if (!f.self)
                    return compileError(`Non-static method cannot be referenced from a static context: ${e.name}`, pos);
                return rt.invokeVirtual(f.self, l, a, pos);
            };
        }
        if (e.target.k === 'super') {
            const sup = sc.mc.cls.superClass;
            if (!sup) return compileError('No super class', pos);
            const cands = sup.findMethods(l);
            return (f) => {
                const a = args(f);
                if (cands.length === 0) {
                    if (f.self && f.self.exc) return rt.callBuiltinInstance('exception', f.self, l, a, pos);
                    return compileError(`Method does not exist: super.${e.name}`, pos);
                }
                return rt.invoke(
                    this.choose(cands, argTypes) ?? rt.selectMethod(cands, a, e.name, pos),
                    f.self,
                    a,
                    pos,
                );
            };
        }
        const tt = this.typeTarget(e.target, sc);
        if (tt) {
            switch (tt.k) {
                case 'class': {
                    const statics = tt.cls.findMethods(l).filter((m) => m.isStatic);
                    if (statics.length === 0)
                        return compileError(
                            `Method does not exist or incorrect signature: ${tt.cls.name}.${e.name}`,
                            pos,
                        );
                    const cands = statics.filter((m) => visibleFrom(m, sc.mc.cls));
                    if (cands.length === 0) return compileError(`Method is not visible: ${tt.cls.name}.${e.name}`, pos);
                    const chosen = this.choose(cands, argTypes);
                    return this.staticInvoker(chosen ? [chosen] : cands, args, e.name, pos);
                }
                case 'builtin': {
                    const fn = rt.registry.statics.get(tt.name)?.get(l);
                    if (!fn) return notSupported(`method ${tt.name}.${e.name}`, pos);
                    const q = e.args[0];
                    if (q?.k === 'soql' && e.args.length === 1 && rt.registry.inlineQueryArgs.has(`${tt.name}.${l}`)) {
                        const binds = q.binds.map((b) => this.expr(b, sc));
                        const text = q.text;
                        return (f) =>
                            fn(rt, [new NativeObject('InlineQuery', { text, binds: binds.map((b) => b(f)) })], pos);
                    }
                    return (f) => fn(rt, args(f), pos);
                }
                case 'enum': {
                    const user = rt.table.findClass(tt.qualified.split('.'), null);
                    const values = user ? user.enumValues : tt.values.map((v, i) => new EnumValue(tt.qualified, v, i));
                    const enumType: RtType = { k: 'enum', name: tt.qualified };
                    if (l === 'values') return () => new ApexList(enumType, values.slice());
                    if (l === 'valueof') {
                        return (f) => {
                            const [s] = args(f);
                            const hit = values.find((v) => v.name === s);
                            if (!hit)
                                return rt.fail(
                                    'NoSuchElementException',
                                    `No enum constant ${tt.qualified}.${textOf(s)}`,
                                );
                            return hit;
                        };
                    }
                    return notSupported(`enum method ${tt.qualified}.${e.name}`, pos);
                }
                case 'sobject': {
                    const hook = rt.registry.sobjectStaticMethod;
                    if (!hook) return notSupported(`sObject static method ${tt.name}.${e.name}`, pos);
                    const objectName = tt.name;
                    return (f) => hook(rt, objectName, e.name, args(f), pos);
                }
            }
        }
        const fieldError = this.fieldAddError(e, args, sc);
        if (fieldError) return fieldError;
        const target = this.expr(e.target, sc);
        const safe = e.safe;
        const recvType = staticTypeOf(this, e.target, sc);
        if (recvType && recvType.k === 'class') {
            const chosen = this.choose(
                recvType.cls.findMethods(l).filter((m) => !m.isStatic),
                argTypes,
            );
            if (chosen) return this.virtualBySignature(chosen, target, args, safe, pos);
        }
        const kind = recvType ? builtinKind(recvType) : null;
        const known = (k: string): boolean =>
            !!rt.registry.instance.get(k)?.has(l) || !!rt.registry.instance.get(k)?.has('.' + l);
        // Iterable<T>.iterator(): the receiver is a list, a set or a class implementing Iterable, each answering it.
        const iterableIterator = kind !== null && /(^|\.)iterable$/.test(kind) && l === 'iterator';
        if (kind && !iterableIterator && !known(kind) && !known(kind.split('.').pop()!) && !known('object')) {
            // A method of a platform type this runtime does not implement: loud when reached, and reported by compileAll.
            const what = `method ${kind}.${e.name}`;
            rt.compileWarnings.push(new NotSupportedError(what, pos));
            return (f) => {
                const o = target(f);
                if (o === null) return safe ? null : rt.npe();
                return notSupported(what, pos);
            };
        }
        return (f) => {
            const o = target(f);
            if (o === null) return safe ? null : rt.npe();
            return rt.callMethod(o, l, args(f), pos);
        };
    }

    /** Methods callable by simple name from `cls`: its own and inherited ones, else static methods of outer classes. */
    visibleMethods(cls: RtClass, l: string): RtMethod[] {
        let cands = cls.findMethods(l);
        for (let c = cls.outer; cands.length === 0 && c; c = c.outer)
            cands = c.findMethods(l).filter((m) => m.isStatic);
        return cands;
    }

    /** Static overload choice when there is more than one candidate of the right arity. */
    protected choose(cands: RtMethod[], argTypes: (RtType | undefined)[]): RtMethod | undefined {
        const arity = cands.filter((m) => m.params.length === argTypes.length);
        if (arity.length === 1) return arity[0];
        return arity.length > 1 ? pickOverload(arity, argTypes) : undefined;
    }

    /** A call whose signature was chosen statically; the implementation is still picked by the receiver's class. */
    private virtualBySignature(
        chosen: RtMethod,
        target: (f: Frame) => Value,
        args: (f: Frame) => Value[],
        safe: boolean,
        pos: SourcePos,
    ): Ev {
        const rt = this.rt;
        const impls = new Map<RtClass, RtMethod>();
        return (f) => {
            const o = target(f);
            if (o === null) return safe ? null : rt.npe();
            const a = args(f);
            if (!(o instanceof ApexObject)) return rt.callMethod(o, chosen.lname, a, pos);
            let impl = impls.get(o.cls);
            if (!impl) {
                impl = o.cls.findMethods(chosen.lname).find((m) => !m.isAbstract && sameSignature(m, chosen));
                if (!impl) return rt.invokeVirtual(o, chosen.lname, a, pos);
                impls.set(o.cls, impl);
            }
            return rt.invoke(impl, o, a, pos);
        };
    }

    private staticInvoker(cands: RtMethod[], args: (f: Frame) => Value[], name: string, pos: SourcePos): Ev {
        const rt = this.rt;
        if (cands.length === 1 && cands[0].annotations.includes('future')) {
            const m = cands[0];
            return (f) => rt.enqueueFuture(m, args(f), pos);
        }
        if (cands.length === 1) {
            const m = cands[0];
            const n = m.params.length;
            return (f) => {
                const a = args(f);
                if (a.length !== n) return compileError(`Method does not exist or incorrect signature: ${name}`, pos);
                rt.statics(m.owner);
                return rt.invoke(m, null, a, pos);
            };
        }
        return (f) => {
            const a = args(f);
            const m = rt.selectMethod(cands, a, name, pos);
            rt.statics(m.owner);
            return rt.invoke(m, m.isStatic ? null : f.self, a, pos);
        };
    }

    // ---- new ----

    newExpr(tr: TypeRef, argExprs: Expr[], sc: Scope, pos: SourcePos): Ev {
        const rt = this.rt;
        const t = this.resolveType(tr, sc);
        if (t.k === 'sobject' && t.name) {
            const objName = t.name;
            const named = argExprs.map((a) => {
                if (a.k !== 'assign' || a.op !== '=' || a.target.k !== 'name')
                    return compileError('SObject constructor takes field=value pairs', pos);
                return { name: a.target.name, value: this.expr(a.value, sc) };
            });
            return (f) => {
                const so = newSObject(rt, objName, pos);
                for (const n of named) sobjectPut(rt, so, n.name, n.value(f), pos);
                return so;
            };
        }
        const args = this.args(argExprs, sc);
        if (t.k === 'class') {
            const ctor = this.choose(
                t.cls.ctors,
                argExprs.map((a) => staticTypeOf(this, a, sc)),
            );
            return (f) => rt.instantiate(t.cls, args(f), pos, ctor);
        }
        if (t.k === 'list' || t.k === 'set' || t.k === 'map') return (f) => newCollectionFrom(rt, t, args(f), pos);
        if (t.k === 'native') {
            const ctor =
                rt.registry.constructors.get(t.name.toLowerCase()) ??
                rt.registry.constructors.get(t.name.split('.').pop()!.toLowerCase());
            if (!ctor) return notSupported(`new ${t.name}`, pos);
            return (f) => ctor(rt, args(f), pos);
        }
        return compileError(`Type cannot be constructed: ${typeName(t)}`, pos);
    }
}

/** The stdlib registry kind serving a statically known platform type, or null (user classes, Object, unknown). */
function builtinKind(t: RtType): string | null {
    switch (t.k) {
        case 'prim':
            return t.p === 'object' ? null : t.p;
        case 'list':
        case 'set':
        case 'map':
            return t.k;
        case 'sobject':
            return 'sobject';
        case 'enum':
            return 'enum';
        case 'native':
            return t.name === '<null>' ? null : t.name.toLowerCase();
        default:
            return null;
    }
}

/** The top-level class a class is declared in. */
function topLevel(cls: RtClass): RtClass {
    return cls.outer ? topLevel(cls.outer) : cls;
}

/**
 * Whether code in `from` may call `method`: a private method (one without public, protected or global is private)
 * only from its own top-level class and the classes inside it, or from a test class when it is @TestVisible.
 */
function visibleFrom(method: RtMethod, from: RtClass): boolean {
    const mods = method.decl?.mods;
    if (!mods || mods.set.has('public') || mods.set.has('global') || mods.set.has('protected')) return true;
    if (topLevel(method.owner) === topLevel(from)) return true;
    return method.annotations.includes('testvisible') && topLevel(from).isTest;
}
