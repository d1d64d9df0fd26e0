/**
 * Whole Resync runs on the offline org: anonymous Apex creates the data and starts a run, the scheduler runs the
 * chain of RunJob queueables to its end (plan, chunks, deferred second pass, end; delays skipped on the org's clock),
 * and the REST face plays the target org. Then both orgs are compared record by record.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    assertMirrored,
    dataSetApex,
    HOUR,
    openResyncOrg,
    runObjects,
    runRow,
    startRunApex,
    text,
} from './resync-org.js';
import type { ResyncOrg } from './resync-org.js';

/**
 * A call that writes to the target: anything but a read (GET, an sObject Collections retrieve by POST, or a Composite
 * request of GETs only, such as planning's describes).
 */
function isWrite(c: { method: string; path: string; subrequests?: string[] }): boolean {
    if (c.method === 'GET' || /\/composite\/sobjects\/[A-Za-z0-9_]+$/.test(c.path.split('?')[0] ?? '')) return false;
    const parts = c.subrequests ?? [];
    return parts.length === 0 || !parts.every((part) => part.startsWith('GET '));
}

function start(h: ResyncOrg, mode: string): string {
    const [runId] = h.apex(startRunApex(mode));
    assert.match(runId, /^a\w{17}$/);
    return runId;
}

test('a Full Data Resync puts every Account and Contact in the target once, lookups rewritten, then Completed', () => {
    const h = openResyncOrg();
    h.apex(dataSetApex({ account: 5, contact: 10 }));
    const runId = start(h, 'FullResync');
    const drained = h.drain();
    assert.deepEqual(drained.errors, []);
    assertMirrored(h);
    const run = runRow(h, runId);
    assert.equal(run.State__c, 'Completed', text(run.StateReason__c));
    assert.equal(run.Inserted__c, 40);
    assert.equal(run.Failed__c, 0);
    const objects = runObjects(h, runId);
    assert.equal(objects.get('Account')?.State__c, 'Completed');
    assert.equal(objects.get('Account')?.Inserted__c, 16);
    // Chunks of five: the first holds the four parents and Child 0, whose parent is not linked yet when it is sent, so
    // it alone waits for the second pass; Children 1 to 11 follow their linked parents and get ParentId at once.
    assert.equal(objects.get('Account')?.Deferred__c, 1, 'only the child sent with its parent waited');
    assert.equal(objects.get('Contact')?.Inserted__c, 24);
    // Contact 5 reports to Contact 0 in the same chunk of ten; Contacts 10, 15 and 20 come after it is linked.
    assert.equal(objects.get('Contact')?.Deferred__c, 1, 'only the Contact sent with its manager waited');
    const calls = h.target.endpoint.calls().map((c) => `${c.method} ${c.path.split('?')[0]}`);
    const describes = h.target.endpoint
        .calls()
        .filter((c) => (c.subrequests ?? []).length > 0 && (c.subrequests ?? []).every((r) => r.endsWith('/describe')));
    assert.equal(describes.length, 1, 'both objects described in one Composite call when planning');
    assert.equal(describes[0]?.subrequests?.length, 2);
    assert.equal(calls.filter((c) => c.endsWith('/describe')).length, 0, 'no describe of its own');
    assert.ok(
        h.target.endpoint.calls().every((c) => c.status === 200),
        'every call answered 200 (no request the face refused)',
    );
    const active = h.source(`SELECT ActiveRun__c FROM SyncTarget__c`)[0];
    assert.equal(active.ActiveRun__c, null, 'the run released its target');
});

