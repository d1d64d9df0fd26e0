/**
 * Test result output formats: human (ends with `N passed, N failed`), json, junit.
 */
import type { ClassCoverage } from './coverage.js';
import type { TestResult } from './test-runner.js';
import type { LimitUsage } from '../apex/runtime/limits.js';

/** `SOQL 3/100  rows 12/50000  DML 2/150  DML rows 5/10000  callouts 1/100  queueables 1/50  futures 0/50  CPU 45/10000 ms` */
export function formatLimitUsage(u: LimitUsage): string {
    const f = (label: string, x: { used: number; max: number }): string => `${label} ${x.used}/${x.max}`;
    return [
        f('SOQL', u.queries),
        f('rows', u.queryRows),
        f('DML', u.dmlStatements),
        f('DML rows', u.dmlRows),
        f('callouts', u.callouts),
        f('queueables', u.queueableJobs),
        f('futures', u.futureCalls),
        f('CPU', u.cpuTime) + ' ms',
    ].join('  ');
}

export function formatHuman(
    results: TestResult[],
    coverage: ClassCoverage[] | null,
    compileErrors: string[] = [],
): string {
    const lines: string[] = compileErrors.map((e) => `COMPILE ERROR  ${e}`);
    for (const r of results) {
        lines.push(`${r.outcome === 'Pass' ? 'PASS' : 'FAIL'}  ${r.className}.${r.methodName} (${r.timeMs} ms)`);
        if (r.outcome === 'Fail') {
            lines.push(`      ${r.message ?? ''}`);
            if (r.stackTrace) for (const s of r.stackTrace.split('\n')) lines.push(`      ${s}`);
        }
        lines.push(`      limits: ${formatLimitUsage(r.limits.test)}`);
        if (r.limits.startTestBlock)
            lines.push(`      limits between startTest and stopTest: ${formatLimitUsage(r.limits.startTestBlock)}`);
    }
    if (coverage) {
        lines.push('', 'Code coverage by class:');
        for (const c of coverage)
            lines.push(
                `  ${c.name.padEnd(40)} ${String(c.percent).padStart(3)}%  (${c.covered}/${c.total})${c.uncoveredLines.length ? '  uncovered: ' + c.uncoveredLines.join(',') : ''}`,
            );
    }
    const passed = results.filter((r) => r.outcome === 'Pass').length;
    lines.push('', `${passed} passed, ${results.length - passed + compileErrors.length} failed`);
    return lines.join('\n');
}

export function formatJson(
    results: TestResult[],
    coverage: ClassCoverage[] | null,
    compileErrors: string[] = [],
): string {
    const passed = results.filter((r) => r.outcome === 'Pass').length;
    const failing = results.length - passed + compileErrors.length;
    return JSON.stringify(
        {
            summary: {
                outcome: failing === 0 ? 'Passed' : 'Failed',
                testsRan: results.length,
                passing: passed,
                failing,
            },
            compileErrors,
            tests: results.map((r) => ({
                FullName: `${r.className}.${r.methodName}`,
                ApexClass: { Name: r.className },
                MethodName: r.methodName,
                Outcome: r.outcome,
                Message: r.message,
                StackTrace: r.stackTrace,
                RunTime: r.timeMs,
                Limits: r.limits.test,
                LimitsBetweenStartTestAndStopTest: r.limits.startTestBlock,
            })),
            coverage: coverage ?? undefined,
        },
        null,
        2,
    );
}

function esc(s: string): string {
    return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function formatJunit(results: TestResult[], compileErrors: string[] = []): string {
    const failures = results.filter((r) => r.outcome === 'Fail').length + compileErrors.length;
    const total = results.reduce((t, r) => t + r.timeMs, 0) / 1000;
    const cases = results.map((r) => {
        const head = `    <testcase name="${esc(r.methodName)}" classname="${esc(r.className)}" time="${(r.timeMs / 1000).toFixed(3)}"`;
        if (r.outcome === 'Pass') return `${head}/>`;
        return `${head}>\n      <failure message="${esc(r.message ?? '')}">${esc(r.stackTrace ?? '')}</failure>\n    </testcase>`;
    });
    const compileCases = compileErrors.map(
        (e, i) =>
            `    <testcase name="compile${i + 1}" classname="compile" time="0.000">\n      <failure message="${esc(e)}"/>\n    </testcase>`,
    );
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites>',
        `  <testsuite name="force.apex" tests="${results.length + compileErrors.length}" failures="${failures}" errors="0" time="${total.toFixed(3)}">`,
        ...compileCases,
        ...cases,
        '  </testsuite>',
        '</testsuites>',
    ].join('\n');
}
