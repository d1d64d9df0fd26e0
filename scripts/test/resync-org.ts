/**
 * The package's own org (force-app) on the offline org, with a target org attached through the REST face (through the
 * offline org's public entry, as any project would use it), driven like a real org: an
 * anonymous block commits, then the scheduler runs the chain of queueables (delays skipped on the org's clock).
 * Builds the data set of the end-to-end runs and reads both orgs back to compare them.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { attachTargetOrg, drainQueue, openOrg, runAnonymousBlock } from '../../offline-org/src/index.js';
import type { AttachedTarget, AttachOptions, DrainOutcome, OfflineOrg, Row } from '../../offline-org/src/index.js';
import { repoRoot } from '../lib/project.js';

export const PACKAGE_DIR = join(repoRoot, 'force-app');
export const CREDENTIAL = 'Resync_Target';
export const HOUR = 60 * 60 * 1000;

export const ACCOUNT_FIELDS = ['Name', 'Industry', 'AnnualRevenue', 'Website', 'Description'];
export const CONTACT_FIELDS = ['FirstName', 'LastName', 'Email', 'Birthdate', 'HasOptedOutOfEmail'];

/** A field value of a row as text (a query row's values are storage values, parents or child lists). */
export function text(value: unknown): string {
    if (value === null || value === undefined) return '';
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return JSON.stringify(value);
}

export interface ResyncOrg {
    org: OfflineOrg;
    target: AttachedTarget;
    /** Runs anonymous Apex (committed); fails the test on an unhandled exception; returns its debug messages. */
    apex(source: string): string[];
    /** Runs the queue up to `ms` from now on the org's clock. */
    drain(ms?: number): DrainOutcome;
    /** Source rows (system mode). */
    source(soql: string): Row[];
    /** Target rows (system mode). */
    targetRows(soql: string): Row[];
}

/**
 * The package's org with a target attached. `extraDirs` add metadata of the subscriber org (for example a
 * `sharingModel` of a standard object) beside the package.
 */
export function openResyncOrg(options: AttachOptions = {}, extraDirs: string[] = []): ResyncOrg {
    const org = openOrg([PACKAGE_DIR, ...extraDirs]);
    const target = attachTargetOrg(org, CREDENTIAL, options);
    return {
        org,
        target,
        apex(source) {
            const out = runAnonymousBlock(org, 'test.apex', source);
            assert.equal(out.error, null, `anonymous Apex failed: ${out.error ?? ''}`);
            return out.debug.map((d) => d.message);
        },
        drain(ms = 24 * HOUR) {
            return drainQueue(org, org.clock.now() + ms);
        },
        source: (soql) => org.store.query(soql).rows,
        targetRows: (soql) => target.org.store.query(soql).rows,
    };
}

/**
 * Anonymous Apex creating the source data (4 parent Accounts, 12 children under them through ParentId, 24
 * Contacts of the children, every fifth reporting to the first), the target and its object settings.
 */
export function dataSetApex(batch: { account: number; contact: number }): string {
    return `
List<Account> parents = new List<Account>();
for (Integer i = 0; i < 4; i++) {
    parents.add(new Account(Name = 'Parent ' + i, Industry = 'Energy', AnnualRevenue = 125000 * (i + 1),
        Website = 'https://p' + i + '.example', Description = 'Parent number ' + i));
}
insert parents;
List<Account> children = new List<Account>();
for (Integer i = 0; i < 12; i++) {
    children.add(new Account(Name = 'Child ' + i, ParentId = parents[Math.mod(i, 4)].Id, Industry = 'Retail'));
}
insert children;
List<Contact> contacts = new List<Contact>();
for (Integer i = 0; i < 24; i++) {
    contacts.add(new Contact(FirstName = 'Ada', LastName = 'Contact ' + i, Email = 'c' + i + '@example.org',
        AccountId = children[Math.mod(i, 12)].Id, Birthdate = Date.newInstance(1980 + i, 1 + Math.mod(i, 12), 3),
        HasOptedOutOfEmail = Math.mod(i, 2) == 0));
}
insert contacts;
List<Contact> reporting = new List<Contact>();
for (Integer i = 5; i < 24; i += 5) {
    reporting.add(new Contact(Id = contacts[i].Id, ReportsToId = contacts[0].Id));
}
update reporting;
SyncTarget__c target = new SyncTarget__c(Name = 'Sandbox', NamedCredential__c = '${CREDENTIAL}', ApiVersion__c = '66.0',
    Active__c = true);
insert target;
insert new List<ObjectSetting__c>{
    new ObjectSetting__c(Target__c = target.Id, ObjectApiName__c = 'Account', Enabled__c = true, InsertAllowed__c = true,
        UpdateAllowed__c = true, MatchingMode__c = 'RecordLinks', BatchSize__c = ${batch.account}),
    new ObjectSetting__c(Target__c = target.Id, ObjectApiName__c = 'Contact', Enabled__c = true, InsertAllowed__c = true,
        UpdateAllowed__c = true, MatchingMode__c = 'RecordLinks', BatchSize__c = ${batch.contact})
};
`;
}

