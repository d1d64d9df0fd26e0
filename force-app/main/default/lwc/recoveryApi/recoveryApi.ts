/**
 * The one typed module through which components call `RecoveryController`: roll a run back, preview that, validate.
 */
import previewRollbackApex from '@salesforce/apex/RecoveryController.previewRollback';
import rollbackRunApex from '@salesforce/apex/RecoveryController.rollbackRun';
import validateRunApex from '@salesforce/apex/RecoveryController.validateRun';

export type RollbackPreview = Apex.RecoveryController.RollbackPreview;

/**
 * What a rollback of a run would delete and restore; writes nothing.
 * @param runId the run
 */
export function previewRollback(runId: string): Promise<RollbackPreview> {
    return previewRollbackApex({ runId });
}

/**
 * Rolls a run back.
 * @param runId the run
 * @returns the Rollback run's Id
 */
export function rollbackRun(runId: string): Promise<string> {
    return rollbackRunApex({ runId });
}

/**
 * Starts a Validate run (a dry run the target rolls back).
 * @param targetId the target
 * @param objectNames the objects to validate
 * @param sampleSize the most records per object, or null for all
 * @returns the Validate run's Id
 */
export function validateRun(targetId: string, objectNames: string[], sampleSize: number | null): Promise<string> {
    return validateRunApex({ targetId, objectNames, sampleSize });
}
