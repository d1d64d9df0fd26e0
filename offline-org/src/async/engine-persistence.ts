/**
 * The async engine's committed work as plain data, for a host that keeps it across restarts: the queue (each job's
 * request without its payload, its AsyncApexJob row, ready time, chain depth and frozen payload) and the schedules.
 * AsyncEngine.exportState / importState delegate here.
 */
import type { EngineCore } from './engine-core.js';
import type { EnqueueRequest } from './host.js';
import type { AsyncApexJobRecord, CronJobDetailRecord, CronTriggerRecord } from './records.js';
import { parseCron } from './cron-parse.js';
import type { ScheduledEntry } from './schedule-table.js';

/** The engine's committed work as plain data (exportState / importState). */
export interface EngineState {
    seq: number;
    jobs: {
        seq: number;
        record: AsyncApexJobRecord;
        request: Record<string, unknown>;
        frozen: unknown;
        readyAt: number;
        depth: number;
        maxDepth: number | null;
        signature: string | null;
    }[];
    schedules: {
        trigger: CronTriggerRecord;
        detail: CronJobDetailRecord;
        jobId: string;
        className: string;
        frozen: unknown;
        record: AsyncApexJobRecord | null;
    }[];
    /** Who enqueued or scheduled each job, by AsyncApexJob Id (absent in states written before it was kept). */
    users?: Record<string, string>;
}

/** The committed queue and schedules, each frozen payload passed through `encode`; between transactions only. */
export function exportState<P>(core: EngineCore<P>, encode: (frozen: unknown) => unknown): EngineState {
    if (core.stack.length > 0) throw new Error('AsyncEngine.exportState inside an open transaction');
    const jobs = core.queue.map((q) => {
        const request: Record<string, unknown> = { ...q.request };
        delete request['payload'];
        return {
            seq: q.seq,
            record: { ...q.record },
            request,
            frozen: encode(q.frozen),
            readyAt: q.readyAt,
            depth: q.depth,
            maxDepth: q.maxDepth ?? null,
            signature: q.signature ?? null,
        };
    });
    const schedules = core.schedules.all().map((e) => ({
        trigger: { ...e.trigger },
        detail: { ...e.detail },
        jobId: e.jobId,
        className: e.className,
        frozen: encode(e.frozen),
        record: core.records.get(e.jobId) ? { ...core.records.get(e.jobId)! } : null,
    }));
    const kept = new Set([...jobs.map((j) => j.record.Id), ...schedules.map((s) => s.jobId)]);
    const users: Record<string, string> = {};
    for (const [jobId, userId] of core.jobUsers) if (kept.has(jobId)) users[jobId] = userId;
    return { seq: core.seq, jobs, schedules, users };
}

/** Takes up an exported state into an engine with no work; returns the number of jobs and schedules taken up. */
export function importState<P>(core: EngineCore<P>, state: EngineState, decode: (encoded: unknown) => unknown): number {
    if (core.queue.length > 0 || core.schedules.all().length > 0)
        throw new Error('AsyncEngine.importState into an engine that already has work');
    core.seq = Math.max(core.seq, state.seq);
    for (const [jobId, userId] of Object.entries(state.users ?? {})) core.jobUsers.set(jobId, userId);
    for (const j of state.jobs) {
        const frozen = decode(j.frozen);
        const request = { ...j.request, payload: null } as unknown as EnqueueRequest<P>;
        const record = { ...j.record };
        if (record.Id !== '') core.records.set(record.Id, record);
        core.queue.push({
            seq: j.seq,
            record,
            request,
            frozen,
            readyAt: j.readyAt,
            depth: j.depth,
            maxDepth: j.maxDepth ?? undefined,
            signature: j.signature ?? undefined,
            inTestWindow: false,
        });
    }
    for (const s of state.schedules) {
        const entry: ScheduledEntry = {
            trigger: { ...s.trigger },
            detail: { ...s.detail },
            schedule: parseCron(s.trigger.CronExpression),
            jobId: s.jobId,
            className: s.className,
            frozen: decode(s.frozen),
        };
        core.schedules.add(entry);
        if (s.record) core.records.set(s.record.Id, { ...s.record });
    }
    return state.jobs.length + state.schedules.length;
}
