/**
 * The one typed module through which components call `RunHistoryController`. `getProgressChannel` is also a wire
 * adapter (cacheable).
 */
import getRunStatusApex from '@salesforce/apex/RunHistoryController.getRunStatus';
import findRunsApex from '@salesforce/apex/RunHistoryController.findRuns';
import getProgressChannelApex from '@salesforce/apex/RunHistoryController.getProgressChannel';
import getErrorFacetsApex from '@salesforce/apex/RunHistoryController.getErrorFacets';
import getRunErrorsFilteredApex from '@salesforce/apex/RunHistoryController.getRunErrorsFiltered';

export type RunSummary = Apex.RunHistoryController.RunSummary;
export type RunStatus = Apex.RunHistoryController.RunStatus;
export type RunObjectStatus = Apex.RunHistoryController.RunObjectStatus;
export type ErrorPage = Apex.RunHistoryController.ErrorPage;
export type ErrorRow = Apex.RunHistoryController.ErrorRow;
export type ErrorFacets = Apex.RunHistoryController.ErrorFacets;
export type ErrorCount = Apex.RunHistoryController.ErrorCount;

/** The filters of a run list; a missing one matches every run. */
export interface RunFilter {
    targetId?: string | null;
    mode?: string | null;
    state?: string | null;
}

/**
 * A run's status with its objects' counts.
 * @param runId the run
 */
export function getRunStatus(runId: string): Promise<RunStatus> {
    return getRunStatusApex({ runId });
}

/**
 * The latest runs the user can see, newest first.
 * @param filter target, mode and state to match
 * @param maxRuns how many, 1 to 200
 */
export function findRuns(filter: RunFilter, maxRuns: number): Promise<RunSummary[]> {
    return findRunsApex({
        targetId: filter.targetId ?? null,
        mode: filter.mode ?? null,
        state: filter.state ?? null,
        maxRuns,
    });
}

/** The channel progress events are published on (callable and wireable). */
export function getProgressChannel(): Promise<string> {
    return getProgressChannelApex();
}

/**
 * A run's error counts by object and by code.
 * @param runId the run
 */
export function getErrorFacets(runId: string): Promise<ErrorFacets> {
    return getErrorFacetsApex({ runId });
}

/**
 * One page of a run's errors, optionally of one object and one code.
 * @param runId the run
 * @param filter the object and error code to show, each null for all
 * @param pageSize errors per page, 1 to 200
 * @param pageNumber the page, from 1
 */
export function getRunErrors(
    runId: string,
    filter: { objectName?: string | null; statusCode?: string | null },
    pageSize: number,
    pageNumber: number,
): Promise<ErrorPage> {
    return getRunErrorsFilteredApex({
        runId,
        objectName: filter.objectName ?? null,
        statusCode: filter.statusCode ?? null,
        pageSize,
        pageNumber,
    });
}
