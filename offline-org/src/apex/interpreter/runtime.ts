/**
 * The Apex runtime, the ApexHost the natives see: holds the loaded program (classes, triggers), the current
 * transaction (statics, limits, debug log), exceptions, conversions and output. Loading and compiling the program
 * (program.ts), running triggers (triggers.ts) and call dispatch and construction (invocation.ts) are delegated.
 */
import { textOf } from '../runtime/format.js';
import type { SchemaProvider } from '../../data/schema-types.js';
import type { SourcePos } from '../errors.js';
import { ApexCompileError, NotSupportedError, notSupported } from '../errors.js';
import type { TriggerDecl } from '../ast.js';
import { RtClass } from '../runtime/classes.js';
import type { RtField, RtMethod } from '../runtime/classes.js';
import { convert, isInstance, typeName, valueTypeName } from '../runtime/types.js';
import type { RtType } from '../runtime/types.js';
import { ApexList, ApexObject, ApexThrow, DateValue, DatetimeValue, IdValue, NativeObject } from '../runtime/values.js';
import type { Value } from '../runtime/values.js';
import { installUserEquality } from '../runtime/equality.js';
import { kindOf } from '../runtime/kinds.js';
import { formatDate, toApexString } from '../runtime/format.js';
import { formatDatetimeGmt } from '../runtime/datetime-math.js';
import type { Platform } from '../platform.js';
import { unsupportedPlatform } from '../platform.js';
import { Registry } from '../../stdlib/registry.js';
import { registerStdlib } from '../../stdlib/index.js';
import { isValidId, to18 } from '../runtime/id-format.js';
import { ClassTable } from '../runtime/linker.js';
import { exceptionTypeName, makeBuiltinExceptionClasses, newException } from '../runtime/exceptions.js';
import { Frame } from '../runtime/frame.js';
import { Compiler } from './compiler.js';
import * as invocation from './invocation.js';
import * as program from './program.js';
import * as triggers from './triggers.js';
import { Transaction } from '../runtime/transaction.js';
import type { RuntimeOptions, StaticState } from '../runtime/transaction.js';
import type { ApexHost, TriggerInvocation } from '../../stdlib/host.js';

export { Transaction };
export type { RuntimeOptions, StaticState };

const emptySchema: SchemaProvider = {
    getObject: () => undefined,
    objectNames: () => [],
    objectByKeyPrefix: () => undefined,
};

export class Runtime implements ApexHost {
    readonly schema: SchemaProvider;
    platform: Platform;
    readonly table: ClassTable;
    readonly registry = new Registry();
    readonly compiler: Compiler;
    readonly orgTimeZone: string;
    readonly options: RuntimeOptions;
    readonly triggers: { decl: TriggerDecl; file: string }[] = [];
    readonly files = new Map<string, RtClass>();
    /** The source text of each class file loaded from a project (for its ApexClass row's Body), by file. */
    readonly sources = new Map<string, string>();
    /** file -> executable lines, file -> executed lines. */
    readonly executable = new Map<string, Set<number>>();
    readonly covered = new Map<string, Set<number>>();
    tx: Transaction = new Transaction(false);
    /** Unsupported platform methods found while compiling (each also fails loudly if reached). */
    readonly compileWarnings: NotSupportedError[] = [];
    /** Trigger invocations in progress (innermost last); read by the Trigger.* context variables. */
    readonly triggerStack: TriggerInvocation[] = [];
    private readonly compiledTriggers = new Map<TriggerDecl, () => void>();
    top: Frame | null = null;
    depth = 0;
    /** Method returns since the heap was last sampled (RuntimeOptions.heapSampleEvery). */
    returnsSinceHeapSample = 0;
    /** Loop iterations since the transaction began; every 4096 the CPU limit is checked. */
    ticks = 0;

    constructor(options: RuntimeOptions = {}) {
        this.options = options;
        this.schema = options.schema ?? emptySchema;
        this.platform = options.platform ?? unsupportedPlatform;
        this.orgTimeZone = options.orgTimeZone ?? 'America/Los_Angeles';
        this.table = new ClassTable(this.schema);
        for (const [k, c] of makeBuiltinExceptionClasses()) this.table.top.set(k, c);
        this.compiler = new Compiler(this);
        registerStdlib(this.registry);
    }

    /** The org's current time in epoch ms (System.now(), Datetime.now(), Date.today(), System.currentTimeMillis()). */
    now(): number {
        return this.options.clock ? this.options.clock() : Date.now();
    }

