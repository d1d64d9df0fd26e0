/**
 * What the standard library's natives ask of the interpreter that runs them. The interpreter's Runtime implements it;
 * the natives see only this, so the standard library sits below the interpreter and never imports it.
 */
import type { SchemaProvider } from '../data/schema-types.js';
import type { SourcePos } from '../apex/errors.js';
import type { Platform } from '../apex/platform.js';
import type { RtClass, RtField } from '../apex/runtime/classes.js';
import type { RtType } from '../apex/runtime/types.js';
import type { ApexObject, IdValue, Value } from '../apex/runtime/values.js';
import type { Frame } from '../apex/runtime/frame.js';
import type { ClassTable } from '../apex/runtime/linker.js';
import type { RuntimeOptions, Transaction } from '../apex/runtime/transaction.js';
import type { SObjectValue } from '../apex/runtime/values.js';

/** A trigger being run: the `Trigger` context variables read it. */
export interface TriggerInvocation {
    objectName: string;
    /** e.g. `before insert`. */
    event: string;
    newRecords: SObjectValue[] | null;
    oldRecords: SObjectValue[] | null;
}

/** The compiler's services a native needs: statics and members by name, and running a class's initialisers. */
export interface MemberAccess {
    findStaticInOuter(cls: RtClass, lname: string): RtField | undefined;
    getMember(o: Value, l: string, name: string, pos: SourcePos): Value;
    runInstanceInitChain(cls: RtClass, obj: ApexObject): void;
}

/** The running interpreter, as the natives see it. */
export interface ApexHost {
    readonly schema: SchemaProvider;
    platform: Platform;
    readonly table: ClassTable;
    readonly compiler: MemberAccess;
    readonly orgTimeZone: string;
    readonly options: RuntimeOptions;
    tx: Transaction;
    readonly triggerStack: TriggerInvocation[];
    top: Frame | null;
    now(): number;
    enforceLimits(): void;
    exceptionClass(name: string): RtClass;
    fail: (name: string, message: string) => never;
    npe(): never;
    unsupported(what: string, pos: SourcePos): never;
    statics(cls: RtClass): Value[];
    callBuiltinInstance(kind: string, self: Value, lname: string, args: Value[], pos: SourcePos): Value;
    callMethod(target: Value, lname: string, args: Value[], pos: SourcePos): Value;
    instantiate(cls: RtClass, args: Value[], pos: SourcePos): ApexObject;
    coerce(t: RtType, v: Value, pos: SourcePos): Value;
    toId(s: string): IdValue;
    getField(f: RtField, obj: ApexObject, pos: SourcePos): Value;
    query(text: string, binds: Value[], pos: SourcePos, accessLevel?: 'user' | 'system'): Value;
    callStatic(cls: string, method: string, args: Value[], pos?: SourcePos): Value;
    stringOf: (v: Value) => string;
    debug(level: string, v: Value): void;
}
