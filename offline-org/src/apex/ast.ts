/**
 * The runtime's own compact AST, built once from the apex-parser parse tree (see parse/) and compiled into closures
 * by interpreter/. Identifiers keep their original spelling in `name`; lookups use `lname` (lower case).
 */
import type { SourcePos } from './errors.js';

export interface TypeRef {
    /** Dotted parts as written, e.g. ['Map'] or ['Outer', 'Inner'] or ['Schema', 'SObjectType']. */
    parts: string[];
    args: TypeRef[];
    /** Number of trailing `[]`: each one wraps the type in a List. */
    arrayDepth: number;
    pos: SourcePos;
}

export type Literal =
    | { t: 'int'; v: number }
    | { t: 'long'; v: bigint }
    | { t: 'decimal'; text: string }
    | { t: 'double'; v: number }
    | { t: 'string'; v: string }
    | { t: 'bool'; v: boolean }
    | { t: 'null' };

export type AssignOp = '=' | '+=' | '-=' | '*=' | '/=' | '&=' | '|=' | '^=' | '<<=' | '>>=' | '>>>=';
export type BinaryOp =
    | '+'
    | '-'
    | '*'
    | '/'
    | '<<'
    | '>>'
    | '>>>'
    | '<'
    | '>'
    | '<='
    | '>='
    | '=='
    | '!='
    | '==='
    | '!=='
    | '<>'
    | '&'
    | '|'
    | '^';

export type Expr =
    | { k: 'lit'; lit: Literal; pos: SourcePos }
    | { k: 'name'; name: string; pos: SourcePos }
    | { k: 'field'; target: Expr; name: string; safe: boolean; pos: SourcePos }
    | { k: 'call'; target: Expr | null; name: string; args: Expr[]; safe: boolean; pos: SourcePos }
    | { k: 'thisCall'; args: Expr[]; pos: SourcePos }
    | { k: 'superCall'; args: Expr[]; pos: SourcePos }
    | { k: 'index'; target: Expr; index: Expr; pos: SourcePos }
    | { k: 'new'; type: TypeRef; args: Expr[]; named: { name: string; value: Expr }[] | null; pos: SourcePos }
    | { k: 'newArray'; type: TypeRef; size: Expr | null; init: Expr[] | null; pos: SourcePos }
    | { k: 'newInit'; type: TypeRef; items: Expr[]; pos: SourcePos }
    | { k: 'newMap'; type: TypeRef; pairs: [Expr, Expr][]; pos: SourcePos }
    | { k: 'cast'; type: TypeRef; expr: Expr; pos: SourcePos }
    | { k: 'bin'; op: BinaryOp; l: Expr; r: Expr; pos: SourcePos }
    | { k: 'and' | 'or' | 'coal'; l: Expr; r: Expr; pos: SourcePos }
    | { k: 'cond'; c: Expr; a: Expr; b: Expr; pos: SourcePos }
    | { k: 'assign'; op: AssignOp; target: Expr; value: Expr; pos: SourcePos }
    | { k: 'incdec'; prefix: boolean; delta: 1 | -1; target: Expr; pos: SourcePos }
    | { k: 'unary'; op: '-' | '+' | '!' | '~'; expr: Expr; pos: SourcePos }
    | { k: 'instanceof'; expr: Expr; type: TypeRef; pos: SourcePos }
    | { k: 'this'; pos: SourcePos }
    | { k: 'super'; pos: SourcePos }
    | { k: 'classLit'; type: TypeRef | null; pos: SourcePos }
    | { k: 'soql'; text: string; binds: Expr[]; pos: SourcePos }
    | { k: 'sosl'; text: string; binds: Expr[]; pos: SourcePos };

export interface VarDecl {
    name: string;
    init: Expr | null;
    pos: SourcePos;
}

export type WhenValue = { k: 'else' } | { k: 'literals'; values: Expr[] } | { k: 'type'; type: TypeRef; name: string };

export type Stmt =
    | { k: 'block'; body: Stmt[]; pos: SourcePos }
    | { k: 'local'; type: TypeRef; vars: VarDecl[]; pos: SourcePos }
    | { k: 'expr'; expr: Expr; pos: SourcePos }
    | { k: 'if'; cond: Expr; then: Stmt; else: Stmt | null; pos: SourcePos }
    | { k: 'for'; init: Stmt[]; cond: Expr | null; update: Expr[]; body: Stmt; pos: SourcePos }
    | { k: 'forEach'; type: TypeRef; name: string; iter: Expr; body: Stmt; pos: SourcePos }
    | { k: 'while'; cond: Expr; body: Stmt; pos: SourcePos }
    | { k: 'doWhile'; cond: Expr; body: Stmt; pos: SourcePos }
    | { k: 'switch'; expr: Expr; whens: { value: WhenValue; body: Stmt; pos: SourcePos }[]; pos: SourcePos }
    | {
          k: 'try';
          body: Stmt;
          catches: { type: TypeRef; name: string; body: Stmt; pos: SourcePos }[];
          fin: Stmt | null;
          pos: SourcePos;
      }
    | { k: 'return'; expr: Expr | null; pos: SourcePos }
    | { k: 'throw'; expr: Expr; pos: SourcePos }
    | { k: 'break'; pos: SourcePos }
    | { k: 'continue'; pos: SourcePos }
    | {
          k: 'dml';
          op: 'insert' | 'update' | 'delete' | 'undelete' | 'upsert' | 'merge';
          expr: Expr;
          extra: Expr | null;
          upsertField: string | null;
          accessLevel: 'user' | 'system' | null;
          pos: SourcePos;
      }
    | { k: 'runAs'; args: Expr[]; body: Stmt; pos: SourcePos }
    | { k: 'empty'; pos: SourcePos };

export interface Annotation {
    name: string;
    /** Raw text of the parameters, e.g. `SeeAllData=true`. */
    params: string;
}

export interface Modifiers {
    set: Set<string>;
    annotations: Annotation[];
}

export interface Param {
    type: TypeRef;
    name: string;
}

export interface MethodDecl {
    kind: 'method';
    name: string;
    mods: Modifiers;
    returnType: TypeRef | null;
    params: Param[];
    body: Stmt | null;
    pos: SourcePos;
}

export interface CtorDecl {
    kind: 'ctor';
    mods: Modifiers;
    params: Param[];
    body: Stmt;
    pos: SourcePos;
}

export interface FieldDecl {
    kind: 'field';
    mods: Modifiers;
    type: TypeRef;
    vars: VarDecl[];
    pos: SourcePos;
}

export interface PropertyDecl {
    kind: 'property';
    mods: Modifiers;
    type: TypeRef;
    name: string;
    getter: { body: Stmt | null; mods: Modifiers } | null;
    setter: { body: Stmt | null; mods: Modifiers } | null;
    pos: SourcePos;
}

export interface InitBlock {
    kind: 'init';
    isStatic: boolean;
    body: Stmt;
    pos: SourcePos;
}

export type Member = MethodDecl | CtorDecl | FieldDecl | PropertyDecl | InitBlock | TypeDecl;

export interface TypeDecl {
    kind: 'type';
    typeKind: 'class' | 'interface' | 'enum';
    name: string;
    mods: Modifiers;
    superType: TypeRef | null;
    interfaces: TypeRef[];
    members: Member[];
    enumValues: string[];
    pos: SourcePos;
}

export interface TriggerDecl {
    name: string;
    object: string;
    events: string[];
    body: Stmt[];
    members: Member[];
    pos: SourcePos;
}

export interface AnonymousUnit {
    members: Member[];
    body: Stmt[];
}
