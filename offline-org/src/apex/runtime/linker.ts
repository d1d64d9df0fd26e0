/**
 * Turns AST type declarations into RtClasses: members, field slots, inheritance, and resolves TypeRefs.
 */
import type { Member, TypeDecl, TypeRef } from '../ast.js';
import { compileError } from '../errors.js';
import { RtClass } from './classes.js';
import type { RtField, RtMethod } from './classes.js';
import { prim, OBJECT } from './types.js';
import type { PrimName, RtType } from './types.js';
import { EnumValue } from './values.js';
import type { SchemaProvider } from '../../data/schema-types.js';
import { NATIVE_TYPES, BUILTIN_ENUMS, KNOWN_UNIMPLEMENTED } from './type-names.js';

const PRIMS = new Set<PrimName>([
    'integer',
    'long',
    'double',
    'decimal',
    'string',
    'boolean',
    'id',
    'date',
    'datetime',
    'time',
    'blob',
    'object',
]);

export class ClassTable {
    /** Top-level and built-in classes by lower-cased name; inner classes are reached through RtClass.inner. */
    readonly top = new Map<string, RtClass>();

    constructor(readonly schema: SchemaProvider) {}

    declare(decl: TypeDecl, file: string, outer: RtClass | null): RtClass {
        const name = outer ? `${outer.name}.${decl.name}` : decl.name;
        const cls = new RtClass(name, decl.typeKind, decl, outer, file);
        const key = decl.name.toLowerCase();
        const owner = outer ? outer.inner : this.top;
        if (owner.has(key)) compileError(`Duplicate type: ${name}`, decl.pos);
        owner.set(key, cls);
        cls.isAbstract = decl.mods.set.has('abstract');
        cls.isVirtual = decl.mods.set.has('virtual');
        cls.isTest = decl.mods.annotations.some((a) => a.name === 'istest');
        for (const s of ['with sharing', 'without sharing', 'inherited sharing'] as const)
            if (decl.mods.set.has(s)) cls.sharing = s;
        if (decl.typeKind === 'enum') cls.enumValues = decl.enumValues.map((v, i) => new EnumValue(name, v, i));
        for (const m of decl.members) if (m.kind === 'type') this.declare(m, file, cls);
        return cls;
    }

    /** Finds a class by dotted name as seen from `from` (inner classes of `from` and its outers first). */
    findClass(parts: string[], from: RtClass | null): RtClass | undefined {
        const first = parts[0].toLowerCase();
        let found: RtClass | undefined;
        for (let c = from; c && !found; c = c.outer) {
            if (c.lname.split('.').pop() === first && !c.outer && parts.length > 1) found = c;
            found = found ?? c.inner.get(first) ?? this.inheritedInner(c, first);
        }
        found = found ?? this.top.get(first);
        for (let i = 1; found && i < parts.length; i++) found = found.inner.get(parts[i].toLowerCase());
        return found;
    }

    private inheritedInner(c: RtClass, name: string): RtClass | undefined {
        for (let k = c.superClass; k; k = k.superClass) {
            const f = k.inner.get(name);
            if (f) return f;
        }
        return undefined;
    }

    /** Resolves a written type; undefined when it names nothing (callers decide whether that is an error). */
    tryResolve(t: TypeRef, from: RtClass | null): RtType | undefined {
        let base = this.tryResolveBase(t, from);
        if (!base) return undefined;
        for (let i = 0; i < t.arrayDepth; i++) base = { k: 'list', el: base };
        return base;
    }

    resolve(t: TypeRef, from: RtClass | null): RtType {
        const r = this.tryResolve(t, from);
        if (!r) compileError(`Invalid type: ${t.parts.join('.')}`, t.pos);
        return r;
    }

    private tryResolveBase(t: TypeRef, from: RtClass | null): RtType | undefined {
        const parts = t.parts;
        const lower = parts.map((p) => p.toLowerCase());
        const arg = (i: number): RtType => (t.args[i] ? this.resolve(t.args[i], from) : OBJECT);
        if (parts.length === 1) {
            const n = lower[0];
            if (PRIMS.has(n as PrimName)) return prim(n as PrimName);
            if (n === 'list') return { k: 'list', el: arg(0) };
            if (n === 'set') return { k: 'set', el: arg(0) };
            if (n === 'map') return { k: 'map', key: arg(0), val: arg(1) };
            if (n === 'sobject') return { k: 'sobject', name: null };
            if (n === 'aggregateresult') return { k: 'sobject', name: 'AggregateResult' };
        }
        const user = this.findClass(parts, from);
        if (user) return user.kind === 'enum' ? { k: 'enum', name: user.name } : { k: 'class', cls: user };
        if (lower[0] === 'system' || lower[0] === 'schema') {
            if (parts.length > 1) {
                const rest = this.tryResolveBase({ ...t, parts: parts.slice(1) }, from);
                if (rest) return rest;
            }
        }
        const joined = lower.join('.');
        if (parts.length === 1) {
            const obj = this.schema.getObject(parts[0]);
            if (obj) return { k: 'sobject', name: obj.name };
        }
        const en = BUILTIN_ENUMS.get(joined) ?? BUILTIN_ENUMS.get(lower[lower.length - 1]);
        if (en && (parts.length === 1 || en.qualified.toLowerCase() === joined))
            return { k: 'enum', name: en.qualified };
        const nat = NATIVE_TYPES.get(joined);
        if (nat) return { k: 'native', name: nat };
        const lastPart = lower[lower.length - 1];
        if (KNOWN_UNIMPLEMENTED.has(lastPart) && (parts.length === 1 || lower[0] === 'system'))
            return { k: 'native', name: parts[parts.length - 1] };
        // Types inside a known but unimplemented platform namespace (Messaging.SingleEmailMessage, ConnectApi.*, ...).
        if (parts.length > 1 && KNOWN_UNIMPLEMENTED.has(lower[0])) return { k: 'native', name: parts.join('.') };
        return undefined;
    }

