import type { ScheduleInfo } from 'c/scheduleApi';
import { modeLabel } from 'c/runStates';
import { EMPTY } from 'c/resyncFormat';
import { LABELS } from './labels';

/** A preset cron expression. */
export interface CronPreset {
    label: string;
    value: string;
}

/** The presets of the cron field: Salesforce cron, seconds first. */
export const CRON_PRESETS: readonly CronPreset[] = [
    { label: LABELS.presetDaily, value: '0 0 2 * * ?' },
    { label: LABELS.presetHourly, value: '0 0 * * * ?' },
    { label: LABELS.presetWeekly, value: '0 0 3 ? * SUN' },
    { label: LABELS.presetWeekdays, value: '0 0 6 ? * MON-FRI' },
];

/** A row of the schedules table. */
export interface ScheduleRow {
    id: string;
    name: string;
    modeText: string;
    objectsText: string;
    cronExpression: string;
    description: string;
    timeZone: string;
    nextFireText: string;
    outcomeText: string;
    active: boolean;
    pauseLabel: string;
    resumeLabel: string;
    deleteLabel: string;
}

/**
 * The rows of the table.
 * @param schedules the target's schedules
 */
export function scheduleRows(schedules: ScheduleInfo[]): ScheduleRow[] {
    return schedules.map((schedule) => {
        const name = schedule.name ?? '';
        const outcome = schedule.lastOutcome
            ? `${schedule.lastOutcome}${schedule.lastOutcomeReason ? `: ${schedule.lastOutcomeReason}` : ''}`
            : EMPTY;
        return {
            id: schedule.id ?? '',
            name,
            modeText: modeLabel(schedule.mode),
            objectsText: (schedule.objectNames ?? []).join(', '),
            cronExpression: schedule.cronExpression ?? '',
            description: schedule.description ?? '',
            timeZone: schedule.timeZone ?? EMPTY,
            nextFireText: schedule.active === false ? LABELS.paused : (schedule.nextFireText ?? EMPTY),
            outcomeText: outcome,
            active: schedule.active === true,
            pauseLabel: `${LABELS.pause}: ${name}`,
            resumeLabel: `${LABELS.resume}: ${name}`,
            deleteLabel: `${LABELS.delete}: ${name}`,
        };
    });
}