test('a Failed & Missed rerun after a complete run writes nothing; a changed Contact is then sent alone', () => {
    const h = openResyncOrg();
    h.apex(dataSetApex({ account: 200, contact: 200 }));
    start(h, 'FullResync');
    h.drain();
    const writesBefore = h.target.endpoint.calls().filter(isWrite).length;

    const rerun = start(h, 'FailedMissedResync');
    assert.deepEqual(h.drain().errors, []);
    const run = runRow(h, rerun);
    assert.equal(run.State__c, 'Completed');
    assert.deepEqual([run.Inserted__c, run.Updated__c, run.Failed__c], [0, 0, 0]);
    assert.equal(h.target.endpoint.calls().filter(isWrite).length, writesBefore, 'the rerun made no write call');

    h.apex(
        `update new Contact(Id = [SELECT Id FROM Contact WHERE LastName = 'Contact 7'].Id, Email = 'new@example.org');`,
    );
    const third = start(h, 'FailedMissedResync');
    h.drain();
    const changed = runRow(h, third);
    assert.equal(changed.State__c, 'Completed');
    assert.deepEqual([changed.Inserted__c, changed.Updated__c], [0, 1]);
    assert.equal(h.targetRows(`SELECT Email FROM Contact WHERE LastName = 'Contact 7'`)[0].Email, 'new@example.org');
    assertMirrored(h);
});

test('with 30% of record writes meeting a row lock, the first pass retries them and no record is written twice', () => {
    const h = openResyncOrg({ faults: { seed: 11, lockShare: 0.3 } });
    h.apex(dataSetApex({ account: 5, contact: 10 }));
    const runId = start(h, 'FullResync');
    assert.deepEqual(h.drain().errors, []);
    assert.ok(h.target.endpoint.faults.injected.locks > 5, 'row locks were injected');
    const objects = runObjects(h, runId);
    assert.equal(objects.get('Account')?.Inserted__c, 16);
    assert.equal(objects.get('Contact')?.Inserted__c, 24);
    assert.equal(objects.get('Contact')?.Failed__c, 0, 'no Contact failed: each lock was retried');
    assert.equal(h.target.org.store.query('SELECT COUNT() FROM Account').totalSize, 16, 'each Account once');
    assert.equal(h.target.org.store.query('SELECT COUNT() FROM Contact').totalSize, 24, 'each Contact once');
    assert.ok(h.org.clock.skips.length > 0, 'the retries waited their backoff on the org clock');
});

test('with 30% row locks the run still ends Completed with every lookup set', () => {
    const h = openResyncOrg({ faults: { seed: 11, lockShare: 0.3 } });
    h.apex(dataSetApex({ account: 5, contact: 10 }));
    const runId = start(h, 'FullResync');
    h.drain();
    assert.equal(runRow(h, runId).State__c, 'Completed', text(runRow(h, runId).StateReason__c));
    assertMirrored(h);
});

test('a storm of 503s fails the planning step three times; the finalizer enqueues it again until it succeeds', () => {
    const h = openResyncOrg();
    h.apex(dataSetApex({ account: 200, contact: 200 }));
    h.target.endpoint.faults.storm(3);
    const runId = start(h, 'FullResync');
    assert.deepEqual(h.drain().errors, []);
    const jobs = h.source(
        `SELECT Status, ExtendedStatus FROM AsyncApexJob WHERE ApexClass.Name = 'RunJob' ORDER BY CreatedDate`,
    );
    const failed = jobs.filter((j) => j.Status === 'Failed');
    assert.equal(failed.length, 3, 'three RunJob transactions failed');
    for (const j of failed) assert.match(text(j.ExtendedStatus), /^TargetException: The server is unavailable/);
    assert.equal(h.target.endpoint.calls(503).length, 3);
    assert.ok(h.org.clock.skips.length >= 3, 'each new try waited its backoff (a delayed queueable)');
    const run = runRow(h, runId);
    assert.equal(run.State__c, 'Completed');
    assert.equal(run.Inserted__c, 40);
    assertMirrored(h);
});

