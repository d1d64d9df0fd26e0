/**
 * The context objects handed to asynchronous Apex (QueueableContext, Database.BatchableContext, SchedulableContext,
 * FinalizerContext) and EventBus.publish. The async layer creates the contexts as
 * `new NativeObject('System.QueueableContext', { jobId })` etc. and runs the job through the Runtime.
 */
import { ApexList, IdValue, NativeObject, SObjectValue } from '../apex/runtime/values.js';
import type { Value } from '../apex/runtime/values.js';
import type { DmlRowResult } from '../apex/platform.js';
import type { Registry } from './registry.js';
import { BUILTIN_ENUMS } from '../apex/runtime/type-names.js';
import { EnumValue } from '../apex/runtime/values.js';

export interface AsyncContextState {
    jobId: string;
    childJobId?: string;
    /** FinalizerContext: 'SUCCESS' or 'UNHANDLED_EXCEPTION', and the exception if any. */
    result?: 'SUCCESS' | 'UNHANDLED_EXCEPTION';
    exception?: Value;
    requestId?: string;
}

const st = (v: Value): AsyncContextState => (v as NativeObject).state as AsyncContextState;
const id = (s: string | undefined): Value => (s ? new IdValue(s) : null);

export function registerAsyncContexts(reg: Registry): void {
    reg.instanceMethods('system.queueablecontext', { getjobid: (_rt, s) => id(st(s).jobId) });
    reg.instanceMethods('database.batchablecontext', {
        getjobid: (_rt, s) => id(st(s).jobId),
        getchildjobid: (_rt, s) => id(st(s).childJobId),
    });
    reg.instanceMethods('system.schedulablecontext', { gettriggerid: (_rt, s) => id(st(s).jobId) });
    reg.instanceMethods('system.finalizercontext', {
        getasyncapexjobid: (_rt, s) => id(st(s).jobId),
        getrequestid: (_rt, s) => st(s).requestId ?? null,
        getexception: (_rt, s) => st(s).exception ?? null,
        getresult: (_rt, s) => {
            const e = BUILTIN_ENUMS.get('system.parentjobresult')!;
            const name = st(s).result ?? 'SUCCESS';
            return new EnumValue(e.qualified, name, e.values.indexOf(name));
        },
    });
    reg.staticMethods('EventBus', {
        publish: (rt, a, pos) => {
            const v = a[0] ?? null;
            const events =
                v instanceof SObjectValue
                    ? [v]
                    : v instanceof ApexList
                      ? v.items.filter((x): x is SObjectValue => x instanceof SObjectValue)
                      : null;
            if (!events) return rt.npe();
            const results: DmlRowResult[] = rt.platform.publish(events, { limits: rt.tx.limits, pos });
            const objs = results.map((r) => new NativeObject('Database.SaveResult', r));
            return v instanceof SObjectValue
                ? objs[0]
                : new ApexList({ k: 'native', name: 'Database.SaveResult' }, objs);
        },
    });
}
