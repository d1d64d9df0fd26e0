/**
 * The linked, runtime view of an Apex class / interface / enum (user-defined or a built-in exception type).
 */
import type { MethodDecl, CtorDecl, PropertyDecl, Stmt, TypeDecl, Expr } from '../ast.js';
import type { RtType } from './types.js';
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

  /** Instance/static method lookup through the superclass chain. */
  findMethods(lname: string): RtMethod[] {
    const out: RtMethod[] = [];
    const seen = new Set<string>();
    const visit = (c: RtClass | null): void => {
      for (let k = c; k; k = k.superClass) {
        for (const m of k.methods.get(lname) ?? []) {
          const sig = m.params.length + ':' + m.paramNames.length + ':' + m.params.map((p) => JSON.stringify(p.k === 'class' ? p.cls.name : p)).join(',');
          if (!seen.has(sig)) {
            seen.add(sig);
            out.push(m);
          }
        }
      }
    };
    visit(this);
    // Interface default lookup is not needed (Apex interfaces have no bodies), but abstract classes may declare
    // interface methods they do not implement: those resolve on the concrete receiver at call time.
    return out;
  }

  isSubclassOf(other: RtClass): boolean {
    for (let k: RtClass | null = this; k; k = k.superClass) {
      if (k === other) return true;
      for (const i of k.interfaces) if (i.isSubclassOf(other)) return true;
    }
    return false;
  }
}
