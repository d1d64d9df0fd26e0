import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PlatformException } from '../../src/async/platform-exception.js';
import { makeEngine } from './fake-host.js';
import type { FakeJob } from './fake-host.js';

const isPlatform = (type: string, message: string) => (e: unknown) =>
    e instanceof PlatformException && e.exceptionType === type && e.message === message;

test('a committed queueable gets a 707 Id and Queued status, runs in order, and completes', () => {
    const { engine, host } = makeEngine();
    engine.beginTransaction();
    const a = host.enqueueQueueable({ label: 'A' });
    const b = host.enqueueQueueable({ label: 'B' });
    assert.match(a, /^707[0-9A-Za-z]{15}$/);
    assert.equal(engine.job(a)?.Status, 'Queued');
    assert.equal(engine.job(a)?.JobType, 'Queueable');
    assert.equal(host.limits.used.queueableJobs, 2);
    assert.equal(engine.hasUncommittedWork(), true);
    engine.endTransaction(true);
    assert.deepEqual(
        engine.queued().map((r) => r.Id),
        [a, b],
    );
    assert.equal(engine.runDue(), 2);
    assert.deepEqual(host.log, ['queueable:A', 'queueable:B']);
    assert.equal(engine.job(a)?.Status, 'Completed');
    assert.notEqual(engine.job(a)?.CompletedDate, null);
});

test('rolled-back transactions drop their jobs', () => {
    const { engine, host } = makeEngine();
    engine.beginTransaction();
    const a = host.enqueueQueueable({ label: 'A' });
    engine.endTransaction(false);
    assert.equal(engine.job(a), undefined);
    assert.equal(engine.runDue(), 0);
});

test('the job is serialised when enqueued: later changes by the caller do not reach it', () => {
    const { engine, host } = makeEngine();
    engine.beginTransaction();
    const job: FakeJob = { label: 'before' };
    host.enqueueQueueable(job);
    job.label = 'after';
    engine.endTransaction(true);
    engine.runDue();
    assert.deepEqual(host.log, ['queueable:before']);
});

test('50 enqueueJob per synchronous transaction, 1 per asynchronous one', () => {
    const { engine, host } = makeEngine();
    engine.beginTransaction();
    for (let i = 0; i < 50; i++) host.enqueueQueueable({ label: `Q${i}` });
    assert.throws(
        () => host.enqueueQueueable({ label: 'too many' }),
        isPlatform('LimitException', 'Too many queueable jobs added to the queue: 51'),
    );
    engine.endTransaction(false);

    engine.beginTransaction();
    host.limits = { used: { queueableJobs: 0, futureCalls: 0 } };
    let caught: unknown = null;
    host.enqueueQueueable({
        label: 'parent',
        action: (_s, h) => {
            h.enqueueQueueable({ label: 'child1' });
            try {
                h.enqueueQueueable({ label: 'child2' });
            } catch (e) {
                caught = e;
                throw e;
            }
        },
    });
    engine.endTransaction(true);
    engine.runDue();
    assert.ok(isPlatform('LimitException', 'Too many queueable jobs added to the queue: 2')(caught));
    // The parent failed, so its chained child was rolled back with it.
    assert.deepEqual(host.log, ['queueable:parent']);
    assert.equal(engine.jobs().find((j) => j.ApexClassName === 'parent')?.Status, 'Failed');
    assert.equal(
        engine.jobs().some((j) => j.ApexClassName === 'child1'),
        false,
    );
});

test('chaining: each link runs in its own transaction with the parent as ParentJobId and a growing depth', () => {
    const { engine, host } = makeEngine();
    const depths: number[] = [];
    const link = (n: number): FakeJob => ({
        label: `L${n}`,
        action: (_s, h) => {
            depths.push(engine.currentStackDepth());
            if (n < 4) h.enqueueQueueable(link(n + 1));
        },
    });
    engine.beginTransaction();
    const first = host.enqueueQueueable(link(1));
    engine.endTransaction(true);
    engine.runDue();
    assert.deepEqual(host.log, ['queueable:L1', 'queueable:L2', 'queueable:L3', 'queueable:L4']);
    assert.deepEqual(depths, [1, 2, 3, 4]);
    const second = engine.jobs().find((j) => j.ApexClassName === 'L2');
    assert.equal(second?.ParentJobId, first);
});

