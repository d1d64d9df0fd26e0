/**
 * The table of built-in platform classes: static methods and properties by class name, instance methods by value
 * kind, and constructors of built-in types. Each stdlib file registers its class here; the interpreter only looks up.
 */
import type { SourcePos } from '../apex/errors.js';
import type { ApexHost } from './host.js';
import type { Value } from '../apex/runtime/values.js';

export type StaticMethod = (rt: ApexHost, args: Value[], pos: SourcePos) => Value;
export type InstanceMethod = (rt: ApexHost, self: Value, args: Value[], pos: SourcePos) => Value;
/** A static property; `member` is the property name as written (for wildcard `*` properties). */
export type StaticProp = (rt: ApexHost, pos: SourcePos, member: string) => Value;
/** `Account.SObjectType`, `Account.Name`: a static member of an sObject type. */
export type SObjectStatic = (rt: ApexHost, objectName: string, member: string, pos: SourcePos) => Value;
/** `My__mdt.getAll()`, `My__mdt.getInstance('x')`: a static method of an sObject type. */
export type SObjectStaticMethod = (
    rt: ApexHost,
    objectName: string,
    method: string,
    args: Value[],
    pos: SourcePos,
) => Value;

export class Registry {
    readonly statics = new Map<string, Map<string, StaticMethod>>();
    readonly props = new Map<string, Map<string, StaticProp>>();
    readonly instance = new Map<string, Map<string, InstanceMethod>>();
    readonly constructors = new Map<string, StaticMethod>();
    sobjectStatic: SObjectStatic | null = null;
    /**
     * Built-in static methods (`type.method`, lower case) whose inline-query argument is passed unexecuted, as a
     * `NativeObject('InlineQuery', { text, binds })` (e.g. `Database.getQueryLocator([SELECT ...])`).
     */
    readonly inlineQueryArgs = new Set<string>();
    sobjectStaticMethod: SObjectStaticMethod | null = null;

    staticMethods(className: string, methods: Record<string, StaticMethod>): void {
        const key = className.toLowerCase();
        const m = this.statics.get(key) ?? new Map<string, StaticMethod>();
        for (const [k, v] of Object.entries(methods)) m.set(k.toLowerCase(), v);
        this.statics.set(key, m);
    }

    staticProps(className: string, props: Record<string, StaticProp>): void {
        const key = className.toLowerCase();
        const m = this.props.get(key) ?? new Map<string, StaticProp>();
        for (const [k, v] of Object.entries(props)) m.set(k.toLowerCase(), v);
        this.props.set(key, m);
    }

    instanceMethods(kind: string, methods: Record<string, InstanceMethod>): void {
        const key = kind.toLowerCase();
        const m = this.instance.get(key) ?? new Map<string, InstanceMethod>();
        for (const [k, v] of Object.entries(methods)) m.set(k.toLowerCase(), v);
        this.instance.set(key, m);
    }

    constructorOf(typeName: string, fn: StaticMethod): void {
        this.constructors.set(typeName.toLowerCase(), fn);
    }

    isStaticClass(lname: string): boolean {
        return this.statics.has(lname) || this.props.has(lname);
    }
}
