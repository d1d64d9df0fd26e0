/**
 * System.enqueueJob (with a delay or AsyncOptions), System.abortJob, AsyncOptions, QueueableDuplicateSignature and
 * AsyncInfo. The limits and rules of enqueueing are the async layer's (reached through Platform.enqueue).
 */
import type { ApexHost } from './host.js';
import type { AsyncRequest } from '../apex/platform.js';
import { IdValue, NativeObject } from '../apex/runtime/values.js';
import type { Value } from '../apex/runtime/values.js';
import type { Registry } from './registry.js';

type Options = NonNullable<AsyncRequest['asyncOptions']>;

const opts = (s: Value): Options => (s as NativeObject).state as Options;
const parts = (s: Value): string[] => (s as NativeObject).state as string[];

function intArg(rt: ApexHost, v: Value | undefined): number | undefined {
    if (v === null || v === undefined) return undefined;
    return typeof v === 'number' ? v : rt.fail('TypeException', 'Invalid integer');
}

export function registerAsyncApex(reg: Registry): void {
    reg.staticMethods('System', {
        enqueuejob: (rt, a, pos) => {
            const req: AsyncRequest = { kind: 'queueable', job: a[0] ?? null };
            const second = a[1];
            if (typeof second === 'number') req.delayMinutes = second;
            else if (second instanceof NativeObject && second.typeName === 'System.AsyncOptions')
                req.asyncOptions = { ...opts(second) };
            else if (second !== undefined && second !== null)
                return rt.fail('TypeException', 'System.enqueueJob: invalid second argument');
            return new IdValue(rt.platform.enqueue(req, { limits: rt.tx.limits, pos }));
        },
        abortjob: (rt, a, pos) => {
            const id = a[0];
            if (id === null || id === undefined) return rt.npe();
            const text = id instanceof IdValue ? id.v : rt.stringOf(id);
            if (!rt.platform.abortJob) return rt.unsupported('System.abortJob', pos);
            rt.platform.abortJob(text, { limits: rt.tx.limits, pos });
            return null;
        },
    });
    reg.constructorOf('System.AsyncOptions', () => new NativeObject('System.AsyncOptions', {}));
    reg.instanceMethods('system.asyncoptions', {
        '.maximumqueueablestackdepth': (_rt, s) => opts(s).maximumQueueableStackDepth ?? null,
        '=maximumqueueablestackdepth': (rt, s, a) => {
            opts(s).maximumQueueableStackDepth = intArg(rt, a[0]);
            return null;
        },
        '.minimumqueueabledelayinminutes': (_rt, s) => opts(s).minimumQueueableDelayInMinutes ?? null,
        '=minimumqueueabledelayinminutes': (rt, s, a) => {
            opts(s).minimumQueueableDelayInMinutes = intArg(rt, a[0]);
            return null;
        },
        '.duplicatesignature': (_rt, s) => {
            const sig = opts(s).duplicateSignature;
            return sig === undefined ? null : new NativeObject('System.QueueableDuplicateSignature', [sig]);
        },
        '=duplicatesignature': (_rt, s, a) => {
            const sig = a[0];
            opts(s).duplicateSignature = sig instanceof NativeObject ? parts(sig).join('\u0000') : undefined;
            return null;
        },
    });
    // QueueableDuplicateSignature.Builder: addString / addInteger / addId / build.
    reg.constructorOf(
        'System.QueueableDuplicateSignature.Builder',
        () => new NativeObject('System.QueueableDuplicateSignature.Builder', []),
    );
    const add = (rt: ApexHost, s: Value, a: Value[]): Value => {
        parts(s).push(rt.stringOf(a[0] ?? null));
        return s;
    };
    reg.instanceMethods('system.queueableduplicatesignature.builder', {
        addstring: add,
        addinteger: add,
        addid: add,
        build: (_rt, s) => new NativeObject('System.QueueableDuplicateSignature', parts(s).slice()),
    });
    reg.staticMethods('AsyncInfo', {
        getcurrentqueueablestackdepth: (rt) => rt.platform.queueableStackDepth?.() ?? 0,
    });
}