test('MaximumQueueableStackDepth and the org default cap the chain', () => {
    for (const [options, orgDefault] of [
        [{ maximumQueueableStackDepth: 2 }, undefined],
        [undefined, 2],
    ] as const) {
        const { engine, host } = makeEngine({ defaultMaxStackDepth: orgDefault });
        const errors: unknown[] = [];
        const link = (n: number): FakeJob => ({
            label: `L${n}`,
            action: (_s, h) => {
                try {
                    h.enqueueQueueable(link(n + 1));
                } catch (e) {
                    errors.push(e);
                }
            },
        });
        engine.beginTransaction();
        host.enqueueQueueable(link(1), options);
        engine.endTransaction(true);
        engine.runDue();
        assert.deepEqual(host.log, ['queueable:L1', 'queueable:L2']);
        assert.equal(errors.length, 1);
        assert.ok(isPlatform('AsyncException', 'Maximum stack depth has been reached.')(errors[0]));
    }
});

test('DuplicateSignature refuses a second active job with the same signature', () => {
    const { engine, host } = makeEngine();
    engine.beginTransaction();
    host.enqueueQueueable({ label: 'A' }, { duplicateSignature: 'sig' });
    assert.throws(
        () => host.enqueueQueueable({ label: 'B' }, { duplicateSignature: 'sig' }),
        (e: unknown) => e instanceof PlatformException && e.exceptionType === 'DuplicateMessageException',
    );
    engine.endTransaction(true);
    engine.beginTransaction();
    assert.throws(() => host.enqueueQueueable({ label: 'C' }, { duplicateSignature: 'sig' }));
    engine.endTransaction(false);
    engine.runDue();
    engine.beginTransaction();
    host.enqueueQueueable({ label: 'D' }, { duplicateSignature: 'sig' });
    engine.endTransaction(true);
});

test('MinimumQueueableDelayInMinutes delays the job on the scheduler clock', () => {
    const { engine, host, clock } = makeEngine();
    engine.beginTransaction();
    engine.enqueue(
        {
            kind: 'queueable',
            className: 'Late',
            payload: { label: 'Late' },
            options: { minimumQueueableDelayInMinutes: 5 },
        },
        host.limits,
    );
    host.enqueueQueueable({ label: 'Now' });
    engine.endTransaction(true);
    assert.equal(engine.runDue(), 1);
    assert.deepEqual(host.log, ['queueable:Now']);
    clock.advanceBy(5 * 60_000);
    assert.equal(engine.runDue(), 1);
    assert.throws(
        () => {
            engine.beginTransaction();
            try {
                engine.enqueue(
                    {
                        kind: 'queueable',
                        className: 'X',
                        payload: { label: 'X' },
                        options: { minimumQueueableDelayInMinutes: 11 },
                    },
                    host.limits,
                );
            } finally {
                engine.endTransaction(false);
            }
        },
        (e: unknown) => e instanceof PlatformException && e.exceptionType === 'InvalidParameterValueException',
    );
});

