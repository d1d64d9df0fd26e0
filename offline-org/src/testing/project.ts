/**
 * Loads an SFDX project's Apex (classes and triggers of every package directory) into a Runtime.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Runtime } from '../apex/interpreter/runtime.js';
import type { RuntimeOptions } from '../apex/interpreter/runtime.js';
import { loadSchema } from '../data/index.js';
import { readLabels } from './labels.js';
import { fileAstCache } from './ast-cache.js';

export function packageDirectories(projectRoot: string): string[] {
    const file = join(projectRoot, 'sfdx-project.json');
    if (!existsSync(file)) return [join(projectRoot, 'force-app')];
    const json: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const dirs = (json as { packageDirectories?: { path?: unknown }[] }).packageDirectories ?? [];
    return dirs
        .map((d) => d.path)
        .filter((p): p is string => typeof p === 'string')
        .map((p) => join(projectRoot, p));
}

function walk(dir: string, out: string[]): void {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
        if (name === 'node_modules' || name.startsWith('.')) continue;
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p, out);
        else out.push(p);
    }
}

export interface SourceFiles {
    classes: string[];
    triggers: string[];
    labels: string[];
}

export function findSources(dirs: string[]): SourceFiles {
    const all: string[] = [];
    for (const d of dirs) walk(resolve(d), all);
    return {
        classes: all.filter((p) => p.endsWith('.cls')).sort(),
        triggers: all.filter((p) => p.endsWith('.trigger')).sort(),
        labels: all.filter((p) => p.endsWith('.labels-meta.xml')).sort(),
    };
}

/** The `<apiVersion>` of a source file's -meta.xml, or null when it has none. */
function savedApiVersion(file: string): number | null {
    const meta = `${file}-meta.xml`;
    if (!existsSync(meta)) return null;
    const match = /<apiVersion>\s*([0-9]+(?:\.[0-9]+)?)\s*<\/apiVersion>/.exec(readFileSync(meta, 'utf8'));
    return match ? Number(match[1]) : null;
}

/** Creates a runtime with every class and trigger of the given source directories loaded and linked. */
export function loadProject(dirs: string[], options: RuntimeOptions = {}, displayRoot = process.cwd()): Runtime {
    // The schema (standard objects + the project's objects/ metadata) comes from the data layer unless given.
    const src = findSources(dirs);
    const rt = new Runtime({
        ...options,
        schema: options.schema ?? loadSchema(dirs),
        labels: options.labels ?? readLabels(src.labels),
        astCache: options.astCache ?? (process.env['OFFLINE_ORG_AST_CACHE'] === 'off' ? undefined : fileAstCache()),
    });
    for (const f of src.classes) {
        const source = readFileSync(f, 'utf8');
        const file = relative(displayRoot, f);
        const cls = rt.addClass(file, source);
        cls.apiVersion = savedApiVersion(f);
        rt.sources.set(file, source);
    }
    for (const f of src.triggers) rt.addTrigger(relative(displayRoot, f), readFileSync(f, 'utf8'));
    rt.linkAll();
    return rt;
}
