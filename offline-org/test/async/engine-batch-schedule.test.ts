import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PlatformException } from '../../src/async/platform-exception.js';
import { makeEngine } from './fake-host.js';
import type { FakeHost, FakeJob } from './fake-host.js';
import type { AsyncEngine } from '../../src/async/engine.js';

function executeBatch(
    engine: AsyncEngine<FakeJob>,
    host: FakeHost,
    job: FakeJob,
    scope?: number,
    stateful = false,
): string {
    return engine.enqueue(
        { kind: 'batch', className: job.label, payload: job, scope, stateful, queryLocator: true },
        host.limits,
    );
}

test('batch: start, one execute per scope, finish; counters on the job row', () => {
    const { engine, host } = makeEngine();
    engine.beginTransaction();
    const id = executeBatch(engine, host, { label: 'B', items: [1, 2, 3, 4, 5] }, 2);
    engine.endTransaction(true);
    assert.equal(engine.job(id)?.JobType, 'BatchApex');
    engine.runDue();
    assert.deepEqual(host.log, [
        'batchStart:B',
        'batchExecute:B:[1,2]',
        'batchExecute:B:[3,4]',
        'batchExecute:B:[5]',
        'batchFinish:B',
    ]);
    const row = engine.job(id);
    assert.equal(row?.Status, 'Completed');
    assert.equal(row?.TotalJobItems, 3);
    assert.equal(row?.JobItemsProcessed, 3);
    assert.equal(row?.NumberOfErrors, 0);
});

test('batch: the default scope is 200 and a QueryLocator scope is capped at 2,000', () => {
    const { engine, host } = makeEngine();
    const items = Array.from({ length: 4500 }, (_, i) => i);
    engine.beginTransaction();
    const a = executeBatch(engine, host, { label: 'D', items: items.slice(0, 450) });
    const b = executeBatch(engine, host, { label: 'C', items }, 5000);
    engine.endTransaction(true);
    engine.runDue();
    assert.equal(engine.job(a)?.TotalJobItems, 3);
    assert.equal(engine.job(b)?.TotalJobItems, 3);
    engine.beginTransaction();
    assert.throws(
        () => executeBatch(engine, host, { label: 'Z' }, 0),
        (e: unknown) => e instanceof PlatformException,
    );
    engine.endTransaction(false);
});

test('batch: Database.Stateful keeps state across executes; otherwise each execute sees the enqueued instance', () => {
    for (const stateful of [true, false]) {
        const { engine, host } = makeEngine();
        const counts: number[] = [];
        const job: FakeJob = {
            label: 'S',
            count: 0,
            items: [1, 2, 3],
            action: (step) => {
                if (step.kind === 'batchExecute') step.payload.count = (step.payload.count ?? 0) + 1;
                if (step.kind === 'batchFinish') counts.push(step.payload.count ?? -1);
            },
        };
        engine.beginTransaction();
        executeBatch(engine, host, job, 1, stateful);
        engine.endTransaction(true);
        engine.runDue();
        assert.deepEqual(counts, [stateful ? 3 : 0]);
    }
});

test('batch: a failing execute is counted and rolled back, the job goes on and completes', () => {
    const { engine, host } = makeEngine();
    const job: FakeJob = {
        label: 'E',
        count: 0,
        items: [1, 2, 3],
        action: (step) => {
            if (step.kind === 'batchExecute') {
                step.payload.count = (step.payload.count ?? 0) + 100;
                if (step.scope[0] === 2) throw new Error('bad row');
            }
            if (step.kind === 'batchFinish') host.log.push(`count=${step.payload.count}`);
        },
    };
    engine.beginTransaction();
    const id = executeBatch(engine, host, job, 1, true);
    engine.endTransaction(true);
    engine.runDue();
    const row = engine.job(id);
    assert.equal(row?.Status, 'Completed');
    assert.equal(row?.NumberOfErrors, 1);
    assert.equal(row?.ExtendedStatus, 'First error: bad row');
    // The failed execute's change to the stateful instance was not kept.
    assert.ok(host.log.includes('count=200'));
});

test('batch: a failing start fails the job without execute or finish', () => {
    const { engine, host } = makeEngine();
    engine.beginTransaction();
    const id = executeBatch(engine, host, {
        label: 'F',
        items: [1],
        action: (s) => {
            if (s.kind === 'batchStart') throw new Error('no start');
        },
    });
    engine.endTransaction(true);
    engine.runDue();
    assert.deepEqual(host.log, ['batchStart:F']);
    assert.equal(engine.job(id)?.Status, 'Failed');
});