test('finalizers run after the job in their own transaction with SUCCESS or UNHANDLED_EXCEPTION', () => {
    const { engine, host } = makeEngine();
    const seen: unknown[] = [];
    const finalizer: FakeJob = {
        label: 'Fin',
        action: (step, h) => {
            if (step.kind === 'finalizer') seen.push(step.error);
            // A finalizer may enqueue one job (a retry): it starts a new chain.
            if (step.kind === 'finalizer' && step.result === 'UNHANDLED_EXCEPTION')
                h.enqueueQueueable({ label: 'Retry' });
        },
    };
    engine.beginTransaction();
    host.enqueueQueueable({ label: 'Ok', action: () => engine.attachFinalizer(finalizer) });
    host.enqueueQueueable({
        label: 'Boom',
        action: () => {
            engine.attachFinalizer(finalizer);
            assert.throws(
                () => engine.attachFinalizer(finalizer),
                (e: unknown) => e instanceof PlatformException,
            );
            host.enqueueQueueable({ label: 'RolledBack' });
            throw new Error('boom');
        },
    });
    engine.endTransaction(true);
    engine.runDue();
    assert.deepEqual(host.log, [
        'queueable:Ok',
        'finalizer:Fin:SUCCESS',
        'queueable:Boom',
        'finalizer:Fin:UNHANDLED_EXCEPTION',
        'queueable:Retry',
    ]);
    assert.equal(seen[0], null);
    assert.equal((seen[1] as Error).message, 'boom');
    const boom = engine.jobs().find((j) => j.ApexClassName === 'Boom');
    assert.equal(boom?.Status, 'Failed');
    assert.equal(boom?.ExtendedStatus, 'boom');
    assert.equal(boom?.NumberOfErrors, 1);
});

test('attachFinalizer outside a queueable is refused', () => {
    const { engine } = makeEngine();
    engine.beginTransaction();
    assert.throws(
        () => engine.attachFinalizer({ label: 'F' }),
        (e: unknown) => e instanceof PlatformException && e.exceptionType === 'AsyncException',
    );
    engine.endTransaction(false);
});

test('future calls: Future job type, 50 per transaction, refused from a future method', () => {
    const { engine, host } = makeEngine();
    engine.beginTransaction();
    const id = engine.enqueue(
        {
            kind: 'future',
            className: 'Svc',
            methodName: 'doIt',
            payload: {
                label: 'f1',
                action: (_s, h) => {
                    assert.throws(
                        () =>
                            engine.enqueue(
                                { kind: 'future', className: 'Svc', methodName: 'again', payload: { label: 'f2' } },
                                h.limits,
                            ),
                        isPlatform(
                            'AsyncException',
                            'Future method cannot be called from a future or batch method: Svc.again',
                        ),
                    );
                },
            },
        },
        host.limits,
    );
    assert.equal(engine.job(id)?.JobType, 'Future');
    assert.equal(engine.job(id)?.MethodName, 'doIt');
    for (let i = 1; i < 50; i++)
        engine.enqueue({ kind: 'future', className: 'Svc', methodName: 'm', payload: { label: 'n' } }, host.limits);
    assert.throws(
        () =>
            engine.enqueue({ kind: 'future', className: 'Svc', methodName: 'm', payload: { label: 'n' } }, host.limits),
        isPlatform('LimitException', 'Too many future calls: 51'),
    );
    engine.endTransaction(true);
    engine.runDue();
    assert.equal(engine.job(id)?.Status, 'Completed');
});

test('abortJob removes a queued job; unknown Ids are refused loudly', () => {
    const { engine, host } = makeEngine();
    engine.beginTransaction();
    const a = host.enqueueQueueable({ label: 'A' });
    engine.endTransaction(true);
    engine.abort(a);
    assert.equal(engine.job(a)?.Status, 'Aborted');
    assert.equal(engine.runDue(), 0);
    assert.throws(() => engine.abort('707000000000000AAA'), /not supported by the offline runtime/);
});

test('callout restrictions follow the running job', () => {
    const { engine, host } = makeEngine();
    const seen: (string | null)[] = [];
    engine.beginTransaction();
    assert.equal(engine.calloutRestriction(), null);
    engine.enqueue(
        {
            kind: 'future',
            className: 'S',
            methodName: 'm',
            payload: { label: 'f', action: () => seen.push(engine.calloutRestriction()) },
        },
        host.limits,
    );
    engine.enqueue(
        {
            kind: 'future',
            className: 'S',
            methodName: 'm',
            allowsCallouts: true,
            payload: { label: 'g', action: () => seen.push(engine.calloutRestriction()) },
        },
        host.limits,
    );
    engine.endTransaction(true);
    engine.runDue();
    assert.match(seen[0] ?? '', /^Callout not allowed from this future method/);
    assert.equal(seen[1], null);
});
