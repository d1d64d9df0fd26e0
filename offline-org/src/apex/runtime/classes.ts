/**
 * The linked, runtime view of an Apex class / interface / enum (user-defined or a built-in exception type).
 */
import type { MethodDecl, CtorDecl, PropertyDecl, Stmt, TypeDecl, Expr } from '../ast.js';
import type { RtType } from './types.js';
import { typeName } from './types.js';
import type { EnumValue, Value } from './values.js';

export interface RtField {
    name: string;
    lname: string;
    isStatic: boolean;
    /** Slot: index into ApexObject.fields, or into the class's static slots. */
    slot: number;
    type: RtType;
    init: Expr | null;
    /** Set for properties with an explicit get or set body. */
    prop: PropertyDecl | null;
    isFinal: boolean;
    isTransient: boolean;
    /** Annotated @AuraEnabled: serialized to Lightning components. */
    auraEnabled: boolean;
    owner: RtClass;
}

export interface RtMethod {
    name: string;
    lname: string;
    owner: RtClass;
    isStatic: boolean;
    isAbstract: boolean;
    params: RtType[];
    paramNames: string[];
    returnType: RtType;
    decl: MethodDecl | CtorDecl | null;
    /** Compiled body, created lazily by the interpreter. */
    compiled: ((self: unknown, args: Value[]) => Value) | null;
    /** For built-in methods (exception getMessage etc.). */
    native: ((self: Value, args: Value[]) => Value) | null;
    annotations: string[];
    isTest: boolean;
}

export class RtClass {
    superClass: RtClass | null = null;
    interfaces: RtClass[] = [];
    /** Platform interfaces this class implements (Queueable, Comparable, Database.Batchable, ...), lower-cased. */
    readonly nativeInterfaces = new Set<string>();
    readonly inner = new Map<string, RtClass>();
    /** Own methods by lower-cased name. */
    readonly methods = new Map<string, RtMethod[]>();
    readonly ctors: RtMethod[] = [];
    /** Own and inherited instance fields by lower-cased name. */
    readonly instanceFields = new Map<string, RtField>();
    readonly staticFields = new Map<string, RtField>();
    instanceSlotCount = 0;
    staticSlotCount = 0;
    readonly staticInits: (Stmt | RtField)[] = [];
    readonly instanceInits: (Stmt | RtField)[] = [];
    enumValues: EnumValue[] = [];
    isException = false;
    isAbstract = false;
    isVirtual = false;
    isTest = false;
    sharing: 'with sharing' | 'without sharing' | 'inherited sharing' | null = null;
    /** The API version the class is saved at (`<apiVersion>` of its -meta.xml; inner classes: null, the outer's). */
    apiVersion: number | null = null;
    linked = false;

    constructor(
        /** Display name, e.g. `Outer.Inner`. */
        readonly name: string,
        readonly kind: 'class' | 'interface' | 'enum',
        readonly decl: TypeDecl | null,
        readonly outer: RtClass | null,
        readonly file: string,
    ) {}

    get lname(): string {
        return this.name.toLowerCase();
    }

    private readonly methodCache = new Map<string, RtMethod[]>();

    /**
     * Methods of that name visible on this class: its own, then inherited ones not overridden (same parameter types).
     * Cached: classes do not change after linking.
     */
    findMethods(lname: string): RtMethod[] {
        const hit = this.methodCache.get(lname);
        if (hit) return hit;
        const out: RtMethod[] = [];
        const seen = new Set<string>();
        // eslint-disable-next-line @typescript-eslint/no-this-alias -- walking the chain starts at this object
        for (let k: RtClass | null = this; k; k = k.superClass) {
            for (const m of k.methods.get(lname) ?? []) {
                const sig = m.params.map(typeName).join(',').toLowerCase();
                if (!seen.has(sig)) {
                    seen.add(sig);
                    out.push(m);
                }
            }
        }
        if (this.linked) this.methodCache.set(lname, out);
        return out;
    }

    isSubclassOf(other: RtClass): boolean {
        // eslint-disable-next-line @typescript-eslint/no-this-alias -- walking the chain starts at this object
        for (let k: RtClass | null = this; k; k = k.superClass) {
            if (k === other) return true;
            for (const i of k.interfaces) if (i.isSubclassOf(other)) return true;
        }
        return false;
    }
}
