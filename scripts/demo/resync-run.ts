/**
 * `npm start`: whole Resync runs on the offline org, end to end, with the REST face playing the target org. It loads
 * the package (force-app) into an offline org, creates the demo data (resync-data.apex), attaches a target org behind
 * the `Resync_Target` named credential, and then, like a user on the Data Resync screen, starts runs with
 * `RunStarter.start`. The org's scheduler runs each chain of RunJob queueables to its end (delays are skipped on the
 * org's clock, and shown), and the run's history is printed: states, counts per object, errors, the job steps and the
 * REST calls the target answered.
 *
 * Usage: node --import tsx scripts/demo/resync-run.ts
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { drainQueue, runAnonymousBlock } from '../../offline-org/src/index.js';
import { openOrg } from '../../offline-org/src/index.js';
import type { OfflineOrg } from '../../offline-org/src/index.js';
import { attachTargetOrg } from '../../offline-org/src/index.js';
import type { AttachedTarget } from '../../offline-org/src/index.js';
import { packageDirectories } from '../../offline-org/src/index.js';
import { repoRoot } from '../lib/project.js';

const MODES: Record<string, string> = {
    FullResync: 'Full Data Resync',
    FailedMissedResync: 'Failed & Missed Data Resync',
    Execute: 'Execute',
    Retry: 'Retry',
};
const DAY_MS = 24 * 60 * 60 * 1000;

type Row = Record<string, unknown>;

/** A field value as text (storage values are strings, numbers, booleans or null). */
function text(value: unknown): string {
    if (value === null || value === undefined) return '';
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return JSON.stringify(value);
}

function apex(org: OfflineOrg, file: string, source: string): string[] {
    const out = runAnonymousBlock(org, file, source);
    if (out.error !== null) throw new Error(`${file}: ${out.error}`);
    return out.debug.map((d) => d.message);
}

function rows(org: OfflineOrg, soql: string): Row[] {
    return org.store.query(soql).rows;
}

const time = (iso: unknown): string => (typeof iso === 'string' ? iso.slice(11, 19) : '-');
const minutes = (ms: number): string => `${Math.round(ms / 60_000)} min`;
const n = (v: unknown): string => (v === null || v === undefined ? '0' : text(v));
const pad = (s: string, width: number): string => s.padEnd(width);

/** Decodes a page of record errors: one JSON line per failed record (RecordErrorCodec). */
function errorLines(text: unknown): string[] {
    return (typeof text === 'string' ? text : '')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => {
            try {
                const e = JSON.parse(line) as { s?: string; op?: string; c?: string; m?: string; f?: string[] };
                const fields = e.f && e.f.length > 0 ? ` [${e.f.join(', ')}]` : '';
                return `${e.s ?? '?'} ${e.op ?? '?'}: ${e.c ?? '?'} ${e.m ?? ''}${fields}`;
            } catch {
                return line;
            }
        });
}