    private findUserMethod(cls: RtClass, lname: string, arity: number): RtMethod | undefined {
        return cls.findMethods(lname).find((m) => !m.isStatic && m.params.length === arity && m.decl);
    }

    // ---- the program (program.ts, triggers.ts) ----

    /** Parses and declares a class file (linked by linkAll). */
    addClass(file: string, source: string): RtClass {
        return program.addClass(this, file, source);
    }

    /** Parses and declares a trigger file. */
    addTrigger(file: string, source: string): void {
        program.addTrigger(this, file, source);
    }

    /** Links every loaded class; call after adding all sources. */
    linkAll(): void {
        for (const c of this.table.top.values()) {
            try {
                this.table.link(c);
            } catch (e) {
                if (!this.options.tolerantLink || !(e instanceof ApexCompileError || e instanceof NotSupportedError))
                    throw e;
                this.linkErrors.set(c, e);
            }
        }
    }

    /** Classes set aside by a tolerant load (RuntimeOptions.tolerantLink), with the error that stopped their link. */
    readonly linkErrors = new Map<RtClass, Error>();

    /** The link error of the top-level class holding `cls`, if it was set aside. */
    linkErrorOf(cls: RtClass | null): Error | undefined {
        let top = cls;
        while (top?.outer) top = top.outer;
        return top ? this.linkErrors.get(top) : undefined;
    }

    /**
     * Runs every trigger of `objectName` registered for `event` (e.g. `before insert`), in load order, with the
     * Trigger context variables set. The data layer calls this around its DML; errors added with addError stay on
     * the records for it to report.
     */
    runTriggers(inv: TriggerInvocation): void {
        triggers.runTriggers(this, inv, this.compiledTriggers);
    }

    /**
     * Compiles every method, constructor and initialiser of every loaded class now instead of on first call, and
     * returns the compile errors (unknown names, types, methods) and unsupported constructs found, with file:line.
     */
    compileAll(): Error[] {
        return program.compileAll(this);
    }

    classes(): RtClass[] {
        return [...this.files.values()];
    }

    // ---- transactions ----

    /** Equality hooks call into this runtime's user code; the runtime that runs a transaction installs them. */
    private installEquality(): void {
        installUserEquality({
            equals: (a, b) => {
                const m = this.findUserMethod(a.cls, 'equals', 1);
                return m ? this.invoke(m, a, [b], null) === true : null;
            },
            hashCode: (a) => {
                const m = this.findUserMethod(a.cls, 'hashcode', 0);
                return m ? (this.invoke(m, a, [], null) as number) : null;
            },
            nativeEquals: (a, b) => {
                const fn = this.registry.instance.get(a.typeName.toLowerCase())?.get('equals');
                return fn ? fn(this, a, [b], { file: '<builtin>', line: 0 }) === true : null;
            },
            nativeKey: (a) => {
                const table = this.registry.instance.get(a.typeName.toLowerCase());
                if (!table?.has('equals') || !table.has('tostring')) return null;
                return (
                    'N' + a.typeName + ':' + textOf(table.get('tostring')!(this, a, [], { file: '<builtin>', line: 0 }))
                );
            },
        });
    }

    beginTransaction(
        opts: { isTest?: boolean; isAsync?: boolean; asyncKind?: Transaction['asyncKind'] } = {},
    ): Transaction {
        this.installEquality();
        this.tx = new Transaction(!!opts.isAsync || !!opts.asyncKind);
        this.tx.isTest = !!opts.isTest;
        this.tx.asyncKind = opts.asyncKind ?? null;
        this.top = null;
        this.depth = 0;
        return this.tx;
    }

    /** Runs anonymous Apex in the current transaction. */
    runAnonymous(file: string, source: string): void {
        program.runAnonymous(this, file, source);
    }

    /** After a platform call: the counters the platform incremented must stay within the governor limits. */
    enforceLimits(): void {
        const { used, max } = this.tx.limits;
        if (used.queries > max.queries) this.fail('LimitException', `Too many SOQL queries: ${used.queries}`);
        if (used.queryRows > max.queryRows) this.fail('LimitException', `Too many query rows: ${used.queryRows}`);
        if (used.dmlStatements > max.dmlStatements)
            this.fail('LimitException', `Too many DML statements: ${used.dmlStatements}`);
        if (used.dmlRows > max.dmlRows) this.fail('LimitException', `Too many DML rows: ${used.dmlRows}`);
    }

    /** Called from loop back-edges: enforces the transaction's CPU time limit (uncatchable LimitException). */
    checkCpu(): void {
        const limits = this.tx.limits;
        if (limits.cpuTime() > limits.max.cpuTime) this.fail('LimitException', 'Apex CPU time limit exceeded');
    }

