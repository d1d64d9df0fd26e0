/**
 * The async engine connected to the org: queueables with chaining and finalizers, @future, batches over the store's
 * cursors (Database.Stateful), schedules, platform events, AsyncApexJob rows in SOQL, Test.startTest/stopTest.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApexThrow } from '../../src/apex/runtime/values.js';
import { openOrg, orgTestHooks } from '../../src/org/open-org.js';
import { runCommitted } from '../support/run-committed.js';
import { runTests } from '../../src/testing/test-runner.js';

const CLASSES: Record<string, string> = {
    'Chain.cls': `public class Chain implements Queueable {
  public Integer n;
  public Chain(Integer n) { this.n = n; }
  public void execute(QueueableContext c) {
    insert new Account(Name = 'chain ' + n);
    System.debug('chain ' + n + ' depth ' + AsyncInfo.getCurrentQueueableStackDepth());
    if (n == 2) System.attachFinalizer(new Fin());
    if (n < 3) System.enqueueJob(new Chain(n + 1));
  }
}`,
    'Boom.cls': `public class Boom implements Queueable {
  public void execute(QueueableContext c) { System.attachFinalizer(new Fin()); insert new Account(Name = 'lost'); Integer x = 1 / 0; }
}`,
    'Fin.cls': `public class Fin implements Finalizer {
  public void execute(FinalizerContext c) {
    System.debug('finalizer ' + c.getResult() + ' ' + (c.getException() == null ? 'none' : c.getException().getMessage()));
  }
}`,
    'Later.cls': `public class Later {
  @future public static void work(String s) { insert new Account(Name = 'future ' + s); System.debug('future ' + s); }
}`,
    'Sweep.cls': `public class Sweep implements Database.Batchable<SObject>, Database.Stateful {
  public Integer seen = 0;
  public Integer chunks = 0;
  public Database.QueryLocator start(Database.BatchableContext c) { return Database.getQueryLocator('SELECT Id, Name FROM Account ORDER BY Name'); }
  public void execute(Database.BatchableContext c, List<Account> scope) { seen += scope.size(); chunks++; }
  public void finish(Database.BatchableContext c) { System.debug('swept ' + seen + ' in ' + chunks); }
}`,
    'Nightly.cls': `public class Nightly implements Schedulable {
  public void execute(SchedulableContext c) { System.debug('nightly ' + (c.getTriggerId() != null)); }
}`,
    'Counter.cls': `public class Counter implements Queueable {
  public static Integer seen = 0;
  public void execute(QueueableContext c) { seen = seen * 10 + 1; }
}`,
    'AsyncTest.cls': `@isTest
private class AsyncTest {
  @isTest static void asyncCodeRunByStopTestSharesTheTestsStatics() {
    Counter.seen = 4;
    Test.startTest();
    System.enqueueJob(new Counter());
    Test.stopTest();
    Assert.areEqual(41, Counter.seen, 'the queueable saw 4 and the test sees what it set');
  }
  @isTest static void queueableRunsAtStopTest() {
    Test.startTest();
    Id jobId = System.enqueueJob(new Chain(1));
    Assert.areEqual(0, [SELECT COUNT() FROM Account]);
    Test.stopTest();
    Assert.areEqual(1, [SELECT COUNT() FROM Account WHERE Name = 'chain 1']);
    AsyncApexJob j = [SELECT Status, JobType, ApexClass.Name FROM AsyncApexJob WHERE Id = :jobId];
    Assert.areEqual('Completed', j.Status);
    Assert.areEqual('Queueable', j.JobType);
    Assert.areEqual('Chain', j.ApexClass.Name);
  }
  @isTest static void futureAndBatch() {
    insert new List<Account>{ new Account(Name = 'a'), new Account(Name = 'b'), new Account(Name = 'c') };
    Test.startTest();
    Later.work('x');
    Assert.areEqual(1, Limits.getFutureCalls());
    Id batchId = Database.executeBatch(new Sweep());
    Test.stopTest();
    Assert.areEqual(1, [SELECT COUNT() FROM Account WHERE Name = 'future x']);
    AsyncApexJob b = [SELECT Status, JobItemsProcessed, TotalJobItems FROM AsyncApexJob WHERE Id = :batchId];
    Assert.areEqual('Completed', b.Status);
    Assert.areEqual(1, b.TotalJobItems);
  }
  @isTest static void failingQueueableRollsBackAndRunsItsFinalizer() {
    Test.startTest();
    Id jobId = System.enqueueJob(new Boom());
    Test.stopTest();
    Assert.areEqual(0, [SELECT COUNT() FROM Account WHERE Name = 'lost']);
    AsyncApexJob j = [SELECT Status, ExtendedStatus FROM AsyncApexJob WHERE Id = :jobId];
    Assert.areEqual('Failed', j.Status);
  }
  @isTest static void scheduleAndAbort() {
    Test.startTest();
    Id triggerId = System.schedule('nightly', '0 0 2 * * ?', new Nightly());
    CronTrigger ct = [SELECT CronExpression, State FROM CronTrigger WHERE Id = :triggerId];
    Assert.areEqual('0 0 2 * * ?', ct.CronExpression);
    Test.stopTest();
    System.abortJob(triggerId);
    CronTrigger after = [SELECT State FROM CronTrigger WHERE Id = :triggerId];
    Assert.areEqual('DELETED', after.State);
  }
  @isTest static void aJobRunsAsTheUserWhoEnqueuedIt() {
    User u = new User(Alias = 'enq', Email = 'enq@example.com', EmailEncodingKey = 'UTF-8', LastName = 'Enqueuer',
      LanguageLocaleKey = 'en_US', LocaleSidKey = 'en_US', TimeZoneSidKey = 'Europe/London',
      Username = 'enq@example.com.test', ProfileId = [SELECT Id FROM Profile WHERE Name = 'System Administrator'].Id);
    insert u;
    Test.startTest();
    System.runAs(u) { System.enqueueJob(new Chain(3)); }
    Test.stopTest();
    Assert.areEqual(u.Id, [SELECT CreatedById FROM Account WHERE Name = 'chain 3'].CreatedById);
    Assert.areNotEqual(u.Id, UserInfo.getUserId(), 'the test itself is back to its own user');
  }
  @isTest static void tooManyQueueables() {
    for (Integer i = 0; i < 50; i++) System.enqueueJob(new Chain(9));
    try { System.enqueueJob(new Chain(9)); Assert.fail('no limit'); } catch (Exception e) { Assert.fail('LimitException must not be catchable'); }
  }
}`,
};

function project(): string {
    const root = mkdtempSync(join(tmpdir(), 'org-async-'));
    mkdirSync(join(root, 'classes'), { recursive: true });
    for (const [file, text] of Object.entries(CLASSES)) writeFileSync(join(root, 'classes', file), text);
    return root;
}

const run = runCommitted;

test('Apex tests: stopTest runs queueables, futures, batches and schedules; rows are visible to SOQL', () => {
    const org = openOrg([project()]);
    const results = runTests(org.rt, { tests: [], classNames: ['AsyncTest'] }, orgTestHooks(org));
    const byName = new Map(results.map((r) => [r.methodName, r]));
    for (const name of [
        'asyncCodeRunByStopTestSharesTheTestsStatics',
        'queueableRunsAtStopTest',
        'futureAndBatch',
        'failingQueueableRollsBackAndRunsItsFinalizer',
        'scheduleAndAbort',
        'aJobRunsAsTheUserWhoEnqueuedIt',
    ]) {
        assert.equal(byName.get(name)?.outcome, 'Pass', `${name}: ${byName.get(name)?.message ?? ''}`);
    }
    assert.equal(
        byName.get('tooManyQueueables')?.message,
        'System.LimitException: Too many queueable jobs added to the queue: 51',
    );
});

test('apex run: committed work runs afterwards in order, chains and finalizers included; rollback drops it', () => {
    const org = openOrg([project()]);
    assert.deepEqual(run(org, `System.enqueueJob(new Chain(1)); Later.work('y'); System.debug('queued');`), ['queued']);
    assert.equal(org.platform.async.runQueued(), 4); // three queueables and a future; the finalizer is part of its job
    assert.deepEqual(
        org.platform.async.host.debug.map((d) => d.message),
        ['chain 1 depth 1', 'future y', 'chain 2 depth 2', 'finalizer SUCCESS none', 'chain 3 depth 3'],
    );
    const rows = run(
        org,
        `for (AsyncApexJob j : [SELECT JobType, Status, MethodName FROM AsyncApexJob ORDER BY CreatedDate]) System.debug(j.JobType + ' ' + j.Status);
System.debug([SELECT COUNT() FROM Account]);`,
    );
    assert.equal(rows.filter((r) => r === 'Queueable Completed').length, 3);
    assert.equal(rows.at(-1), '4');
    assert.throws(() => run(org, `System.enqueueJob(new Chain(7)); Integer z = 1 / 0;`), ApexThrow);
    assert.equal(org.platform.async.runQueued(), 0);
});

test('a failing queueable is rolled back; its finalizer sees the exception; a batch reads the store in scopes', () => {
    const org = openOrg([project()]);
    run(
        org,
        `List<Account> l = new List<Account>(); for (Integer i = 0; i < 5; i++) l.add(new Account(Name = 'n' + i)); insert l;
System.enqueueJob(new Boom()); Database.executeBatch(new Sweep(), 2);`,
    );
    org.platform.async.runQueued();
    assert.deepEqual(
        org.platform.async.host.debug.map((d) => d.message),
        ['finalizer UNHANDLED_EXCEPTION Divide by 0', 'swept 5 in 3'],
    );
    assert.deepEqual(run(org, `System.debug([SELECT COUNT() FROM Account WHERE Name = 'lost']);`), ['0']);
});