test('a target near its daily allowance pauses the run, checked every ten minutes, and it resumes when usage falls', () => {
    const h = openResyncOrg({ dailyAllowance: 1000, usedBefore: 893 });
    h.apex(dataSetApex({ account: 5, contact: 10 }));
    const runId = start(h, 'FullResync');
    h.drain(HOUR);
    const paused = runRow(h, runId);
    assert.equal(paused.State__c, 'Paused');
    assert.match(text(paused.StateReason__c), /used 90% of its daily API allowance \(threshold 90%\)/);
    const inserted = Number(paused.Inserted__c);
    assert.ok(inserted > 0 && inserted < 40, `some records were written before the pause (${inserted})`);
    const checks = h.target.endpoint.calls().filter((c) => c.path.includes('/limits'));
    assert.ok(checks.length >= 5, `the paused run checked /limits every ten minutes (${checks.length} in an hour)`);
    assert.equal(
        h.target.org.store.query('SELECT COUNT() FROM Contact').totalSize +
            h.target.org.store.query('SELECT COUNT() FROM Account').totalSize,
        inserted,
        'nothing written while paused',
    );

    h.target.endpoint.usage.reset();
    h.drain(HOUR);
    const resumed = runRow(h, runId);
    assert.equal(resumed.State__c, 'Completed');
    assert.equal(resumed.Inserted__c, 40);
    assertMirrored(h);
});

test('an integer field (Account.NumberOfEmployees, type int in the REST describe) reaches the target', () => {
    const h = openResyncOrg();
    h.apex(dataSetApex({ account: 200, contact: 200 }));
    h.apex(`update new Account(Id = [SELECT Id FROM Account WHERE Name = 'Parent 0'].Id, NumberOfEmployees = 42);`);
    start(h, 'FullResync');
    h.drain();
    assert.equal(
        h.targetRows(`SELECT NumberOfEmployees FROM Account WHERE Name = 'Parent 0'`)[0].NumberOfEmployees,
        42,
    );
});

test('in a Developer Edition org (chains capped at five jobs) a long run goes on through scheduled relays', () => {
    const h = openResyncOrg();
    h.org.platform.async.engine.setDefaultMaxStackDepth(5);
    h.apex(dataSetApex({ account: 3, contact: 4 }));
    const runId = start(h, 'FullResync');
    const drained = h.drain();
    assert.deepEqual(drained.errors, []);
    const run = runRow(h, runId);
    assert.equal(run.State__c, 'Completed', text(run.StateReason__c));
    assert.equal(run.Inserted__c, 40);
    assertMirrored(h);
    const relays = h.source(`SELECT Id FROM CronTrigger WHERE CronJobDetail.Name LIKE 'Resync chain relay%'`);
    assert.ok(relays.length >= 2, `the chain was carried on by relays (${relays.length})`);
    assert.equal(
        h.source(`SELECT Id FROM CronTrigger WHERE CronJobDetail.Name LIKE 'Resync chain relay%' AND State = 'WAITING'`)
            .length,
        0,
        'no relay is left waiting',
    );
});

test('a rolled-back Retry leaves its records failed again, so Failed & Missed sends them and the target mirrors', () => {
    const h = openResyncOrg({ faults: { seed: 5, lockShare: 0.3 } });
    h.apex(dataSetApex({ account: 5, contact: 10 }));
    h.apex(`update new SyncTarget__c(Id = [SELECT Id FROM SyncTarget__c LIMIT 1].Id, MaxTransientRetries__c = 0);`);
    const firstId = start(h, 'Execute');
    h.drain();
    const failed = Number(runRow(h, firstId).Failed__c);
    assert.ok(failed > 0, 'with no retries, row locks fail records');
    const before = h.target.org.store.query('SELECT COUNT() FROM Account').totalSize;
    h.target.endpoint.faults.lockShare = 0;
    const [retryId] = h.apex(`System.debug(RunActionController.retryRun('${firstId}', 'User'));`);
    h.drain();
    assert.equal(runRow(h, retryId).State__c, 'Completed', text(runRow(h, retryId).StateReason__c));
    assertMirrored(h);
    h.apex(`System.debug(RecoveryController.rollbackRun('${retryId}'));`);
    h.drain();
    assert.equal(h.target.org.store.query('SELECT COUNT() FROM Account').totalSize, before, 'the retry is undone');
    const failedMissedId = start(h, 'FailedMissedResync');
    h.drain();
    const run = runRow(h, failedMissedId);
    assert.equal(run.State__c, 'Completed', text(run.StateReason__c));
    assert.ok(Number(run.Inserted__c) + Number(run.Updated__c) > 0, 'the records the rollback undid are sent again');
    assertMirrored(h);
});