test('batch: five run at once, more wait in the flex queue (Holding), and executeBatch is refused from execute', () => {
    const { engine, host } = makeEngine();
    engine.beginTransaction();
    const ids = Array.from({ length: 7 }, (_, i) => executeBatch(engine, host, { label: `B${i}`, items: [i] }));
    engine.endTransaction(true);
    assert.deepEqual(
        ids.map((id) => engine.job(id)?.Status),
        ['Queued', 'Queued', 'Queued', 'Queued', 'Queued', 'Holding', 'Holding'],
    );
    engine.runDue();
    assert.deepEqual(
        ids.map((id) => engine.job(id)?.Status),
        Array(7).fill('Completed'),
    );

    const errors: unknown[] = [];
    engine.beginTransaction();
    executeBatch(engine, host, {
        label: 'Outer',
        items: [1],
        action: (s, h) => {
            if (s.kind !== 'batchExecute' && s.kind !== 'batchFinish') return;
            try {
                executeBatch(engine, h, { label: `Inner-${s.kind}`, items: [] });
            } catch (e) {
                errors.push(e);
            }
        },
    });
    engine.endTransaction(true);
    engine.runDue();
    assert.equal(errors.length, 1);
    assert.equal(
        (errors[0] as Error).message,
        'Database.executeBatch cannot be called from a batch start, batch execute, or future method.',
    );
    assert.ok(host.log.includes('batchStart:Inner-batchFinish'), 'executeBatch from finish is allowed');
});

test('schedule: CronTrigger row, runs at each fire time on the virtual clock, abort stops it', () => {
    const { engine, host, clock } = makeEngine();
    engine.beginTransaction();
    const triggerId = engine.enqueue(
        {
            kind: 'schedule',
            className: 'Nightly',
            jobName: 'nightly',
            cronExpression: '0 0 2 * * ?',
            payload: { label: 'N' },
        },
        host.limits,
    );
    engine.endTransaction(true);
    assert.match(triggerId, /^08e/);
    const entry = engine.schedules.get(triggerId);
    assert.equal(entry?.trigger.State, 'WAITING');
    assert.equal(entry?.trigger.NextFireTime, Date.parse('2026-05-01T02:00:00Z'));
    assert.equal(entry?.detail.Name, 'nightly');
    assert.match(entry?.detail.Id ?? '', /^08a/);
    assert.equal(engine.job(entry?.jobId ?? '')?.JobType, 'ScheduledApex');

    const runs = engine.runUntilIdle(Date.parse('2026-05-03T12:00:00Z'));
    assert.equal(runs, 3);
    assert.equal(entry?.trigger.TimesTriggered, 3);
    assert.equal(entry?.trigger.PreviousFireTime, Date.parse('2026-05-03T02:00:00Z'));
    assert.equal(entry?.trigger.NextFireTime, Date.parse('2026-05-04T02:00:00Z'));
    assert.equal(clock.now(), Date.parse('2026-05-03T02:00:00Z'));

    engine.abort(triggerId);
    assert.equal(entry?.trigger.State, 'DELETED');
    assert.equal(engine.runUntilIdle(Date.parse('2026-06-01T00:00:00Z')), 0);
});

test('schedule: duplicate names, bad expressions and never-firing schedules are refused', () => {
    const { engine, host } = makeEngine();
    const schedule = (name: string, cron: string): string =>
        engine.enqueue(
            { kind: 'schedule', className: 'S', jobName: name, cronExpression: cron, payload: { label: name } },
            host.limits,
        );
    engine.beginTransaction();
    schedule('one', '0 0 2 * * ?');
    assert.throws(
        () => schedule('one', '0 0 3 * * ?'),
        (e: unknown) =>
            e instanceof PlatformException &&
            e.message === 'The Apex job named "one" is already scheduled for execution.',
    );
    assert.throws(
        () => schedule('two', '0 0 2 * *'),
        (e: unknown) => e instanceof PlatformException && e.exceptionType === 'StringException',
    );
    assert.throws(
        () => schedule('three', '0 0 0 1 1 ? 2020'),
        (e: unknown) =>
            e instanceof PlatformException &&
            e.message === 'Based on configured schedule, the given trigger will never fire.',
    );
    for (let i = 0; i < 99; i++) schedule(`n${i}`, '0 0 2 * * ?');
    assert.throws(
        () => schedule('over', '0 0 2 * * ?'),
        (e: unknown) =>
            e instanceof PlatformException &&
            e.message === 'You have exceeded the maximum number (100) of Apex scheduled jobs.',
    );
    engine.endTransaction(false);
    assert.equal(engine.schedules.all().length, 0, 'a rolled-back System.schedule leaves no CronTrigger');
});

