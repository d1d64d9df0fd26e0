/**
 * The `run` and `test` commands: debug output, exit codes, and the json / junit result formats.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from '../src/cli/main.js';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const here = dirname(fileURLToPath(import.meta.url));
const project = join(here, '..', '..', 'test', 'fixtures', 'sample-project');
const src = join(project, 'force-app');

function run(args: string[]): { code: number; out: string; err: string } {
    const out: string[] = [];
    const err: string[] = [];
    const code = runCommand(
        args,
        (s) => out.push(s),
        (s) => err.push(s),
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
}

test('run prints System.debug output as USER_DEBUG lines', () => {
    const r = run(['run', '--file', join(project, 'hello.apex'), '--source-dir', src]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /USER_DEBUG\|\[1\]\|DEBUG\|sum 42/);
});

test('a failing Apex assertion makes test exit non-zero with a stack trace', () => {
    const r = run(['test', '--source-dir', src]);
    assert.equal(r.code, 1);
    assert.match(r.out, /FAIL {2}CalculatorTest\.failsOnPurpose/);
    assert.match(r.out, /System\.AssertException: Assertion Failed: Expected: 6, Actual: 5: deliberately wrong/);
    assert.match(r.out, /Class\.CalculatorTest\.failsOnPurpose: line 9, column 1/);
    assert.match(r.out, /\n4 passed, 1 failed$/);
});

test('--project DIR reads the package directories of that project, wherever the command runs', () => {
    const r = run(['test', '--project', project]);
    assert.equal(r.code, 1);
    assert.match(r.out, /\n4 passed, 1 failed$/);
    const missing = run(['test', '--project', join(project, 'no-such-folder')]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no-such-folder: no sfdx-project\.json there/);
});

test('selected passing tests exit zero', () => {
    const r = run([
        'test',
        '--source-dir',
        src,
        '--tests',
        'CalculatorTest.addsNumbers',
        '--tests',
        'CalculatorTest.runningTestIsTrue',
    ]);
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /2 passed, 0 failed$/);
});

test('json format parses and reports outcomes', () => {
    const r = run(['test', '--source-dir', src, '--result-format', 'json', '--code-coverage']);
    const json = JSON.parse(r.out) as {
        summary: { failing: number; passing: number };
        coverage: { name: string; covered: number; total: number }[];
    };
    assert.equal(json.summary.failing, 1);
    assert.equal(json.summary.passing, 4);
    const calc = json.coverage.find((c) => c.name === 'Calculator');
    assert.ok(calc && calc.total === 4 && calc.covered === 1, JSON.stringify(calc));
});

test('junit format is well-formed enough to count cases and failures', () => {
    const r = run(['test', '--source-dir', src, '--result-format', 'junit']);
    assert.match(r.out, /^<\?xml version="1.0"/);
    assert.match(r.out, /<testsuite name="force.apex" tests="5" failures="1"/);
    assert.equal((r.out.match(/<testcase /g) ?? []).length, 5);
    assert.equal((r.out.match(/<failure /g) ?? []).length, 1);
});

test('unhandled exception in run exits non-zero with the Apex stack trace', () => {
    const r = run(['run', '--file', join(here, '..', '..', 'test', 'fixtures', 'throws.apex'), '--source-dir', src]);
    assert.equal(r.code, 1);
    assert.match(r.err, /System\.IllegalArgumentException: b must not be zero/);
    assert.match(r.err, /Class\.Calculator\.divide: line 7, column 1\nAnonymousBlock: line 1, column 1/);
});

test('a realistic project (abstract classes, inner classes, iterables, statics, JSON) passes with full coverage', () => {
    const realistic = join(here, '..', '..', 'test', 'fixtures', 'realistic-project', 'force-app');
    const r = run(['test', '--source-dir', realistic, '--code-coverage', '--result-format', 'json']);
    assert.equal(r.code, 0, r.out);
    const json = JSON.parse(r.out) as { summary: { passing: number }; coverage: { name: string; percent: number }[] };
    assert.equal(json.summary.passing, 11);
    for (const c of json.coverage) assert.equal(c.percent, 100, c.name);
});

test('the CLI runs Apex in a worker with a deep stack: recursion to depth 900 works, 5000 hits the 1,000 limit', () => {
    const dir = join(here, '..', '..', 'test', 'fixtures', 'recursion-project');
    const main = join(here, '..', 'src', 'cli', 'main.js');
    const r = spawnSync(
        process.execPath,
        [main, 'run', '--file', join(dir, 'deep.apex'), '--source-dir', join(dir, 'force-app')],
        { encoding: 'utf8' },
    );
    assert.equal(r.status, 1);
    assert.match(r.stdout, /USER_DEBUG\|\[1\]\|DEBUG\|900/);
    assert.match(r.stderr, /^System\.LimitException: Maximum stack depth reached: 1001/);
    assert.match(r.stderr, /more frames/);
});

test('test compiles the whole project first: unsupported calls in untested code are warnings, compile errors fail', () => {
    const dir = join(here, '..', '..', 'test', 'fixtures', 'unsupported-project', 'force-app');
    const r = run(['test', '--source-dir', dir]);
    assert.equal(r.code, 0, r.out);
    assert.match(
        r.err,
        /^WARNING {2}not supported by the offline runtime: method messaging\.sendEmail at .*Notifier\.cls:6 \(not reached/m,
    );
    assert.match(r.out, /\n1 passed, 0 failed$/);
    const broken = join(here, '..', '..', 'test', 'fixtures', 'compile-error-project', 'force-app');
    const b = run(['test', '--source-dir', broken]);
    assert.equal(b.code, 1);
    assert.match(b.out, /^COMPILE ERROR {2}.*Broken\.cls:3: Variable does not exist: undefinedThing$/m);
    assert.match(b.out, /\n1 passed, 1 failed$/);
});

test('a class that does not link is reported and fails the run, and every other test still runs', () => {
    const root = mkdtempSync(join(tmpdir(), 'cli-tolerant-'));
    mkdirSync(join(root, 'classes'));
    writeFileSync(
        join(root, 'classes', 'Broken.cls'),
        'public class Broken { public static Nonexistent__x make() { return null; } }',
    );
    writeFileSync(
        join(root, 'classes', 'Broken_Test.cls'),
        '@IsTest private class Broken_Test { @IsTest static void calls() { Broken.make(); } }',
    );
    writeFileSync(
        join(root, 'classes', 'Fine_Test.cls'),
        '@IsTest private class Fine_Test { @IsTest static void adds() { Assert.areEqual(2, 1 + 1); } }',
    );
    const r = run(['test', '--source-dir', root]);
    assert.equal(r.code, 1, 'the broken class fails the run');
    assert.match(r.out, /PASS {2}Fine_Test\.adds/);
    assert.match(r.out, /FAIL {2}Broken_Test\.calls/);
    assert.match(r.out, /Invalid type: Nonexistent__x/);
});
