/**
 * The program a Runtime runs: class and trigger sources parsed and declared (their executable lines registered for
 * coverage), every body compiled up front when asked (to report compile errors before anything runs), and anonymous
 * Apex declared, compiled and run. Runtime's methods of the same names delegate here.
 */
import { ApexCompileError, NotSupportedError } from '../errors.js';
import { DeclConverter } from '../parse/convert-decl.js';
import { parseAnonymous, parseClassFile, parseTriggerFile } from '../parse/parse-source.js';
import { RtClass } from '../runtime/classes.js';
import type { Runtime } from './runtime.js';

/** Parses (or takes from the AST cache) and declares a class file; it is linked by linkAll. */
export function addClass(rt: Runtime, file: string, source: string): RtClass {
    const cache = rt.options.astCache;
    let decl = cache?.get(file, source);
    if (!decl) {
        decl = new DeclConverter(file, source).compilationUnit(parseClassFile(file, source));
        cache?.set(file, source, decl);
    }
    const cls = rt.table.declare(decl, file, null);
    rt.files.set(file, cls);
    rt.compiler.registerExecutableLines(file, decl);
    return cls;
}

/** Parses a trigger file; its members are static, and it is compiled when its object's DML first runs it. */
export function addTrigger(rt: Runtime, file: string, source: string): void {
    const tree = parseTriggerFile(file, source);
    const decl = new DeclConverter(file, source).trigger(tree);
    for (const m of decl.members)
        if (m.kind === 'method' || m.kind === 'field' || m.kind === 'property') m.mods.set.add('static');
    rt.triggers.push({ decl, file });
    rt.compiler.registerExecutableLines(file, {
        kind: 'type',
        typeKind: 'class',
        name: decl.name,
        mods: { set: new Set(), annotations: [] },
        superType: null,
        interfaces: [],
        members: [
            ...decl.members,
            { kind: 'init', isStatic: false, body: { k: 'block', body: decl.body, pos: decl.pos }, pos: decl.pos },
        ],
        enumValues: [],
        pos: decl.pos,
    });
}

/**
 * Compiles every method, constructor and initialiser of every loaded class now instead of on first call, and
 * returns the compile errors (unknown names, types, methods) and unsupported constructs found, with file:line.
 */
export function compileAll(rt: Runtime): Error[] {
    const errors: Error[] = [];
    const visit = (cls: RtClass): void => {
        const attempt = (fn: () => void): void => {
            try {
                fn();
            } catch (e) {
                if (e instanceof ApexCompileError || e instanceof NotSupportedError) errors.push(e);
                else throw e;
            }
        };
        for (const list of cls.methods.values())
            for (const m of list)
                if (m.decl && m.decl.kind === 'method' && m.decl.body && !m.compiled)
                    attempt(() => rt.compiler.compileMethod(m));
        for (const c of cls.ctors) if (!c.compiled) attempt(() => rt.compiler.compileMethod(c));
        attempt(() => rt.compiler.precompileInitialisers(cls));
        for (const inner of cls.inner.values()) visit(inner);
    };
    for (const c of rt.files.values()) if (!rt.linkErrors.has(c)) visit(c);
    return [...rt.linkErrors.values(), ...errors, ...rt.compileWarnings];
}

/** Runs anonymous Apex in the current transaction. */
export function runAnonymous(rt: Runtime, file: string, source: string): void {
    const tree = parseAnonymous(file, source);
    const unit = new DeclConverter(file, source).anonymous(tree);
    // Methods and variables declared at the top of anonymous Apex behave as static members of the block.
    for (const m of unit.members)
        if (m.kind === 'method' || m.kind === 'field' || m.kind === 'property') m.mods.set.add('static');
    const cls = new RtClass(
        'AnonymousBlock',
        'class',
        {
            kind: 'type',
            typeKind: 'class',
            name: 'AnonymousBlock',
            mods: { set: new Set(), annotations: [] },
            superType: null,
            interfaces: [],
            members: unit.members,
            enumValues: [],
            pos: { file, line: 1 },
        },
        null,
        file,
    );
    for (const m of unit.members) if (m.kind === 'type') rt.table.declare(m, file, cls);
    rt.table.link(cls);
    const body = rt.compiler.compileAnonymous(cls, unit.body, file);
    body();
}