test('a one-time schedule ends in State DELETED and its job Completed', () => {
    const { engine, host } = makeEngine();
    engine.beginTransaction();
    const id = engine.enqueue(
        {
            kind: 'schedule',
            className: 'Once',
            jobName: 'once',
            cronExpression: '0 0 5 1 5 ? 2026',
            payload: { label: 'O' },
        },
        host.limits,
    );
    engine.endTransaction(true);
    engine.runUntilIdle(Date.parse('2027-01-01T00:00:00Z'));
    const entry = engine.schedules.get(id);
    assert.equal(entry?.trigger.State, 'DELETED');
    assert.equal(entry?.trigger.NextFireTime, null);
    assert.equal(engine.job(entry?.jobId ?? '')?.Status, 'Completed');
});

test('Test.startTest/stopTest: runs work queued in the window synchronously; chained children stay queued', () => {
    const { engine, host } = makeEngine();
    engine.beginTransaction({ isTest: true });
    const before = host.enqueueQueueable({ label: 'Before' });
    engine.startTest();
    const q = host.enqueueQueueable({ label: 'Q', action: (_s, h) => h.enqueueQueueable({ label: 'Child' }) });
    engine.enqueue(
        {
            kind: 'schedule',
            className: 'S',
            jobName: 's',
            cronExpression: '0 0 2 1 1 ? 2030',
            payload: { label: 'Sched' },
        },
        host.limits,
    );
    executeBatch(engine, host, { label: 'B', items: [1, 2] });
    engine.enqueue({ kind: 'event', payload: { label: 'Evt' }, publishAfterCommit: true }, host.limits);
    engine.stopTest();
    assert.deepEqual(host.log, [
        'queueable:Q',
        'schedule:Sched',
        'batchStart:B',
        'batchExecute:B:[1,2]',
        'batchFinish:B',
        'event:Evt',
    ]);
    assert.equal(engine.job(q)?.Status, 'Completed');
    assert.equal(engine.job(before)?.Status, 'Queued');
    assert.equal(engine.jobs().find((j) => j.ApexClassName === 'Child')?.Status, 'Queued');
    engine.endTransaction(false);
    assert.equal(engine.jobs().length, 0, 'everything the test created is rolled back');
});

test('stopTest: a batch needing more than one execute fails as the platform does, and failures surface', () => {
    const { engine, host } = makeEngine();
    engine.beginTransaction({ isTest: true });
    engine.startTest();
    executeBatch(engine, host, { label: 'Big', items: [1, 2, 3] }, 2);
    assert.throws(
        () => engine.stopTest(),
        (e: unknown) =>
            e instanceof PlatformException &&
            e.exceptionType === 'UnexpectedException' &&
            e.message.startsWith('No more than one executeBatch can be called from within a test method.'),
    );
    engine.endTransaction(false);

    engine.beginTransaction({ isTest: true });
    engine.startTest();
    host.enqueueQueueable({
        label: 'Bad',
        action: () => {
            throw new Error('bad');
        },
    });
    assert.throws(() => engine.stopTest(), /bad/);
    engine.endTransaction(false);
});

test('tests may hold only 5 batches; events publish-immediately survive a rollback', () => {
    const { engine, host } = makeEngine();
    engine.beginTransaction({ isTest: true });
    for (let i = 0; i < 5; i++) executeBatch(engine, host, { label: `B${i}` });
    assert.throws(
        () => executeBatch(engine, host, { label: 'B6' }),
        (e: unknown) =>
            e instanceof PlatformException &&
            e.message === 'Attempted to schedule too many concurrent batch jobs in this org (limit is 5).',
    );
    engine.endTransaction(false);

    engine.beginTransaction();
    engine.enqueue({ kind: 'event', payload: { label: 'Now' }, publishAfterCommit: false }, host.limits);
    engine.enqueue({ kind: 'event', payload: { label: 'Later' }, publishAfterCommit: true }, host.limits);
    engine.endTransaction(false);
    engine.runDue();
    assert.deepEqual(host.log, ['event:Now']);
});
