/**
 * What every offline gate shares: the project folder it checks (default: this repository; `--project DIR` for
 * another, which is how the gates' own tests feed them bad samples), and one way to report.
 */
import { resolve } from 'node:path';
import { repoRoot } from './project.js';

/** One problem a gate found, at a file and line. */
export interface Finding {
    file: string;
    line: number;
    message: string;
}

/** The project folder named by `--project`, or this repository. */
export function projectFromArgs(argv: string[] = process.argv): string {
    const flag = argv.indexOf('--project');
    return flag >= 0 && argv[flag + 1] ? resolve(argv[flag + 1]) : repoRoot;
}

/** Prints the findings as `file:line: message` and exits non-zero when there are any. */
export function report(gate: string, checked: number, findings: Finding[]): void {
    for (const finding of findings) {
        console.error(`${finding.file}:${finding.line}: ${finding.message}`);
    }
    if (findings.length > 0) {
        console.error(`${gate}: ${findings.length} problem(s) in ${checked} file(s)`);
        process.exit(1);
    }
    console.log(`${gate}: ${checked} file(s) OK`);
}