    /** Links a class: super types, fields with slots, methods, constructors. Parents first. */
    link(cls: RtClass): void {
        if (cls.linked) return;
        cls.linked = true;
        const decl = cls.decl;
        if (!decl) return;
        const scope = cls;
        if (decl.superType) {
            const st = this.resolve(decl.superType, cls.outer ?? cls);
            if (st.k !== 'class') compileError(`Invalid super type: ${decl.superType.parts.join('.')}`, decl.pos);
            this.link(st.cls);
            if (st.cls.decl && !st.cls.isVirtual && !st.cls.isAbstract && st.cls.kind === 'class') {
                compileError(`Non-virtual and non-abstract type cannot be extended: ${st.cls.name}`, decl.pos);
            }
            cls.superClass = st.cls;
        } else if (decl.typeKind === 'class' && decl.name.toLowerCase().endsWith('exception') && !decl.superType) {
            compileError(`Classes whose names end with 'Exception' must extend Exception: ${cls.name}`, decl.pos);
        }
        for (const i of decl.interfaces) {
            const it = this.resolve(i, cls);
            if (it.k === 'class') {
                this.link(it.cls);
                cls.interfaces.push(it.cls);
            } else if (it.k === 'native') cls.nativeInterfaces.add(it.name.toLowerCase());
        }
        const sup = cls.superClass;
        cls.isException = !!sup && sup.isException;
        if (sup) {
            for (const [k, f] of sup.instanceFields) cls.instanceFields.set(k, f);
            cls.instanceSlotCount = sup.instanceSlotCount;
        }
        for (const m of decl.members) this.linkMember(cls, m, scope);
        for (const inner of cls.inner.values()) this.link(inner);
    }

    private linkMember(cls: RtClass, m: Member, scope: RtClass): void {
        switch (m.kind) {
            case 'field':
            case 'property': {
                const isStatic = m.mods.set.has('static');
                const type = this.resolve(m.type, scope);
                const vars = m.kind === 'field' ? m.vars : [{ name: m.name, init: null, pos: m.pos }];
                for (const v of vars) {
                    const f: RtField = {
                        name: v.name,
                        lname: v.name.toLowerCase(),
                        isStatic,
                        type,
                        init: v.init,
                        slot: isStatic ? cls.staticSlotCount++ : cls.instanceSlotCount++,
                        prop:
                            m.kind === 'property' && ((m.getter && m.getter.body) || (m.setter && m.setter.body))
                                ? m
                                : null,
                        isFinal: m.mods.set.has('final'),
                        isTransient: m.mods.set.has('transient'),
                        auraEnabled: m.mods.annotations.some((a) => a.name === 'auraenabled'),
                        owner: cls,
                    };
                    if (m.kind === 'property' && !f.prop && m.setter === null && m.getter) f.isFinal = false;
                    (isStatic ? cls.staticFields : cls.instanceFields).set(f.lname, f);
                    (isStatic ? cls.staticInits : cls.instanceInits).push(f);
                }
                return;
            }
            case 'init':
                (m.isStatic ? cls.staticInits : cls.instanceInits).push(m.body);
                return;
            case 'method': {
                const rm = this.method(
                    cls,
                    m.name,
                    m.mods.set.has('static'),
                    m.params.map((p) => this.resolve(p.type, scope)),
                    m.params.map((p) => p.name),
                    m.returnType ? this.resolve(m.returnType, scope) : { k: 'void' },
                    m,
                );
                rm.isAbstract = m.mods.set.has('abstract') || cls.kind === 'interface';
                rm.annotations = m.mods.annotations.map((a) => a.name);
                rm.isTest = m.mods.set.has('testmethod') || rm.annotations.includes('istest');
                const list = cls.methods.get(rm.lname) ?? [];
                list.push(rm);
                cls.methods.set(rm.lname, list);
                return;
            }
            case 'ctor': {
                const rm = this.method(
                    cls,
                    '<init>',
                    false,
                    m.params.map((p) => this.resolve(p.type, scope)),
                    m.params.map((p) => p.name),
                    { k: 'void' },
                    m,
                );
                cls.ctors.push(rm);
                return;
            }
            case 'type':
                return;
        }
    }

    private method(
        cls: RtClass,
        name: string,
        isStatic: boolean,
        params: RtType[],
        names: string[],
        ret: RtType,
        decl: RtMethod['decl'],
    ): RtMethod {
        return {
            name,
            lname: name.toLowerCase(),
            owner: cls,
            isStatic,
            isAbstract: false,
            params,
            paramNames: names,
            returnType: ret,
            decl,
            compiled: null,
            native: null,
            annotations: [],
            isTest: false,
        };
    }
}
