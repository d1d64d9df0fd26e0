/**
 * Runs every Apex program in test/corpus/<topic>/<name>.apex and compares its System.debug output with <name>.out,
 * or its unhandled exception with <name>.err (`System.TypeException: message`). Classes in test/corpus/<topic>/classes
 * are loaded for that topic's programs. A topic with a `project/` directory (objects, classes, triggers) runs each
 * program against a fresh offline org built from it, as a test method body (see support/run-org-program.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Runtime } from '../src/apex/interpreter/runtime.js';
import { ApexThrow } from '../src/apex/runtime/values.js';
import { exceptionTypeName } from '../src/apex/runtime/exceptions.js';
import { testSchema } from './support/test-schema.js';
import { runOrgProgram } from './support/run-org-program.js';

const here = dirname(fileURLToPath(import.meta.url));
const corpus = join(here, '..', '..', 'test', 'corpus');

function errorText(rt: Runtime, e: unknown): string | null {
    if (e === null) return null;
    if (e instanceof ApexThrow) return `${exceptionTypeName(e.exc.cls)}: ${rt.stringOf(e.exc.exc!.message)}`;
    if (e instanceof Error) return e.message.replace(/^.*?: /, (m) => (m.includes('/') ? '' : m));
    throw new Error(`the program threw a non-Error value of type ${typeof e}`);
}

function runProgram(topicDir: string, file: string): { out: string[]; err: string | null } {
    const projectDir = join(topicDir, 'project');
    if (existsSync(projectDir)) {
        const { out, error, rt } = runOrgProgram(projectDir, file, readFileSync(file, 'utf8'));
        return { out, err: errorText(rt, error) };
    }
    const rt = new Runtime({ schema: testSchema });
    const classesDir = join(topicDir, 'classes');
    if (existsSync(classesDir)) {
        for (const c of readdirSync(classesDir)
            .filter((f) => f.endsWith('.cls'))
            .sort())
            rt.addClass(join(classesDir, c), readFileSync(join(classesDir, c), 'utf8'));
    }
    rt.linkAll();
    rt.beginTransaction();
    let error: unknown = null;
    try {
        rt.runAnonymous(file, readFileSync(file, 'utf8'));
    } catch (e) {
        error = e;
    }
    return { out: rt.tx.debug.map((d) => d.message), err: errorText(rt, error) };
}

for (const topic of readdirSync(corpus).sort()) {
    const dir = join(corpus, topic);
    for (const f of readdirSync(dir)
        .filter((x) => x.endsWith('.apex'))
        .sort()) {
        const base = join(dir, f.slice(0, -5));
        test(`${topic}/${f}`, () => {
            const { out, err } = runProgram(dir, base + '.apex');
            if (existsSync(base + '.err')) {
                const expected = readFileSync(base + '.err', 'utf8').trim();
                assert.ok(
                    err !== null,
                    `expected exception ${expected} but the program completed; output: ${out.join(' | ')}`,
                );
                assert.ok(
                    err.startsWith(expected),
                    `expected exception starting with\n  ${expected}\nbut got\n  ${err}`,
                );
            } else {
                assert.equal(err, null, `unexpected exception: ${err ?? ''}`);
            }
            if (existsSync(base + '.out')) {
                // One debug message per line; a message may itself span lines (e.g. JSON.serializePretty).
                const expected = readFileSync(base + '.out', 'utf8').replace(/\n$/, '');
                assert.equal(out.join('\n'), expected);
            }
        });
    }
}
