#!/usr/bin/env node
/**
 * `apex run --file X.apex` and `apex test [...]`, mirroring `sf apex run` / `sf apex run test`. `run --target-org
 * NAME=DIR|:memory:` attaches a target org behind the REST face for callouts to the named credential NAME.
 */
import { textOf } from '../apex/runtime/format.js';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { ApexThrow } from '../apex/runtime/values.js';
import { exceptionTypeName } from '../apex/runtime/exceptions.js';
import { ApexCompileError, NotSupportedError } from '../apex/errors.js';
import { packageDirectories } from '../testing/project.js';
import { beginOrgTransaction, endOrgTransaction, openOrg, orgTestHooks } from '../org/open-org.js';
import type { OfflineOrg } from '../org/open-org.js';
import { runTests } from '../testing/test-runner.js';
import { attachTargetOrg } from '../rest/attach-target.js';
import { coverageReport } from '../testing/coverage.js';
import { formatHuman, formatJson, formatJunit } from '../testing/result-formats.js';

/** `--source-dir` as given, else the package directories of `--project` (a folder with sfdx-project.json), else cwd's. */
function sourceDirs(given: string[] | undefined, project: string | undefined, cwd: string): string[] {
    if (given && given.length) return given.map((d) => resolve(d));
    if (project && !existsSync(join(resolve(project), 'sfdx-project.json')))
        throw new UsageError(`--project ${project}: no sfdx-project.json there`);
    return packageDirectories(project ? resolve(project) : cwd);
}

/** A command line the commands cannot act on: reported on stderr with exit code 2. */
class UsageError extends Error {}

function splitList(v: string[] | undefined): string[] {
    return (v ?? [])
        .flatMap((x) => x.split(','))
        .map((x) => x.trim())
        .filter(Boolean);
}

/**
 * After `apex run` commits: the local scheduler runs the queued async work in order (what is due now, or everything
 * due up to `--async-until` on the scheduler's virtual clock), printing each job's debug lines; failures no caller
 * saw are reported on stderr and make the exit code 1.
 */
function runQueuedWork(
    org: OfflineOrg,
    until: number | null,
    out: (s: string) => void,
    err: (s: string) => void,
): number {
    const async = org.platform.async;
    async.runQueued(until ?? undefined);
    for (const d of async.host.debug) out(`USER_DEBUG|[${d.line}]|${d.level}|${d.message}`);
    for (const b of async.engine.backgroundErrors)
        err(`ASYNC JOB ${b.jobId ?? 'event'} FAILED: ${async.host.describeError(b.error)}`);
    return async.engine.backgroundErrors.length > 0 ? 1 : 0;
}

/** `--target-org NAME=LOCATION` values: a named credential and `:memory:` or a directory for the target's store. */
function parseTargetOrgs(values: string[] | undefined): { credential: string; location: string }[] | null {
    const out: { credential: string; location: string }[] = [];
    for (const v of values ?? []) {
        const m = /^([A-Za-z][A-Za-z0-9_]*)=(.+)$/.exec(v);
        if (!m) return null;
        out.push({ credential: m[1], location: m[2] === ':memory:' ? ':memory:' : resolve(m[2]) });
    }
    return out;
}

export function runCommand(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
    try {
        return runCommandOrThrow(argv, out, err);
    } catch (e) {
        if (e instanceof UsageError) {
            err(e.message);
            return 2;
        }
        throw e;
    }
}

