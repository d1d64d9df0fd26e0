/**
 * The one typed module through which components call `ExportController`: CSV exports in parts.
 */
import exportErrorsApex from '@salesforce/apex/ExportController.exportErrors';
import exportRecordLinksApex from '@salesforce/apex/ExportController.exportRecordLinks';

export type CsvChunk = Apex.ExportController.CsvChunk;

/**
 * A part of the export of a run's record errors.
 * @param runId the run
 * @param cursor null for the first part, else the part before's `nextCursor`
 */
export function exportErrors(runId: string, cursor: string | null): Promise<CsvChunk> {
    return exportErrorsApex({ runId, cursor });
}

/**
 * A part of the export of an object's record links on a target (source Id to target Id).
 * @param syncTargetId the target
 * @param objectApiName the object
 * @param cursor null for the first part, else the part before's `nextCursor`
 */
export function exportRecordLinks(
    syncTargetId: string,
    objectApiName: string,
    cursor: string | null,
): Promise<CsvChunk> {
    return exportRecordLinksApex({ syncTargetId, objectApiName, cursor });
}
