/**
 * Scheduled Apex: CronTrigger / CronJobDetail rows and the AsyncApexJob of each schedule, with fire-time
 * bookkeeping (TimesTriggered, PreviousFireTime, NextFireTime, State). A trigger with no further fire time ends in
 * State DELETED (our reading: a finished schedule disappears from the Scheduled Jobs page).
 */
import { nextFireTime, parseCron } from './cron.js';
import type { CronSchedule } from './cron.js';
import { MAX_SCHEDULED_JOBS } from './enqueue-rules.js';
import { raise } from './platform-exception.js';
import type { CronJobDetailRecord, CronTriggerRecord } from './records.js';
import { assertTimeZone } from '../time/time-zone.js';

export interface ScheduledEntry {
    trigger: CronTriggerRecord;
    detail: CronJobDetailRecord;
    schedule: CronSchedule;
    jobId: string;
    className: string;
    frozen: unknown;
}

export class ScheduleTable {
    private readonly entries = new Map<string, ScheduledEntry>();

    all(): ScheduledEntry[] {
        return [...this.entries.values()];
    }

    get(triggerId: string): ScheduledEntry | undefined {
        return this.entries.get(triggerId);
    }

    byJobId(jobId: string): ScheduledEntry | undefined {
        return this.all().find((e) => e.jobId === jobId);
    }

    /** Validates name, count and expression; returns the schedule and its first fire time. */
    validate(
        jobName: string,
        expression: string,
        timeZone: string,
        now: number,
    ): { schedule: CronSchedule; first: number } {
        const live = this.all().filter((e) => e.trigger.State !== 'DELETED');
        if (live.some((e) => e.detail.Name === jobName)) {
            raise('AsyncException', `The Apex job named "${jobName}" is already scheduled for execution.`);
        }
        if (live.length >= MAX_SCHEDULED_JOBS) {
            raise(
                'AsyncException',
                `You have exceeded the maximum number (${MAX_SCHEDULED_JOBS}) of Apex scheduled jobs.`,
            );
        }
        const schedule = parseCron(expression);
        assertTimeZone(timeZone);
        const first = nextFireTime(schedule, now, timeZone);
        if (first === null) raise('AsyncException', 'Based on configured schedule, the given trigger will never fire.');
        return { schedule, first };
    }

    add(entry: ScheduledEntry): void {
        this.entries.set(entry.trigger.Id, entry);
    }

    remove(triggerId: string): void {
        this.entries.delete(triggerId);
    }

    /** Waiting triggers due at `now`, earliest first. */
    due(now: number): ScheduledEntry[] {
        return this.all()
            .filter(
                (e) =>
                    e.trigger.State === 'WAITING' && e.trigger.NextFireTime !== null && e.trigger.NextFireTime <= now,
            )
            .sort((a, b) => (a.trigger.NextFireTime ?? 0) - (b.trigger.NextFireTime ?? 0));
    }

    nextDue(): number | null {
        const times = this.all()
            .filter((e) => e.trigger.State === 'WAITING' && e.trigger.NextFireTime !== null)
            .map((e) => e.trigger.NextFireTime ?? 0);
        return times.length === 0 ? null : Math.min(...times);
    }

    /** Records a firing at `firedAt` (the scheduled time) observed at `now`; returns the new State. */
    recordFire(entry: ScheduledEntry, firedAt: number, now: number): void {
        const t = entry.trigger;
        t.TimesTriggered++;
        t.PreviousFireTime = firedAt;
        t.NextFireTime = nextFireTime(entry.schedule, Math.max(firedAt, now), t.TimeZoneSidKey);
        t.State = t.NextFireTime === null ? 'DELETED' : 'WAITING';
        if (t.NextFireTime === null) t.EndTime = now;
    }
}