function runCommandOrThrow(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
    const [cmd, ...rest] = argv;
    const projectRoot = process.cwd();
    if (cmd === 'run') {
        const { values } = parseArgs({
            args: rest,
            options: {
                file: { type: 'string', short: 'f' },
                'source-dir': { type: 'string', multiple: true },
                project: { type: 'string' },
                'async-until': { type: 'string' },
                'target-org': { type: 'string', multiple: true },
            },
        });
        const until = values['async-until'] === undefined ? null : Date.parse(values['async-until']);
        const targets = parseTargetOrgs(values['target-org']);
        if (!values.file || Number.isNaN(until) || targets === null) {
            err(
                'usage: apex run --file <anon.apex> [--source-dir DIR | --project DIR] [--async-until ISO-DATETIME] ' +
                    '[--target-org NAMED_CREDENTIAL=DIR|:memory: ...]',
            );
            return 2;
        }
        try {
            const org = openOrg(sourceDirs(values['source-dir'], values.project, projectRoot));
            const attached = targets.map((t) => attachTargetOrg(org, t.credential, { location: t.location }));
            const rt = org.rt;
            beginOrgTransaction(org);
            let ok = false;
            try {
                rt.runAnonymous(values.file, readFileSync(values.file, 'utf8'));
                ok = true;
            } finally {
                endOrgTransaction(org, ok);
                for (const d of rt.tx.debug) out(`USER_DEBUG|[${d.line}]|${d.level}|${d.message}`);
            }
            const code = runQueuedWork(org, until, out, err);
            for (const t of attached) {
                const calls = t.endpoint.calls();
                out(
                    `TARGET ${t.namedCredential} (${t.baseUrl}): ${calls.length} calls answered, ` +
                        `${calls.filter((c) => c.status >= 400).length} with an error status; ${t.endpoint.usage.header()}`,
                );
                t.org.close();
            }
            return code;
        } catch (e) {
            if (e instanceof ApexThrow) {
                const x = e.exc.exc!;
                err(`${exceptionTypeName(e.exc.cls)}: ${textOf(x.message)}`);
                err(x.stack);
                return 1;
            }
            if (e instanceof NotSupportedError || e instanceof ApexCompileError) {
                err(e.message);
                return 1;
            }
            throw e;
        }
    }
    if (cmd === 'test') {
        const { values } = parseArgs({
            args: rest,
            options: {
                tests: { type: 'string', short: 't', multiple: true },
                'class-names': { type: 'string', short: 'n', multiple: true },
                'code-coverage': { type: 'boolean', short: 'c' },
                'result-format': { type: 'string', short: 'r' },
                'source-dir': { type: 'string', multiple: true },
                project: { type: 'string' },
            },
        });
        const format = values['result-format'] ?? 'human';
        if (!['human', 'json', 'junit'].includes(format)) {
            err(`unknown --result-format ${format}`);
            return 2;
        }
        let org;
        try {
            org = openOrg(sourceDirs(values['source-dir'], values.project, projectRoot), {
                coverage: !!values['code-coverage'],
                // Every class that links is tested; one that does not is reported with its error and fails the run.
                tolerantLink: true,
            });
        } catch (e) {
            if (e instanceof ApexCompileError || e instanceof NotSupportedError) {
                err(e.message);
                return 1;
            }
            throw e;
        }
        const rt = org.rt;
        // Compile everything first, as a deploy would: a compile error anywhere fails the run even when no test reaches
        // it. Unsupported constructs found this way are only warnings; a test that reaches one fails on its own.
        const found = rt.compileAll();
        const compileErrors = found.filter((e) => !(e instanceof NotSupportedError)).map((e) => e.message);
        for (const w of found.filter((e) => e instanceof NotSupportedError))
            err(`WARNING  ${w.message} (not reached by the tests that ran)`);
        const results = runTests(
            rt,
            { tests: splitList(values.tests), classNames: splitList(values['class-names']) },
            orgTestHooks(org),
        );
        const cov = values['code-coverage'] ? coverageReport(rt) : null;
        out(
            format === 'json'
                ? formatJson(results, cov, compileErrors)
                : format === 'junit'
                  ? formatJunit(results, compileErrors)
                  : formatHuman(results, cov, compileErrors),
        );
        return compileErrors.length > 0 || results.some((r) => r.outcome === 'Fail') ? 1 : 0;
    }
    err(
        'usage: apex run --file <anon.apex> [--target-org NAMED_CREDENTIAL=DIR|:memory:] | apex test [--tests Class.method ...] [--class-names ...] [--code-coverage] [--result-format human|json|junit] [--source-dir DIR | --project DIR]',
    );
    return 2;
}

/**
 * Deep Apex recursion needs a deeper JS stack than Node's default, so the commands run in a worker thread with a
 * large stack; the main thread only relays the exit code.
 */
const STACK_MB = 256;
const isMain = process.argv[1] && resolve(process.argv[1]).replace(/\.ts$/, '.js').endsWith('cli/main.js');
if (isMain && isMainThread) {
    const worker = new Worker(new URL(import.meta.url), {
        argv: process.argv.slice(2),
        resourceLimits: { stackSizeMb: STACK_MB },
    });
    worker.on('message', (code: unknown) => {
        process.exitCode = typeof code === 'number' ? code : 1;
    });
    worker.on('error', (e) => {
        process.stderr.write(`${e.stack ?? String(e)}\n`);
        process.exitCode = 1;
    });
} else if (!isMainThread && parentPort) {
    const code = runCommand(
        process.argv.slice(2),
        (s) => process.stdout.write(s + '\n'),
        (s) => process.stderr.write(s + '\n'),
    );
    parentPort.postMessage(code);
}
