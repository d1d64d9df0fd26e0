/**
 * `npm run bench [-- --records N]`: every benchmark in turn, each printing its figures. The arguments go to the
 * throughput benchmark (scripts/bench/resync-throughput.ts); the run fails when any benchmark does.
 */
import { spawnSync } from 'node:child_process';
import { repoRoot } from '../lib/project.js';

const tsx = ['--import', 'tsx'];
const benches: string[][] = [
    [...tsx, 'scripts/bench/resync-throughput.ts', ...process.argv.slice(2)],
    [...tsx, 'scripts/bench/describe-heap.ts'],
    ['offline-org/dist/bench/interpreter-loop.js'],
    ['offline-org/dist/bench/project-startup.js'],
    ['offline-org/dist/bench/method-calls.js'],
    ['offline-org/dist/bench/data-scale.js'],
    ['offline-org/dist/bench/apex-dml-scale.js'],
];
let failed = false;
for (const args of benches) {
    const result = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'inherit' });
    if (result.status !== 0) {
        console.error(`benchmark failed: ${args.filter((a) => a !== 'tsx' && a !== '--import').join(' ')}`);
        failed = true;
    }
}
process.exitCode = failed ? 1 : 0;
