/**
 * Calls at run time: the overload that best fits the argument values, static and virtual dispatch on user objects,
 * calls on Test.createStub objects (through their StubProvider), built-in instance methods, and `new` (the
 * constructor chain, built-in exception classes). Runtime's methods of the same names delegate here.
 */
import type { SourcePos } from '../errors.js';
import { compileError, notSupported } from '../errors.js';
import type { RtClass, RtMethod } from '../runtime/classes.js';
import { OBJECT, convert, isInstance, prim, valueTypeName } from '../runtime/types.js';
import { ApexList, ApexObject, TypeValue } from '../runtime/values.js';
import type { Value } from '../runtime/values.js';
import { kindOf } from '../runtime/kinds.js';
import { stackTraceOf } from '../runtime/exceptions.js';
import type { Frame } from '../runtime/frame.js';
import type { Runtime } from './runtime.js';

/** Picks the overload that best fits the runtime argument values. */
export function selectMethod(cands: RtMethod[], args: Value[], what: string, pos: SourcePos): RtMethod {
    const arity = cands.filter((m) => m.params.length === args.length);
    if (arity.length === 1) return arity[0];
    let best: RtMethod | undefined;
    let bestScore = -1;
    for (const m of arity) {
        let score = 0;
        for (let i = 0; i < args.length && score >= 0; i++) {
            const a = args[i]!;
            const t = m.params[i];
            if (a === null) score += 1;
            else if (isInstance(a, t) && !(t.k === 'prim' && t.p === 'object')) score += 4;
            else if (convert(t, a).ok) score += t.k === 'prim' && t.p === 'object' ? 1 : 2;
            else score = -1;
        }
        if (score > bestScore) {
            bestScore = score;
            best = m;
        }
    }
    if (!best)
        compileError(
            `Method does not exist or incorrect signature: ${what}(${args.map(valueTypeName).join(', ')})`,
            pos,
        );
    return best;
}

/** Calls a method already chosen: a stub's, a native one, or a user method (compiled on its first call). */
export function invoke(rt: Runtime, m: RtMethod, self: ApexObject | null, args: Value[], pos: SourcePos | null): Value {
    if (self && self.stub && !m.isStatic) return callStub(rt, self, m, args, pos ?? { file: m.owner.file, line: 0 });
    if (m.native) return m.native(self, args);
    if (m.isAbstract || !m.decl) {
        return notSupported(
            `call of abstract method ${m.owner.name}.${m.name}`,
            pos ?? { file: m.owner.file, line: 0 },
        );
    }
    if (!m.compiled) rt.compiler.compileMethod(m);
    return m.compiled!(self, args);
}

/** A call on a Test.createStub object: StubProvider.handleMethodCall(stub, name, returnType, paramTypes, paramNames, args). */
function callStub(rt: Runtime, obj: ApexObject, m: RtMethod, args: Value[], pos: SourcePos): Value {
    const types = new ApexList(
        { k: 'native', name: 'System.Type' },
        m.params.map((t) => new TypeValue(t)),
    );
    const names = new ApexList(prim('string'), m.paramNames.slice());
    const result = callMethod(
        rt,
        obj.stub,
        'handlemethodcall',
        [obj, m.name, new TypeValue(m.returnType), types, names, new ApexList(OBJECT, args.slice())],
        pos,
    );
    return m.returnType.k === 'void' ? null : rt.coerce(m.returnType, result, pos);
}

/** Virtual dispatch on a user object. */
export function invokeVirtual(rt: Runtime, obj: ApexObject, lname: string, args: Value[], pos: SourcePos): Value {
    if (obj.stub) {
        const declared = obj.cls.findMethods(lname).filter((m) => !m.isStatic);
        if (declared.length > 0) return callStub(rt, obj, selectMethod(declared, args, lname, pos), args, pos);
    }
    const cands = obj.cls.findMethods(lname).filter((m) => !m.isAbstract);
    if (cands.length === 0) {
        if (obj.exc) return callBuiltinInstance(rt, 'exception', obj, lname, args, pos);
        const any = rt.registry.instance.get('object')?.get(lname);
        if (any) return any(rt, obj, args, pos);
        return compileError(
            `Method does not exist or incorrect signature: void ${lname}() from the type ${obj.cls.name}`,
            pos,
        );
    }
    return invoke(rt, selectMethod(cands, args, lname, pos), obj, args, pos);
}

