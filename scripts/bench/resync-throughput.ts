/**
 * Benchmark (prints figures; not a timed test): whole Resync runs on the offline org through the REST face.
 * Creates N Accounts (a quarter of them children of another, through ParentId) and N Contacts under them, an hour
 * before the runs, then runs a Full Data Resync, a Failed & Missed Data Resync with nothing changed, and a Full Data
 * Resync with nothing changed, and prints for each: wall time, records per second, RunJob transactions, target API
 * calls by phase against the platform's minimum (`run-figures.ts`), the highest share of each governor limit its
 * transactions reached, and the bookkeeping rows the runs left in the source org with their data-storage cost. It
 * writes the figures as JSON (`--json=FILE`, default `bench-results/resync-throughput-N.json`) and exits 1 when a
 * phase is more than 5% above its minimum, planning takes more than 3 calls, or a limit share passes 80%.
 *
 * Usage: node --import tsx scripts/bench/resync-throughput.ts [--records N] [--batch 1000] [--heap-every 2000]
 */
import { performance } from 'node:perf_hooks';
import { drainQueue } from '../../offline-org/src/index.js';
import { openOrg } from '../../offline-org/src/index.js';
import type { OfflineOrg } from '../../offline-org/src/index.js';
import { attachTargetOrg } from '../../offline-org/src/index.js';
import { packageDirectories } from '../../offline-org/src/index.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from '../lib/project.js';
import { apex, option, optionText } from './bench-helpers.js';
import { LimitShares, MAX_RATIO, PLANNING_GOAL, minimumCalls, phaseOf, ratio } from './run-figures.js';
import type { RunShape } from './run-figures.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const STORAGE_BYTES_PER_ROW = 2048;

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
    const heapEvery = option('heap-every', 2000);
    const jsonFile = optionText('json') ?? join(repoRoot, 'bench-results', `resync-throughput-${records}.json`);
    const org = openOrg(packageDirectories(repoRoot), { heapSampleEvery: heapEvery });
    const target = attachTargetOrg(org, 'Resync_Target');
    let shares = new LimitShares();
    org.platform.async.host.transactionListeners.push((kind, limits) => {
        if (kind !== 'queueable') return;
        const usage = limits.usage();
        shares.add(
            {
                queries: usage.queries.used,
                queryRows: usage.queryRows.used,
                dmlStatements: usage.dmlStatements.used,
                dmlRows: usage.dmlRows.used,
                callouts: usage.callouts.used,
                cpuTime: usage.cpuTime.used,
                heap: limits.peakHeap,
            },
            {
                queries: usage.queries.max,
                queryRows: usage.queryRows.max,
                dmlStatements: usage.dmlStatements.max,
                dmlRows: usage.dmlRows.max,
                callouts: usage.callouts.max,
                cpuTime: usage.cpuTime.max,
                heap: limits.max.heapSize,
            },
        );
    });
    const setupStart = performance.now();
    createData(org, records, batch);
    // The runs start an hour after the data was made, as they would in an org: Failed & Missed then finds nothing new.
    org.clock.advanceTo(org.clock.now() + 60 * 60 * 1000);
    console.log(
        `resync throughput: ${records} Accounts + ${records} Contacts, batch ${batch} ` +
            `(source data created in ${((performance.now() - setupStart) / 1000).toFixed(1)} s; heap sampled every ` +
            `${heapEvery} method returns)`,
    );
    const kinds: RunShape['kind'][] = ['full-empty', 'failed-missed-unchanged', 'full-unchanged'];
    const modes = ['FullResync', 'FailedMissedResync', 'FullResync'];
    const results: unknown[] = [];
    const failures: string[] = [];
    for (let i = 0; i < modes.length; i++) {
        const mode = modes[i];
        shares = new LimitShares();
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
        const deferred = org.store.query(`SELECT Deferred__c FROM RunObject__c WHERE Run__c = '${runId}'`).rows;
        const deferredCount = deferred.reduce((sum, row) => sum + Number(row.Deferred__c ?? 0), 0);
        const jobs = count(org, `SELECT COUNT() FROM AsyncApexJob WHERE ApexClass.Name = 'RunJob'`) - jobsBefore;
        const calls = target.endpoint.log.slice(callsBefore);
        const made = { planning: 0, read: 0, write: 0 };
        for (const call of calls) made[phaseOf(call)]++;
        const shape: RunShape = { kind: kinds[i], records: 2 * records, deferred: deferredCount };
        const minimum = minimumCalls(shape);
        const readRatio = ratio(made.read, minimum.read);
        const writeRatio = ratio(made.write, minimum.write);
        console.log(
            `  ${mode.padEnd(19)} ${text(run.State__c).padEnd(20)} ${seconds.toFixed(1).padStart(6)} s  ` +
                `${Math.round((2 * records) / seconds)
                    .toString()
                    .padStart(6)} records/s  ${String(jobs).padStart(4)} RunJob transactions  ` +
                `${String(calls.length).padStart(5)} target API calls  inserted ${text(run.Inserted__c)}, updated ${text(run.Updated__c)}, unchanged ${text(run.Unchanged__c)}, failed ${text(run.Failed__c)}`,
        );
        console.log(
            `      calls: planning ${made.planning} (goal <= ${PLANNING_GOAL}), reads ${made.read} (minimum ` +
                `${minimum.read}, ratio ${readRatio.toFixed(2)}), writes ${made.write} (minimum ${minimum.write}, ` +
                `ratio ${writeRatio.toFixed(2)}); ${(calls.length === 0 ? 0 : (2 * records) / calls.length).toFixed(0)} records per call`,
        );
        console.log(callsByKind(calls));
        const highest = Object.entries(shares.highest)
            .map(([name, share]) => `${name} ${(100 * share).toFixed(0)}%`)
            .join(', ');
        console.log(`      highest limit shares of its ${shares.transactions} RunJob transactions: ${highest}`);
        if (made.planning > PLANNING_GOAL) failures.push(`${mode} #${i + 1}: ${made.planning} planning calls`);
        if (readRatio > MAX_RATIO) failures.push(`${mode} #${i + 1}: reads ${readRatio.toFixed(2)} x the minimum`);
        if (writeRatio > MAX_RATIO) failures.push(`${mode} #${i + 1}: writes ${writeRatio.toFixed(2)} x the minimum`);
        for (const limit of shares.over()) failures.push(`${mode} #${i + 1}: ${limit} above 80%`);
        results.push({
            mode,
            shape: shape.kind,
            state: run.State__c,
            seconds,
            recordsPerSecond: (2 * records) / seconds,
            runJobTransactions: jobs,
            calls: { total: calls.length, ...made },
            minimum,
            ratio: { read: readRatio, write: writeRatio },
            highestLimitShares: shares.highest,
        });
    }
    {
        // Roll back the first run: every record it created is deleted (Contacts before their Accounts).
        const firstRun = text(
            org.store.query(`SELECT Id FROM SyncRun__c WHERE Mode__c = 'FullResync' ORDER BY CreatedDate, Id LIMIT 1`)
                .rows[0].Id,
        );
        shares = new LimitShares();
        const callsBefore = target.endpoint.log.length;
        const started = performance.now();
        apex(org, `System.debug(RollbackStarter.start('${firstRun}', 'User'));`);
        const drained = drainQueue(org, org.clock.now() + DAY_MS);
        const seconds = (performance.now() - started) / 1000;
        if (drained.errors.length > 0) throw new Error(drained.errors.join('\n'));
        const state = text(
            org.store.query(`SELECT State__c FROM SyncRun__c WHERE Id = '${firstRun}'`).rows[0].State__c,
        );
        const calls = target.endpoint.log.slice(callsBefore);
        const left = target.org.store.query('SELECT COUNT() FROM Account').totalSize;
        console.log(
            `  Rollback of run 1    ${state.padEnd(20)} ${seconds.toFixed(1).padStart(6)} s  ` +
                `${String(calls.length).padStart(5)} target API calls; ${left} Accounts left in the target`,
        );
        console.log(callsByKind(calls));
        const highest = Object.entries(shares.highest)
            .map(([name, share]) => `${name} ${(100 * share).toFixed(0)}%`)
            .join(', ');
        console.log(`      highest limit shares of its ${shares.transactions} RunJob transactions: ${highest}`);
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
    // The Data Resync screen's table, in one synchronous transaction: its query rows against the 50,000 limit.
    const [screenRows, linked] = apex(
        org,
        `ResyncController.EntityTable table = ResyncController.getEntities([SELECT Id FROM SyncTarget__c LIMIT 1].Id);
System.debug(Limits.getQueryRows());
Integer linked = 0;
for (ResyncController.Entity entity : table.entities) linked += entity.linkedRecords;
System.debug(linked);`,
    );
    console.log(
        `  Data Resync screen (getEntities): ${screenRows} query rows of 50,000 for ${linked} linked records ` +
            `(${links} link pages)`,
    );
    const summed = org.store.query('SELECT SUM(LinkCount__c) n FROM RecordLinkPage__c').rows[0]?.n;
    if (Number(linked) !== Number(summed))
        failures.push(`the screen counts ${linked} linked records, the link pages ${Number(summed)}`);
    mkdirSync(dirname(jsonFile), { recursive: true });
    writeFileSync(
        jsonFile,
        JSON.stringify(
            {
                records,
                batch,
                runs: results,
                bookkeeping: { links, journal, errors },
                screen: { queryRows: Number(screenRows), linked: Number(linked) },
            },
            null,
            2,
        ) + '\n',
    );
    console.log(`  figures written to ${jsonFile}`);
    if (failures.length > 0) {
        console.log(`FAIL: ${failures.join('; ')}`);
        process.exitCode = 1;
    }
}

main();
