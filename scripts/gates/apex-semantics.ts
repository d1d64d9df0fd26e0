/**
 * Gate: all Apex type-checked against the platform's type library by apexlink (apex-ls, API 61 types; custom objects
 * read from the project's objects/). Unknown types, methods and fields and wrong assignments fail the gate.
 *
 * Features newer than apexlink's type library may be allowed in `config/apexlink-allowlist.json`:
 * `[{ "message": "<regular expression>", "reason": "<why this is right on the platform>" }]`; an entry without a
 * reason is itself an error. Runs on Java 17 through `apexlink-java17.ts`.
 * Usage: tsx scripts/gates/apex-semantics.ts [--project DIR]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureJsonArray, isJsonMap, isNumber, isString, type AnyJson } from '@salesforce/ts-types';
import { apexSources, packageDirectories, repoRoot } from '../lib/project.js';
import { projectFromArgs, report, type Finding } from '../lib/gate.js';
import { apexlinkClasspath } from './apexlink-java17.js';

interface AllowEntry {
    pattern: RegExp;
    reason: string;
}

/** The allowlist, validated: every entry needs a message pattern and a reason. */
export function readAllowlist(file: string): AllowEntry[] {
    if (!existsSync(file)) {
        return [];
    }
    return ensureJsonArray(JSON.parse(readFileSync(file, 'utf8')) as AnyJson).map((entry, index) => {
        if (!isJsonMap(entry) || !isString(entry.message) || !isString(entry.reason) || entry.reason.trim() === '') {
            throw new Error(`${file}: entry ${index} needs "message" (a regular expression) and a non-empty "reason"`);
        }
        return { pattern: new RegExp(entry.message), reason: entry.reason };
    });
}

/** apexlink's syntax messages list every token it expected; a finding needs only the start of that. */
function abbreviate(message: string): string {
    return message.length > 240 ? `${message.slice(0, 240)}…` : message;
}

/** The findings in apexlink's JSON output. */
export function findingsOf(output: string): Finding[] {
    const parsed = JSON.parse(output) as AnyJson;
    const files = isJsonMap(parsed) ? ensureJsonArray(parsed.files) : [];
    const findings: Finding[] = [];
    for (const file of files) {
        if (!isJsonMap(file) || !isString(file.path)) {
            continue;
        }
        for (const message of ensureJsonArray(file.messages ?? [])) {
            if (!isJsonMap(message)) {
                continue;
            }
            const start = isJsonMap(message.start) ? message.start : {};
            findings.push({
                file: file.path,
                line: isNumber(start.line) ? start.line : 1,
                message: `${isString(message.category) ? message.category : 'Error'}: ${abbreviate(isString(message.message) ? message.message : '')}`,
            });
        }
    }
    return findings;
}

function runApexlink(project: string): string {
    try {
        return execFileSync(
            'java',
            [
                '-cp',
                apexlinkClasspath(),
                'io.github.apexdevtools.apexls.CheckForIssues',
                '-n',
                '-f',
                'json',
                '-w',
                project,
            ],
            { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] },
        );
    } catch (error) {
        // apexlink exits 4 when it found issues; its JSON is still on stdout.
        const failed = error as { status?: number; stdout?: string; stderr?: string };
        if (failed.status === 4 && failed.stdout) {
            return failed.stdout;
        }
        throw new Error(`apexlink failed (exit ${failed.status ?? '?'}): ${failed.stderr ?? String(error)}`);
    }
}

function main(): void {
    const project = projectFromArgs();
    const allowlist = readAllowlist(join(repoRoot, 'config', 'apexlink-allowlist.json'));
    const findings = findingsOf(runApexlink(project)).filter(
        (finding) => !allowlist.some((entry) => entry.pattern.test(finding.message)),
    );
    report('apex-semantics', apexSources(packageDirectories(project)).length, findings);
}

main();
