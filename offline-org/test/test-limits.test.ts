/**
 * The governor limits each test method used, printed by `apex test` (human and json).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from '../src/cli/main.js';

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, '..', '..', 'test', 'fixtures', 'limits-project', 'force-app');

function run(args: string[]): { code: number; out: string } {
    const out: string[] = [];
    const code = runCommand(
        args,
        (s) => out.push(s),
        () => undefined,
    );
    return { code, out: out.join('\n') };
}

interface Figure {
    used: number;
    max: number;
}
interface JsonTest {
    MethodName: string;
    Limits: Record<string, Figure>;
    LimitsBetweenStartTestAndStopTest: Record<string, Figure> | null;
}

test('human format prints each method limits after its PASS line and keeps the summary last', () => {
    const r = run(['test', '--source-dir', src, '--tests', 'LimitsFixtureTest.twoQueriesOneDml']);
    assert.equal(r.code, 0, r.out);
    const lines = r.out.split('\n');
    const pass = lines.findIndex((l) => l.startsWith('PASS  LimitsFixtureTest.twoQueriesOneDml'));
    assert.ok(pass >= 0, r.out);
    assert.match(
        lines[pass + 1],
        /^ {6}limits: SOQL 2\/100 {2}rows 4\/50000 {2}DML 1\/150 {2}DML rows 3\/10000 {2}callouts 0\/100 {2}queueables 0\/50 {2}futures 0\/50 {2}CPU \d+\/10000 ms$/,
    );
    assert.equal(lines[lines.length - 1], '1 passed, 0 failed');
});

test('json format carries the same figures, and the startTest block apart', () => {
    const r = run(['test', '--source-dir', src, '--result-format', 'json']);
    assert.equal(r.code, 0, r.out);
    const tests = (JSON.parse(r.out) as { tests: JsonTest[] }).tests;
    const plain = tests.find((t) => t.MethodName === 'twoQueriesOneDml')!;
    assert.deepEqual(plain.Limits.queries, { used: 2, max: 100 });
    assert.deepEqual(plain.Limits.queryRows, { used: 4, max: 50000 });
    assert.deepEqual(plain.Limits.dmlStatements, { used: 1, max: 150 });
    assert.deepEqual(plain.Limits.dmlRows, { used: 3, max: 10000 });
    assert.equal(plain.LimitsBetweenStartTestAndStopTest, null);
    const block = tests.find((t) => t.MethodName === 'startTestBlockIsCountedApart')!;
    assert.deepEqual(block.Limits.queries, { used: 0, max: 100 });
    assert.deepEqual(block.Limits.dmlStatements, { used: 1, max: 150 });
    assert.deepEqual(block.LimitsBetweenStartTestAndStopTest!.queries, { used: 1, max: 100 });
    assert.deepEqual(block.LimitsBetweenStartTestAndStopTest!.dmlStatements, { used: 0, max: 150 });
});
