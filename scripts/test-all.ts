/**
 * `npm test`: every offline check and test suite of the project, in order, each with its own output, then one line
 * `N passed, N failed` over them all. A test runner contributes its test counts; a check (build, lint, gate)
 * counts as one. Exits non-zero when anything failed.
 *
 * Usage: tsx scripts/test-all.ts [--only name,name]
 */
import { spawnSync } from 'node:child_process';
import { repoRoot } from './lib/project.js';
import { STEPS, type Step } from './test-steps.js';

interface Outcome {
    name: string;
    passed: number;
    failed: number;
    seconds: number;
}

function runStep(step: Step): Outcome {
    const started = Date.now();
    console.log(`\n=== ${step.name}: ${step.command.join(' ')}`);
    const result = spawnSync(step.command[0], step.command.slice(1), {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, SF_AUTOUPDATE_DISABLE: 'true', SF_DISABLE_TELEMETRY: 'true', FORCE_COLOR: '0' },
        maxBuffer: 512 * 1024 * 1024,
    });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
    process.stdout.write(output);
    const seconds = (Date.now() - started) / 1000;
    const ok = result.status === 0;
    const counts = step.counts?.(output);
    if (counts && counts.passed + counts.failed > 0) {
        // A runner that exits non-zero with no failed test still failed (a crash, a compile error): count it.
        const failed = counts.failed > 0 || ok ? counts.failed : counts.failed + 1;
        return { name: step.name, passed: counts.passed, failed, seconds };
    }
    if (step.counts && ok) {
        // A test runner that ran no test is a failure: something is misconfigured.
        console.log(`${step.name}: ran no test`);
        return { name: step.name, passed: 0, failed: 1, seconds };
    }
    return { name: step.name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds };
}

function main(): void {
    const flag = process.argv.indexOf('--only');
    const only = flag >= 0 ? new Set(process.argv[flag + 1].split(',')) : null;
    const outcomes = STEPS.filter((step) => !only || only.has(step.name)).map(runStep);
    console.log('\n=== summary');
    for (const outcome of outcomes) {
        const mark = outcome.failed > 0 ? 'FAIL' : 'ok  ';
        console.log(
            `${mark} ${outcome.name.padEnd(28)} ${outcome.passed} passed, ${outcome.failed} failed (${outcome.seconds.toFixed(1)} s)`,
        );
    }
    const passed = outcomes.reduce((sum, outcome) => sum + outcome.passed, 0);
    const failed = outcomes.reduce((sum, outcome) => sum + outcome.failed, 0);
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed > 0 ? 1 : 0);
}

main();
