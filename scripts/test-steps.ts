import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './lib/project.js';

/**
 * The steps of `npm test`, in order: build, type checks, lint, the offline Apex gates, then the test suites.
 */

/** Test counts read from a runner's output. */
export interface Counts {
    passed: number;
    failed: number;
}

export interface Step {
    name: string;
    command: string[];
    /** For test runners: how to read their counts. Checks without it count as one. */
    counts?: (output: string) => Counts;
}

function lastNumber(output: string, pattern: RegExp): number {
    const matches = [...output.matchAll(pattern)];
    return matches.length > 0 ? Number(matches[matches.length - 1][1]) : 0;
}

/** Jest's `Tests: 2 failed, 5 passed, 7 total`. */
export function jestCounts(output: string): Counts {
    const line = [...output.matchAll(/^Tests:\s+(.*)$/gm)].pop()?.[1] ?? '';
    return { passed: lastNumber(line, /(\d+) passed/g), failed: lastNumber(line, /(\d+) failed/g) };
}

/** node:test's closing `# pass N` / `# fail N`. */
export function nodeTestCounts(output: string): Counts {
    return { passed: lastNumber(output, /^# pass (\d+)$/gm), failed: lastNumber(output, /^# fail (\d+)$/gm) };
}

/** A plain `N passed, N failed` line (the offline org's Apex test runner prints one). */
export function plainCounts(output: string): Counts {
    const line = [...output.matchAll(/^(?:\w+: )?(\d+) passed, (\d+) failed/gm)].pop();
    return { passed: Number(line?.[1] ?? 0), failed: Number(line?.[2] ?? 0) };
}

const tsx = ['node', '--import', 'tsx'];

/** The `*.test.ts` files of a folder (Node 20's test runner does not find .ts files by itself). */
function testFiles(folder: string): string[] {
    return readdirSync(join(repoRoot, folder))
        .filter((name) => name.endsWith('.test.ts'))
        .sort()
        .map((name) => join(folder, name));
}

export const STEPS: Step[] = [
    { name: 'build: LWC types', command: [...tsx, 'scripts/lwc/generate-platform-types.ts'] },
    { name: 'build: LWC TypeScript', command: [...tsx, 'scripts/lwc/compile.ts'] },
    { name: 'build: offline org', command: ['npx', 'tsc', '-p', 'offline-org'] },
    { name: 'types: LWC tests', command: ['npx', 'tsc', '-p', 'force-app/main/default/lwc/tsconfig.test.json'] },
    { name: 'types: scripts', command: ['npx', 'tsc', '-p', 'scripts'] },
    { name: 'lint: eslint', command: ['npx', 'eslint', '.'] },
    { name: 'lint: prettier', command: ['npx', 'prettier', '--check', '.'] },
    { name: 'gate: apex syntax', command: [...tsx, 'scripts/gates/apex-syntax.ts'] },
    { name: 'gate: apex semantics', command: [...tsx, 'scripts/gates/apex-semantics.ts'] },
    { name: 'gate: apex security', command: [...tsx, 'scripts/gates/apex-security.ts'] },
    { name: 'gate: metadata', command: [...tsx, 'scripts/gates/metadata.ts'] },
    // With line coverage of the LWC TypeScript, at least 90% (coverageThreshold in jest.config.js). No cache: the LWC
    // transformer's cache key ignores coverage, so a cached run would count no line of the files it transformed before.
    { name: 'tests: LWC (jest)', command: ['npx', 'jest', '--ci', '--coverage', '--no-cache'], counts: jestCounts },
    {
        name: 'tests: tooling',
        command: [...tsx, '--test', ...testFiles('scripts/test')],
        counts: nodeTestCounts,
    },
    {
        name: 'tests: offline org',
        command: ['node', '--test', 'offline-org/dist/test/'],
        counts: nodeTestCounts,
    },
    {
        name: 'tests: Apex on offline org',
        command: ['node', 'offline-org/dist/src/cli/main.js', 'test', '--result-format', 'human', '--code-coverage'],
        counts: plainCounts,
    },
    {
        // The real screens in Chromium against the LWC host (fresh demo data, a free port); screenshots in artifacts/.
        name: 'tests: e2e (host in Chromium)',
        command: [...tsx, '--test', 'scripts/host/e2e.test.ts'],
        counts: nodeTestCounts,
    },
];