/** Anonymous Apex starting a run of Account and Contact on the test target; prints the run's Id. */
export function startRunApex(mode: string): string {
    return `
SyncTarget__c target = [SELECT Id FROM SyncTarget__c WHERE NamedCredential__c = '${CREDENTIAL}' LIMIT 1];
System.debug(RunStarter.start(target.Id, '${mode}', new List<String>{ 'Account', 'Contact' }, null, 'User'));
`;
}

/** The run's row. */
export function runRow(h: ResyncOrg, runId: string): Row {
    const rows = h.source(
        `SELECT State__c, StateReason__c, Inserted__c, Updated__c, Unchanged__c, Failed__c FROM SyncRun__c WHERE Id = '${runId}'`,
    );
    assert.equal(rows.length, 1);
    return rows[0];
}

/** The run's objects by name. */
export function runObjects(h: ResyncOrg, runId: string): Map<string, Row> {
    const rows = h.source(
        `SELECT ObjectApiName__c, State__c, Inserted__c, Updated__c, Unchanged__c, Failed__c, Deferred__c FROM RunObject__c WHERE Run__c = '${runId}'`,
    );
    return new Map(rows.map((r) => [text(r.ObjectApiName__c), r]));
}

function byKey(rows: Row[], key: string, what: string): Map<string, Row> {
    const out = new Map<string, Row>();
    for (const r of rows) {
        const k = text(r[key]);
        assert.ok(!out.has(k), `${what} "${k}" is in the target more than once`);
        out.set(k, r);
    }
    return out;
}

/**
 * The target holds every source Account and Contact exactly once (matched by their unique names), with equal values,
 * and its lookups (ParentId, AccountId, ReportsToId) point to the target records of the source's parents.
 */
export function assertMirrored(h: ResyncOrg): void {
    const fieldsA = ACCOUNT_FIELDS.join(', ');
    const fieldsC = CONTACT_FIELDS.join(', ');
    const srcAccounts = h.source(`SELECT Id, ParentId, ${fieldsA} FROM Account`);
    const tgtAccounts = h.targetRows(`SELECT Id, ParentId, ${fieldsA} FROM Account`);
    const srcContacts = h.source(`SELECT Id, AccountId, ReportsToId, ${fieldsC} FROM Contact`);
    const tgtContacts = h.targetRows(`SELECT Id, AccountId, ReportsToId, ${fieldsC} FROM Contact`);
    assert.equal(tgtAccounts.length, srcAccounts.length, 'as many Accounts in the target as in the source');
    assert.equal(tgtContacts.length, srcContacts.length, 'as many Contacts in the target as in the source');
    const tgtAccountByName = byKey(tgtAccounts, 'Name', 'Account');
    const tgtContactByName = byKey(tgtContacts, 'LastName', 'Contact');
    const srcNameOfAccount = new Map(srcAccounts.map((a) => [text(a.Id), text(a.Name)]));
    const srcNameOfContact = new Map(srcContacts.map((c) => [text(c.Id), text(c.LastName)]));
    const targetIdOf = (byName: Map<string, Row>, names: Map<string, string>, sourceId: unknown): unknown =>
        sourceId === null ? null : byName.get(names.get(text(sourceId)) ?? '')?.Id;
    for (const a of srcAccounts) {
        const t = tgtAccountByName.get(text(a.Name));
        assert.ok(t, `Account ${text(a.Name)} is in the target`);
        for (const f of ACCOUNT_FIELDS) assert.deepEqual(t[f], a[f], `Account ${text(a.Name)}.${f}`);
        assert.equal(
            t.ParentId,
            targetIdOf(tgtAccountByName, srcNameOfAccount, a.ParentId),
            `${text(a.Name)}.ParentId`,
        );
    }
    for (const c of srcContacts) {
        const t = tgtContactByName.get(text(c.LastName));
        assert.ok(t, `Contact ${text(c.LastName)} is in the target`);
        for (const f of CONTACT_FIELDS) assert.deepEqual(t[f], c[f], `Contact ${text(c.LastName)}.${f}`);
        assert.equal(t.AccountId, targetIdOf(tgtAccountByName, srcNameOfAccount, c.AccountId), 'Contact.AccountId');
        assert.equal(
            t.ReportsToId,
            targetIdOf(tgtContactByName, srcNameOfContact, c.ReportsToId),
            'Contact.ReportsToId',
        );
    }
}
