/**
 * The one typed module through which components call `RetentionController`.
 */
import getRetentionApex from '@salesforce/apex/RetentionController.getRetention';
import setRetentionDaysApex from '@salesforce/apex/RetentionController.setRetentionDays';
import schedulePurgeApex from '@salesforce/apex/RetentionController.schedulePurge';
import unschedulePurgeApex from '@salesforce/apex/RetentionController.unschedulePurge';
import purgeNowApex from '@salesforce/apex/RetentionController.purgeNow';

export type RetentionInfo = Apex.RetentionController.RetentionInfo;

/** How long run history is kept and whether the daily purge is scheduled. */
export function getRetention(): Promise<RetentionInfo> {
    return getRetentionApex();
}

/**
 * Sets how many days run history is kept.
 * @param days the days
 */
export function setRetentionDays(days: number): Promise<RetentionInfo> {
    return setRetentionDaysApex({ days });
}

/** Schedules the daily purge. */
export function schedulePurge(): Promise<RetentionInfo> {
    return schedulePurgeApex();
}

/** Removes the daily purge. */
export function unschedulePurge(): Promise<RetentionInfo> {
    return unschedulePurgeApex();
}

/**
 * Purges now.
 * @returns the purge job's Id
 */
export function purgeNow(): Promise<string> {
    return purgeNowApex();
}
