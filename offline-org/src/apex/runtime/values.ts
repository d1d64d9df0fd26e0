/**
 * How Apex values are represented in JavaScript.
 *   null -> null, Boolean -> boolean, Integer -> number (int32), Long -> bigint, String -> string,
 *   Double -> ApexDouble, Decimal -> Decimal, everything else -> the classes below.
 */
import type { Decimal } from './decimal.js';
import type { RtClass } from './classes.js';
import type { RtType } from './types.js';

export class ApexDouble {
    constructor(readonly v: number) {}
}

export class IdValue {
    constructor(readonly v: string) {}
}

/** A calendar date (no time zone). */
export class DateValue {
    constructor(
        readonly y: number,
        readonly m: number,
        readonly d: number,
    ) {}
}

/** An instant, stored as UTC milliseconds since the epoch. */
export class DatetimeValue {
    constructor(readonly ms: number) {}
}

/** A time of day, milliseconds since midnight. */
export class TimeValue {
    constructor(readonly ms: number) {}
}

export class BlobValue {
    constructor(readonly bytes: Uint8Array) {}
}

let nextIdentity = 1;
export function newIdentity(): number {
    return nextIdentity++;
}

export class ApexList {
    readonly identity = newIdentity();
    constructor(
        public elType: RtType,
        public items: Value[],
    ) {}
}

/** Set keyed by the platform's equality (see equality.ts keyOf); insertion-ordered. */
export class ApexSet {
    readonly identity = newIdentity();
    readonly entries = new Map<string, Value>();
    constructor(public elType: RtType) {}
}

export class ApexMap {
    readonly identity = newIdentity();
    readonly entries = new Map<string, [Value, Value]>();
    /** Describe maps (Schema.getGlobalDescribe, fields.getMap) look String keys up ignoring case; their keys are lower case. */
    caseInsensitiveKeys = false;
    constructor(
        public keyType: RtType,
        public valType: RtType,
    ) {}
}

export class SObjectValue {
    readonly identity = newIdentity();
    /** Field values keyed by lower-cased field name; insertion-ordered. */
    readonly fields = new Map<string, { name: string; value: Value }>();
    /**
     * For a record that came from SOQL: the lower-cased fields and relationships the query selected. Reading any
     * other field that was not set since raises the platform's SObjectException. Null for records built in Apex.
     */
    queriedFields: Set<string> | null = null;
    /** Set while the record is read-only (Trigger.new in after triggers, Trigger.old). */
    readOnly = false;
    /** Messages added with addError (the data layer turns them into failed DML rows). */
    readonly errors: { field: string | null; message: string }[] = [];
    constructor(public objectName: string) {}
}

export interface DmlFailure {
    index: number;
    id: string | null;
    statusCode: string;
    message: string;
    fields: string[];
}

export interface ExceptionData {
    message: Value;
    cause: Value;
    line: number;
    stack: string;
    /** DmlException: the failed rows (getDmlMessage, getDmlStatusCode, ...). */
    dml?: DmlFailure[];
    /** AuraHandledException: getMessage() answers 'Script-thrown exception' until setMessage() is called. */
    scriptThrown?: boolean;
}

export class ApexObject {
    readonly identity = newIdentity();
    exc: ExceptionData | null = null;
    /** Test.createStub: the StubProvider that answers every method call on this object. */
    stub: ApexObject | null = null;
    constructor(
        readonly cls: RtClass,
        readonly fields: Value[],
    ) {}
}

export class EnumValue {
    constructor(
        readonly enumType: string,
        readonly name: string,
        readonly ordinal: number,
    ) {}
}

/** A `System.Type` token. */
export class TypeValue {
    constructor(readonly type: RtType) {}
}

/** Any built-in platform object with internal state (Pattern, JSONGenerator, SObjectType token, ...). */
export class NativeObject {
    readonly identity = newIdentity();
    constructor(
        readonly typeName: string,
        public state: unknown,
    ) {}
}

export type Value =
    | null
    | boolean
    | number
    | bigint
    | string
    | ApexDouble
    | Decimal
    | IdValue
    | DateValue
    | DatetimeValue
    | TimeValue
    | BlobValue
    | ApexList
    | ApexSet
    | ApexMap
    | SObjectValue
    | ApexObject
    | EnumValue
    | TypeValue
    | NativeObject;

/** Thrown (as a JS exception) to carry an Apex exception object up the interpreter's stack. */
export class ApexThrow {
    constructor(readonly exc: ApexObject) {}
}
