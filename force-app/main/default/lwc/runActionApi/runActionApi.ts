/**
 * The one typed module through which components call `RunActionController`: cancel a run, retry its failures.
 */
import cancelRunApex from '@salesforce/apex/RunActionController.cancelRun';
import retryRunApex from '@salesforce/apex/RunActionController.retryRun';
import type { StartedBy } from 'c/resyncApi';

/**
 * Cancels a run: at once when queued or paused, at the next chunk boundary when running.
 * @param runId the run
 * @returns the state afterwards: Cancelled or Cancelling
 */
export function cancelRun(runId: string): Promise<string> {
    return cancelRunApex({ runId });
}

/**
 * Starts a Retry run over exactly the records that failed in an ended run.
 * @param runId the ended run
 * @param startedBy who starts it
 * @returns the new run's Id
 */
export function retryRun(runId: string, startedBy: StartedBy = 'User'): Promise<string> {
    return retryRunApex({ runId, startedBy });
}
