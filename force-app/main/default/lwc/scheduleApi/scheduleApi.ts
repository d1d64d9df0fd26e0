/**
 * The one typed module through which components call `ScheduleController`.
 */
import listSchedulesApex from '@salesforce/apex/ScheduleController.listSchedules';
import createScheduleApex from '@salesforce/apex/ScheduleController.createSchedule';
import pauseScheduleApex from '@salesforce/apex/ScheduleController.pauseSchedule';
import resumeScheduleApex from '@salesforce/apex/ScheduleController.resumeSchedule';
import deleteScheduleApex from '@salesforce/apex/ScheduleController.deleteSchedule';

export type ScheduleInfo = Apex.ScheduleController.ScheduleInfo;

/**
 * The schedules of a target.
 * @param targetId the target
 */
export function listSchedules(targetId: string): Promise<ScheduleInfo[]> {
    return listSchedulesApex({ targetId });
}

/**
 * Creates a schedule and its job.
 * @param targetId the target
 * @param mode FullResync or FailedMissedResync
 * @param objectNames the objects each fire resyncs
 * @param cronExpression when it fires
 */
export function createSchedule(
    targetId: string,
    mode: string,
    objectNames: string[],
    cronExpression: string,
): Promise<ScheduleInfo> {
    return createScheduleApex({ targetId, mode, objectNames, cronExpression });
}

/**
 * Pauses a schedule (its job is removed).
 * @param scheduleId the schedule
 */
export function pauseSchedule(scheduleId: string): Promise<ScheduleInfo> {
    return pauseScheduleApex({ scheduleId });
}

/**
 * Resumes a paused schedule.
 * @param scheduleId the schedule
 */
export function resumeSchedule(scheduleId: string): Promise<ScheduleInfo> {
    return resumeScheduleApex({ scheduleId });
}

/**
 * Deletes a schedule and its job.
 * @param scheduleId the schedule
 */
export function deleteSchedule(scheduleId: string): Promise<void> {
    return deleteScheduleApex({ scheduleId });
}