/** A built-in instance method of the value kind `kind` (or of Object), e.g. `String.length`. */
export function callBuiltinInstance(
    rt: Runtime,
    kind: string,
    self: Value,
    lname: string,
    args: Value[],
    pos: SourcePos,
): Value {
    const fn = rt.registry.instance.get(kind)?.get(lname) ?? rt.registry.instance.get('object')?.get(lname);
    if (!fn) return notSupported(`method ${kind}.${lname}`, pos);
    return fn(rt, self, args, pos);
}

/** Instance call on any value (`target.name(args)`). */
export function callMethod(rt: Runtime, target: Value, lname: string, args: Value[], pos: SourcePos): Value {
    if (target === null) return rt.npe();
    if (target instanceof ApexObject) return invokeVirtual(rt, target, lname, args, pos);
    return callBuiltinInstance(rt, kindOf(target), target, lname, args, pos);
}

/** `new cls(args)`: the class linked and its statics initialised, then the constructor chain run. */
export function instantiate(rt: Runtime, cls: RtClass, args: Value[], pos: SourcePos, ctor?: RtMethod): ApexObject {
    if (cls.kind !== 'class') compileError(`Type cannot be constructed: ${cls.name}`, pos);
    if (cls.isAbstract) compileError(`Abstract classes cannot be instantiated: ${cls.name}`, pos);
    if (!cls.linked) rt.table.link(cls);
    rt.statics(cls);
    const obj = new ApexObject(cls, new Array<Value>(cls.instanceSlotCount).fill(null));
    construct(rt, cls, obj, args, pos, ctor);
    return obj;
}

/** Runs the constructor chain of `cls` on `obj`. */
export function construct(
    rt: Runtime,
    cls: RtClass,
    obj: ApexObject,
    args: Value[],
    pos: SourcePos,
    chosen?: RtMethod,
): void {
    if (!cls.decl) {
        // A built-in exception class: (), (message), (cause), (message, cause).
        const origin = exceptionOrigin(rt);
        const exc = {
            message: null as Value,
            cause: null as Value,
            line: origin ? origin.line : pos.line,
            stack: '',
        };
        const [a, b] = args;
        if (args.length === 1 && a instanceof ApexObject && a.exc) exc.cause = a;
        else if (args.length >= 1) exc.message = a ?? null;
        if (args.length === 2) exc.cause = b ?? null;
        exc.stack = stackTraceOf(origin);
        obj.exc = exc;
        if (cls.name === 'AuraHandledException') obj.exc.scriptThrown = true;
        return;
    }
    if (cls.ctors.length === 0) {
        if (cls.isException) {
            construct(rt, cls.superClass!, obj, args, pos);
            rt.compiler.runInstanceInit(cls, obj);
            return;
        }
        if (args.length > 0)
            compileError(
                `Constructor not defined: [${cls.name}].<Constructor>(${args.map(valueTypeName).join(', ')})`,
                pos,
            );
        if (cls.superClass) construct(rt, cls.superClass, obj, [], pos);
        rt.compiler.runInstanceInit(cls, obj);
        return;
    }
    const arityMatch = cls.ctors.some((c) => c.params.length === args.length);
    if (!arityMatch && !cls.isException)
        compileError(
            `Constructor not defined: [${cls.name}].<Constructor>(${args.map(valueTypeName).join(', ')})`,
            pos,
        );
    const ctor = !arityMatch ? null : (chosen ?? selectMethod(cls.ctors, args, `${cls.name}.<Constructor>`, pos));
    if (!ctor) {
        construct(rt, cls.superClass!, obj, args, pos);
        rt.compiler.runInstanceInit(cls, obj);
        return;
    }
    if (!ctor.compiled) rt.compiler.compileMethod(ctor);
    ctor.compiled!(obj, args);
}

/** The frame that is creating an exception: the innermost one that is not an exception's own constructor. */
function exceptionOrigin(rt: Runtime): Frame | null {
    let f = rt.top;
    while (f && f.cls && f.cls.isException && f.where.endsWith('.<init>')) f = f.prev;
    return f;
}