/** Starts a run, lets the scheduler run it to its end, and prints its history. */
function run(org: OfflineOrg, target: AttachedTarget, label: string, mode: string): void {
    const jobsBefore = new Set(org.platform.async.engine.jobs().map((j) => j.Id));
    const callsBefore = target.endpoint.log.length;
    const skipsBefore = org.clock.skips.length;
    const locksBefore = target.endpoint.faults.injected.locks;
    const [runId] = apex(
        org,
        'start-run.apex',
        `SyncTarget__c target = [SELECT Id FROM SyncTarget__c WHERE NamedCredential__c = 'Resync_Target' LIMIT 1];
System.debug(RunStarter.start(target.Id, '${mode}', new List<String>{ 'Account', 'Contact' }, null, 'User'));`,
    );
    const drained = drainQueue(org, org.clock.now() + DAY_MS);

    const [r] = rows(
        org,
        `SELECT Mode__c, State__c, StateReason__c, Inserted__c, Updated__c, Unchanged__c, Failed__c, StartedAt__c, EndedAt__c FROM SyncRun__c WHERE Id = '${runId}'`,
    );
    const skips = org.clock.skips.slice(skipsBefore);
    const waited = skips.reduce((sum, s) => sum + (s.to - s.from), 0);
    console.log(`\n${label}  ${MODES[String(r.Mode__c)] ?? String(r.Mode__c)}  (run ${runId})`);
    console.log(`  state     ${String(r.State__c)}${r.StateReason__c ? ` — ${text(r.StateReason__c)}` : ''}`);
    console.log(
        `  time      started ${time(r.StartedAt__c)}, ended ${time(r.EndedAt__c)} UTC on the org clock` +
            (skips.length > 0 ? ` (${skips.length} queueable delays, ${minutes(waited)} skipped)` : ''),
    );
    console.log(
        `  records   inserted ${n(r.Inserted__c)}, updated ${n(r.Updated__c)}, unchanged ${n(r.Unchanged__c)}, failed ${n(r.Failed__c)}`,
    );
    for (const o of rows(
        org,
        `SELECT ObjectApiName__c, State__c, Inserted__c, Updated__c, Unchanged__c, Failed__c, Deferred__c FROM RunObject__c WHERE Run__c = '${runId}' ORDER BY Position__c`,
    )) {
        console.log(
            `  ${pad(String(o.ObjectApiName__c), 9)} ${pad(String(o.State__c), 20)} inserted ${n(o.Inserted__c)}, updated ${n(o.Updated__c)}, ` +
                `unchanged ${n(o.Unchanged__c)}, failed ${n(o.Failed__c)}, lookups set in the second pass ${n(o.Deferred__c)}`,
        );
    }
    const errors = rows(
        org,
        `SELECT ObjectApiName__c, Errors__c FROM RecordErrorPage__c WHERE Run__c = '${runId}'`,
    ).flatMap((p) => errorLines(p.Errors__c).map((line) => `${String(p.ObjectApiName__c)} ${line}`));
    console.log(`  errors    ${errors.length === 0 ? 'none' : errors.join('\n            ')}`);
    if (errors.length > 0) console.log('            (a Failed & Missed Data Resync takes these records up again)');

    const jobs = org.platform.async.engine.jobs().filter((j) => !jobsBefore.has(j.Id));
    const failed = jobs.filter((j) => j.Status === 'Failed');
    console.log(
        `  steps     ${jobs.length} RunJob transactions` +
            (failed.length > 0
                ? `, ${failed.length} failed and enqueued again by the finalizer: ${failed.map((j) => j.ExtendedStatus ?? '').join('; ')}`
                : ', none failed') +
            (skips.length > 0 ? `; waits ${skips.map((s) => minutes(s.to - s.from)).join(', ')}` : ''),
    );
    const calls = target.endpoint.log.slice(callsBefore);
    const kinds = new Map<string, number>();
    for (const c of calls) {
        const path = c.path.split('?')[0].replace(/^\/services\/data\/v[\d.]+/, '');
        const kind = path.endsWith('/describe') ? 'describe' : path.startsWith('/query') ? 'query' : path.slice(1);
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    const locks = target.endpoint.faults.injected.locks - locksBefore;
    console.log(
        `  target    ${calls.length} REST calls (${[...kinds].map(([k, c]) => `${c} ${k}`).join(', ')}); ${target.endpoint.usage.header()}` +
            (locks > 0 ? `; ${locks} record writes met UNABLE_TO_LOCK_ROW` : ''),
    );
    if (drained.errors.length > 0) console.log(`  FAILURES  ${drained.errors.join('\n            ')}`);
}

function main(): void {
    const started = Date.now();
    const org = openOrg(packageDirectories(repoRoot));
    const target = attachTargetOrg(org, 'Resync_Target', { faults: { seed: 4, lockShare: 0.1 } });
    apex(org, 'scripts/demo/resync-data.apex', readFileSync(join(repoRoot, 'scripts/demo/resync-data.apex'), 'utf8'));
    const count = (store: typeof org.store, object: string): number =>
        store.query(`SELECT COUNT() FROM ${object}`).totalSize;
    console.log('Resync on the offline org');
    console.log(
        `  source: ${count(org.store, 'Account')} Accounts (6 under a parent), ${count(org.store, 'Contact')} Contacts (2 reporting to another)`,
    );
    console.log(
        `  target: a second offline org behind the named credential Resync_Target, served by the REST face at ${target.baseUrl};`,
    );
    console.log('          10% of its record writes meet a row lock in the first run (a seeded fault plan)');

    run(org, target, 'Run 1', 'FullResync');

    target.endpoint.faults.lockShare = 0;
    apex(
        org,
        'change.apex',
        `Contact c = [SELECT Id FROM Contact WHERE LastName = 'Demo 4'];
c.Title = 'Head of Branch';
update c;`,
    );
    const [gone] = target.org.store.query(`SELECT Id FROM Account WHERE Name = 'Contoso Branch 2'`).rows;
    target.org.store.begin();
    target.org.store.delete('Account', [text(gone.Id)], { allOrNone: true });
    target.org.store.commit();
    console.log(
        '\nBetween runs: Contact "Demo 4" got a new Title in the source; someone deleted "Contoso Branch 2" (and its Contacts) in the target.',
    );

    run(org, target, 'Run 2', 'FailedMissedResync');
    run(org, target, 'Run 3', 'FullResync');

    const targetAccounts = count(target.org.store, 'Account');
    const targetContacts = count(target.org.store, 'Contact');
    console.log(
        `\nThe target now holds ${targetAccounts} Accounts and ${targetContacts} Contacts. Finished in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    target.org.close();
    org.store.close();
}

main();
