/**
 * Benchmark (prints figures; not a timed test): whole Resync runs on the offline org through the REST face.
 * Creates N Accounts (a quarter of them children of another, through ParentId) and N Contacts under them, then runs a
 * Full Data Resync, a Failed & Missed Data Resync with nothing changed, and a Full Data Resync with nothing changed,
 * and prints for each: wall time, records per second, RunJob transactions, target API calls, and the bookkeeping
 * rows the runs left in the source org (link, error and journal pages) with their data-storage cost. Under each run
 * it prints the target calls by method and resource.
 *
 * Usage: node --import tsx scripts/bench/resync-throughput.ts [--records=N] [--batch=1000]
 */
import { performance } from 'node:perf_hooks';
import { drainQueue, runAnonymousBlock } from '../../offline-org/src/index.js';
import { openOrg } from '../../offline-org/src/index.js';
import type { OfflineOrg } from '../../offline-org/src/index.js';
import { attachTargetOrg } from '../../offline-org/src/index.js';
import { packageDirectories } from '../../offline-org/src/index.js';
import { repoRoot } from '../lib/project.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const STORAGE_BYTES_PER_ROW = 2048;

function option(name: string, fallback: number): number {
    const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
    const value = arg ? Number(arg.slice(name.length + 3)) : fallback;
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number above 0`);
    return value;
}

function apex(org: OfflineOrg, source: string): string[] {
    const out = runAnonymousBlock(org, 'bench.apex', source);
    if (out.error !== null) throw new Error(out.error);
    return out.debug.map((d) => d.message);
}

/** A storage value as text (strings, numbers, booleans or null). */
function text(value: unknown): string {
    return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
}

function count(org: OfflineOrg, soql: string): number {
    return org.store.query(soql).totalSize;
}

/** The calls of a run by method and resource (`POST /composite`), one line each. */
function callsByKind(calls: { method: string; path: string }[]): string {
    const kinds = new Map<string, number>();
    for (const call of calls) {
        const resource = call.path.replace(/\?.*$/, '').replace(/^\/services\/data\/v[\d.]+/, '');
        const kind = `${call.method} ${resource}`;
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    return [...kinds].map(([kind, n]) => `      ${String(n).padStart(5)} ${kind}`).join('\n');
}

function createData(org: OfflineOrg, records: number, batch: number): void {
    const perTransaction = 2000;
    for (let start = 0; start < records; start += perTransaction) {
        const size = Math.min(perTransaction, records - start);
        apex(
            org,
            `List<Account> accounts = new List<Account>();
for (Integer i = 0; i < ${size}; i++) {
    accounts.add(new Account(Name = 'Bench ' + (${start} + i), Industry = 'Energy', AnnualRevenue = i * 10,
        Website = 'https://b' + i + '.example'));
}
insert accounts;
List<Account> children = new List<Account>();
for (Integer i = 1; i < accounts.size(); i += 4) {
    children.add(new Account(Id = accounts[i].Id, ParentId = accounts[i - 1].Id));
}
update children;
List<Contact> contacts = new List<Contact>();
for (Integer i = 0; i < ${size}; i++) {
    contacts.add(new Contact(LastName = 'Bench ' + (${start} + i), Email = 'b' + i + '@example.org',
        AccountId = accounts[i].Id));
}
insert contacts;`,
        );
    }
    apex(
        org,
        `SyncTarget__c target = new SyncTarget__c(Name = 'Bench', NamedCredential__c = 'Resync_Target',
    ApiVersion__c = '66.0', Active__c = true);
insert target;
insert new List<ObjectSetting__c>{
    new ObjectSetting__c(Target__c = target.Id, ObjectApiName__c = 'Account', Enabled__c = true,
        InsertAllowed__c = true, UpdateAllowed__c = true, MatchingMode__c = 'RecordLinks', BatchSize__c = ${batch}),
    new ObjectSetting__c(Target__c = target.Id, ObjectApiName__c = 'Contact', Enabled__c = true,
        InsertAllowed__c = true, UpdateAllowed__c = true, MatchingMode__c = 'RecordLinks', BatchSize__c = ${batch})
};`,
    );
}

function main(): void {
    const records = option('records', 2000);
    const batch = option('batch', 1000);
    const org = openOrg(packageDirectories(repoRoot));
    const target = attachTargetOrg(org, 'Resync_Target');
    const setupStart = performance.now();
    createData(org, records, batch);
    console.log(
        `resync throughput: ${records} Accounts + ${records} Contacts, batch ${batch} ` +
            `(source data created in ${((performance.now() - setupStart) / 1000).toFixed(1)} s)`,
    );
    for (const mode of ['FullResync', 'FailedMissedResync', 'FullResync']) {
        const callsBefore = target.endpoint.log.length;
        const jobsBefore = count(org, `SELECT COUNT() FROM AsyncApexJob WHERE ApexClass.Name = 'RunJob'`);
        const started = performance.now();
        const [runId] = apex(
            org,
            `System.debug(RunStarter.start([SELECT Id FROM SyncTarget__c LIMIT 1].Id, '${mode}',
    new List<String>{ 'Account', 'Contact' }, null, 'User'));`,
        );
        const drained = drainQueue(org, org.clock.now() + DAY_MS);
        const seconds = (performance.now() - started) / 1000;
        if (drained.errors.length > 0) throw new Error(drained.errors.join('\n'));
        const run = org.store.query(
            `SELECT State__c, Inserted__c, Updated__c, Unchanged__c, Failed__c FROM SyncRun__c WHERE Id = '${runId}'`,
        ).rows[0];
        const jobs = count(org, `SELECT COUNT() FROM AsyncApexJob WHERE ApexClass.Name = 'RunJob'`) - jobsBefore;
        const calls = target.endpoint.log.length - callsBefore;
        console.log(
            `  ${mode.padEnd(19)} ${text(run.State__c).padEnd(20)} ${seconds.toFixed(1).padStart(6)} s  ` +
                `${Math.round((2 * records) / seconds)
                    .toString()
                    .padStart(6)} records/s  ${String(jobs).padStart(4)} RunJob transactions  ` +
                `${String(calls).padStart(5)} target API calls  inserted ${text(run.Inserted__c)}, updated ${text(run.Updated__c)}, unchanged ${text(run.Unchanged__c)}, failed ${text(run.Failed__c)}`,
        );
        console.log(callsByKind(target.endpoint.log.slice(callsBefore)));
    }
    const links = count(org, 'SELECT COUNT() FROM RecordLinkPage__c');
    const errors = count(org, 'SELECT COUNT() FROM RecordErrorPage__c');
    const journal = count(org, 'SELECT COUNT() FROM ChangeJournalPage__c');
    const rows = links + errors + journal;
    console.log(
        `  bookkeeping rows in the source org: ${links} link pages, ${journal} journal pages, ${errors} error pages ` +
            `= ${rows} rows, ${((rows * STORAGE_BYTES_PER_ROW) / 1024).toFixed(0)} KB of data storage ` +
            `(${((rows * STORAGE_BYTES_PER_ROW) / (2 * records)).toFixed(1)} bytes per synced record after three runs)`,
    );
}

main();
