/**
 * 100,000 Contacts inserted through Apex DML (10,000 per transaction, the DML-row limit) under 10 Accounts, then
 * read back with `Account.Name` (one query per Account, within the 50,000 query-rows limit). Prints time and peak memory.
 *
 * Usage: node offline-org/dist/bench/apex-dml-scale.js [--rows=100000]
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beginOrgTransaction, endOrgTransaction, openOrg } from '../src/org/open-org.js';
import type { OfflineOrg } from '../src/org/open-org.js';

const rowsArg = process.argv.find((a) => a.startsWith('--rows='));
const total = rowsArg ? Number(rowsArg.slice('--rows='.length)) : 100_000;
const chunk = 10_000;
const chunks = Math.ceil(total / chunk);

let peakRss = 0;
let peakHeap = 0;
function sample(): void {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
}

function run(org: OfflineOrg, source: string): string[] {
    beginOrgTransaction(org);
    let ok = false;
    try {
        org.rt.runAnonymous('bench.apex', source);
        ok = true;
    } finally {
        endOrgTransaction(org, ok);
        sample();
    }
    return org.rt.tx.debug.map((d) => d.message);
}

const root = mkdtempSync(join(tmpdir(), 'apex-dml-scale-'));
mkdirSync(join(root, 'classes'));
const org = openOrg([root]);

let started = performance.now();
run(
    org,
    `List<Account> accounts = new List<Account>();
for (Integer k = 0; k < ${chunks}; k++) accounts.add(new Account(Name = 'Account ' + k));
insert accounts;`,
);
for (let k = 0; k < chunks; k++) {
    const n = Math.min(chunk, total - k * chunk);
    run(
        org,
        `Account parent = [SELECT Id FROM Account WHERE Name = 'Account ${k}'];
List<Contact> contacts = new List<Contact>();
for (Integer i = 0; i < ${n}; i++) contacts.add(new Contact(LastName = 'C' + i, AccountId = parent.Id));
insert contacts;`,
    );
}
const insertMs = performance.now() - started;

started = performance.now();
let read = 0;
for (let k = 0; k < chunks; k++) {
    const out = run(
        org,
        `Integer named = 0;
for (Contact c : [SELECT LastName, Account.Name FROM Contact WHERE Account.Name = 'Account ${k}']) {
  if (c.Account.Name != null) named++;
}
System.debug(named);`,
    );
    read += Number(out[out.length - 1]);
}
const queryMs = performance.now() - started;

const mb = (b: number): string => `${Math.round(b / 1024 / 1024)} MB`;
console.log(`inserted ${total} Contacts through Apex DML in ${chunks} transactions: ${(insertMs / 1000).toFixed(1)} s`);
console.log(`queried ${read} back with Account.Name: ${(queryMs / 1000).toFixed(1)} s`);
console.log(`peak rss ${mb(peakRss)}, peak heapUsed ${mb(peakHeap)}`);
if (read !== total) process.exitCode = 1;