    // ---- exceptions ----

    exceptionClass(name: string): RtClass {
        const c = this.table.top.get(name.toLowerCase());
        if (!c) throw new Error(`unknown built-in exception ${name}`);
        return c;
    }

    /** Throws a System.<name> exception from built-in code at the current Apex line. */
    fail = (name: string, message: string): never => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- ApexThrow carries an Apex exception object through JS frames
        throw new ApexThrow(newException(this.exceptionClass(name), message, null, this.top));
    };

    npe(): never {
        return this.fail('NullPointerException', 'Attempt to de-reference a null object');
    }

    unsupported(what: string, pos: SourcePos): never {
        return notSupported(what, pos);
    }

    // ---- statics ----

    statics(cls: RtClass): Value[] {
        let s = this.tx.statics.get(cls);
        if (s && s.state === 2) return s.slots;
        if (!s) {
            s = { state: 0, slots: new Array<Value>(cls.staticSlotCount).fill(null) };
            this.tx.statics.set(cls, s);
        }
        if (s.state === 0) {
            s.state = 1;
            if (cls.superClass && cls.superClass.decl) this.statics(cls.superClass);
            try {
                this.compiler.runStaticInit(cls);
            } catch (e) {
                if (e instanceof ApexThrow) {
                    // The platform reports a failing static initialiser as System.ExceptionInInitializerError; its message
                    // carries the original exception, and every later use of the class fails again with the same error.
                    s.state = 0;
                    throw e;
                }
                throw e;
            }
            s.state = 2;
        }
        return s.slots;
    }

    // ---- invocation (invocation.ts) ----

    /** Picks the overload that best fits the runtime argument values. */
    selectMethod(cands: RtMethod[], args: Value[], what: string, pos: SourcePos): RtMethod {
        return invocation.selectMethod(cands, args, what, pos);
    }

    /** Calls a method already chosen. */
    invoke(m: RtMethod, self: ApexObject | null, args: Value[], pos: SourcePos | null): Value {
        return invocation.invoke(this, m, self, args, pos);
    }

    /** Virtual dispatch on a user object. */
    invokeVirtual(obj: ApexObject, lname: string, args: Value[], pos: SourcePos): Value {
        return invocation.invokeVirtual(this, obj, lname, args, pos);
    }

    callBuiltinInstance(kind: string, self: Value, lname: string, args: Value[], pos: SourcePos): Value {
        return invocation.callBuiltinInstance(this, kind, self, lname, args, pos);
    }

    /** Instance call on any value (`target.name(args)`). */
    callMethod(target: Value, lname: string, args: Value[], pos: SourcePos): Value {
        return invocation.callMethod(this, target, lname, args, pos);
    }

    instantiate(cls: RtClass, args: Value[], pos: SourcePos, ctor?: RtMethod): ApexObject {
        return invocation.instantiate(this, cls, args, pos, ctor);
    }

    /** Runs the constructor chain of `cls` on `obj`. */
    construct(cls: RtClass, obj: ApexObject, args: Value[], pos: SourcePos, chosen?: RtMethod): void {
        invocation.construct(this, cls, obj, args, pos, chosen);
    }

    // ---- fields and conversions ----

    /** The one row of a query result used as a single sObject (`Account a = [SELECT ...]`, `[SELECT ...].Name`). */
    singleRow(rows: ApexList): Value {
        if (rows.items.length === 0) return this.fail('QueryException', 'List has no rows for assignment to SObject');
        if (rows.items.length > 1)
            return this.fail('QueryException', 'List has more than 1 row for assignment to SObject');
        return rows.items[0]!;
    }

    /** Assignment conversion with the platform's runtime errors. */
    coerce(t: RtType, v: Value, pos: SourcePos): Value {
        if (v === null) return null;
        if (t.k === 'prim' && t.p === 'id' && typeof v === 'string') return this.toId(v);
        const r = convert(t, v);
        if (r.ok) return r.v;
        if (t.k === 'sobject' && v instanceof ApexList && v.elType.k === 'sobject') {
            // `Account a = [SELECT ...];` takes the single row of the query.
            return this.coerce(t, this.singleRow(v), pos);
        }
        if (
            v instanceof ApexList &&
            t.k === 'list' &&
            t.el.k === 'sobject' &&
            v.elType.k === 'sobject' &&
            v.elType.name === null
        ) {
            // A List<SObject> whose elements all have the right type may be assigned (e.g. from Database.query).
            if (v.items.every((x) => x === null || isInstance(x, t.el))) return new ApexList(t.el, v.items);
        }
        return this.fail('TypeException', `Invalid conversion from runtime type ${valueTypeName(v)} to ${typeName(t)}`);
    }

    /** String -> Id: validated, and a 15-character value becomes its 18-character form (documented platform behaviour). */
    toId(s: string): IdValue {
        if (!isValidId(s)) return this.fail('StringException', `Invalid id: ${s}`);
        return new IdValue(s.length === 15 ? to18(s) : s);
    }

    getField(f: RtField, obj: ApexObject, pos: SourcePos): Value {
        if (f.prop && f.prop.getter && f.prop.getter.body) return this.compiler.callAccessor(f, 'get', obj, null, pos);
        return obj.fields[f.slot]!;
    }

    setField(f: RtField, obj: ApexObject, v: Value, pos: SourcePos): void {
        const cv = this.coerce(f.type, v, pos);
        if (f.prop && f.prop.setter && f.prop.setter.body) {
            this.compiler.callAccessor(f, 'set', obj, cv, pos);
            return;
        }
        obj.fields[f.slot] = cv;
    }

    // ---- platform ----

    /** A call of an @future method from Apex: queued through the platform (whose async layer applies the limits). */
    enqueueFuture(m: RtMethod, args: Value[], pos: SourcePos): Value {
        this.platform.enqueue(
            { kind: 'future', job: null, future: { method: m, args } },
            { limits: this.tx.limits, pos },
        );
        this.enforceLimits();
        return null;
    }

    /** Runs inline SOQL through the platform seam and wraps the rows in a List of the queried sObject type. */
    query(text: string, binds: Value[], pos: SourcePos, accessLevel?: 'user' | 'system'): Value {
        const rows = this.platform.query(text, binds, { limits: this.tx.limits, pos, accessLevel });
        this.enforceLimits();
        if (!Array.isArray(rows)) return rows;
        if (isAggregateQuery(text)) return new ApexList({ k: 'sobject', name: 'AggregateResult' }, rows);
        const from = /\bfrom\s+([A-Za-z0-9_]+)/i.exec(text);
        const obj = from ? this.schema.getObject(from[1]) : undefined;
        return new ApexList({ k: 'sobject', name: obj ? obj.name : null }, rows);
    }

    /** Calls a built-in static method by class and method name (lower case). */
    callStatic(cls: string, method: string, args: Value[], pos: SourcePos = { file: '<builtin>', line: 0 }): Value {
        const fn = this.registry.statics.get(cls)?.get(method);
        if (!fn) return notSupported(`method ${cls}.${method}`, pos);
        return fn(this, args, pos);
    }

    // ---- output ----

    /** String.valueOf semantics (user toString() honoured; Datetime in the org time zone). */
    stringOf = (v: Value): string =>
        toApexString(
            v,
            (o) => {
                if (o instanceof NativeObject) {
                    const fn = this.registry.instance.get(o.typeName.toLowerCase())?.get('tostring');
                    return fn ? textOf(fn(this, o, [], { file: '<builtin>', line: 0 })) : null;
                }
                const m = o.cls.decl ? this.findUserMethod(o.cls, 'tostring', 0) : undefined;
                return m ? toApexString(this.invoke(m, o, [], null)) : null;
            },
            this.orgTimeZone,
        );

    /** System.debug rendering: like String.valueOf, except that a Date or Datetime prints as GMT `yyyy-MM-dd HH:mm:ss`. */
    debugString(v: Value): string {
        if (v instanceof DateValue) return `${formatDate(v)} 00:00:00`;
        if (v instanceof DatetimeValue) return formatDatetimeGmt(v.ms);
        return this.stringOf(v);
    }

    debug(level: string, v: Value): void {
        this.tx.debug.push({ line: this.top ? this.top.line : 0, level, message: this.debugString(v) });
    }

    typeNameOfException(o: ApexObject): string {
        return exceptionTypeName(o.cls);
    }

    isNotSupported(e: unknown): e is NotSupportedError {
        return e instanceof NotSupportedError;
    }
}

/** A query whose rows are AggregateResults: aggregate functions in the select list or a GROUP BY. */
function isAggregateQuery(soql: string): boolean {
    const select = /^\s*select\s+([\s\S]*?)\s+from\s/i.exec(soql)?.[1] ?? '';
    return /\bgroup\s+by\b/i.test(soql) || /\b(count|count_distinct|sum|avg|min|max)\s*\(\s*[^)\s]/i.test(select);
}

export { kindOf };
