/**
 * `npm start`: the Resync app in a browser without an org. Starts the offline org's LWC host (offline-org/src/host)
 * over the package (force-app) plus the demo-only objects (demo-app), with a target org behind the `Resync_Target`
 * named credential, demo data on a fresh org (demo-data.apex), and prints the URL and one line per run state change.
 *
 * Usage: node --import tsx scripts/host/start.ts [--port N] [--data DIR] [--reset] [--fast-delays] [--production]
 *   --port N       port on 127.0.0.1 (default: $PORT, else 4280; 0 picks a free one)
 *   --data DIR     where the orgs' SQLite files live (default .offline-data/); kept between starts
 *   --reset        start from fresh demo data
 *   --fast-delays  a Queueable's delay lasts 1 s of real time (the org's clock skips the rest)
 *   --production   LWC production mode (faster, fewer checks)
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runAnonymousBlock } from '../../offline-org/src/index.js';
import type { OfflineOrg } from '../../offline-org/src/index.js';
import { startHost } from '../../offline-org/src/index.js';
import { packageDirectories, repoRoot } from '../lib/project.js';

export const DEFAULT_PORT = 4280;

interface Args {
    port: number;
    data: string;
    reset: boolean;
    fastDelays: boolean;
    production: boolean;
}

function parseArgs(argv: string[]): Args {
    const args: Args = {
        port: process.env['PORT'] ? Number(process.env['PORT']) : DEFAULT_PORT,
        data: join(repoRoot, '.offline-data'),
        reset: false,
        fastDelays: false,
        production: false,
    };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const value = (): string => {
            const v = argv[++i];
            if (v === undefined) throw new Error(`${a} needs a value`);
            return v;
        };
        if (a === '--port') args.port = Number(value());
        else if (a === '--data') args.data = resolve(value());
        else if (a === '--reset') args.reset = true;
        else if (a === '--fast-delays') args.fastDelays = true;
        else if (a === '--production') args.production = true;
        else throw new Error(`unknown option ${a}`);
    }
    if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new Error('--port must be a port');
    return args;
}

/** A field value as text (storage values are strings, numbers, booleans or null). */
function text(value: unknown): string {
    if (value === null || value === undefined) return '';
    return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Prints one line whenever a run appears or changes state. */
function runWatcher(log: (line: string) => void): (org: OfflineOrg) => void {
    const states = new Map<string, string>();
    return (org) => {
        const rows = org.store.query('SELECT Id, Name, Mode__c, State__c, StateReason__c FROM SyncRun__c').rows;
        for (const r of rows) {
            const id = text(r['Id']);
            const state = text(r['State__c']);
            const before = states.get(id);
            if (before === state) continue;
            states.set(id, state);
            const reason =
                typeof r['StateReason__c'] === 'string' && r['StateReason__c'] ? ` — ${r['StateReason__c']}` : '';
            log(
                `run ${text(r['Name'])} ${text(r['Mode__c'])} (${id}): ${before === undefined ? '' : `${before} → `}${state}${reason}`,
            );
        }
    };
}

async function main(): Promise<void> {
    const args = parseArgs(process.argv.slice(2));
    const log = (line: string): void => console.log(line);
    const started = Date.now();
    const watch = runWatcher(log);
    const host = await startHost({
        dirs: [...packageDirectories(repoRoot), join(repoRoot, 'demo-app')],
        app: 'Resync',
        port: args.port,
        dataDir: args.data,
        reset: args.reset,
        fastDelays: args.fastDelays,
        mode: args.production ? 'production' : 'development',
        targets: [{ namedCredential: 'Resync_Target' }],
        // Shared by every data folder (the e2e's too): rebuilt only when a component or the host's page changes.
        buildDir: join(repoRoot, 'node_modules', '.cache', 'offline-org-host', 'Resync'),
        seed: (org) => {
            const file = join(repoRoot, 'scripts/host/demo-data.apex');
            const out = runAnonymousBlock(org, 'scripts/host/demo-data.apex', readFileSync(file, 'utf8'));
            if (out.error !== null) throw new Error(`demo data: ${out.error}`);
        },
        log,
        afterChange: watch,
    });
    watch(host.org);
    const count = (object: string): number => host.org.store.query(`SELECT COUNT() FROM ${object}`).totalSize;
    log(
        `Resync on the offline org: ${host.fresh ? 'fresh demo data' : `data kept in ${args.data}`}; ` +
            `${count('Account')} Accounts, ${count('Contact')} Contacts, ${count('Opportunity')} Opportunities, ` +
            `${count('Case')} Cases, ${count('Region__c')} Regions, ${count('Office__c')} Offices`,
    );
    if (host.resumed > 0) log(`async: ${host.resumed} queued job(s) and schedule(s) taken up from the last run`);
    log(
        args.fastDelays
            ? 'async: --fast-delays: a Queueable delay lasts 1 s of real time; the org clock skips the rest'
            : 'async: Queueable delays last their real minutes (use --fast-delays to shorten them)',
    );
    log(
        `page bundle ${host.build.cached ? 'unchanged, reused' : `built in ${(host.build.ms / 1000).toFixed(1)} s`}; ` +
            `ready in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    log(
        `Resync is at ${host.url}/  (port ${new URL(host.url).port}; default ${DEFAULT_PORT}, set with --port or PORT)`,
    );
    log(`host settings (fault injection): ${host.url}/host/settings`);
    let closing = false;
    const stop = (): void => {
        if (closing) return;
        closing = true;
        log('stopping: the async queue is saved and resumes at the next start');
        host.close().then(
            () => process.exit(0),
            (e: unknown) => {
                console.error(e);
                process.exit(1);
            },
        );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
});
