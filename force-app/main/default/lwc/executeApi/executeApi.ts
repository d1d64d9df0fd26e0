/**
 * The one typed module through which components call `ExecuteController` (the Execute screen).
 */
import previewPlanApex from '@salesforce/apex/ExecuteController.previewPlan';
import startExecuteApex from '@salesforce/apex/ExecuteController.startExecute';

export type PlanPreview = Apex.ExecuteController.PlanPreview;
export type ObjectPreview = Apex.ExecuteController.ObjectPreview;
export type ObjectChoice = Apex.ExecuteController.ObjectChoice;

/**
 * What a run of the objects would do (order, counts, field differences); writes nothing.
 * @param targetId the target
 * @param objectNames the objects, or an empty list for every enabled object
 */
export function previewPlan(targetId: string, objectNames: string[]): Promise<PlanPreview> {
    return previewPlanApex({ targetId, objectNames });
}

/**
 * Starts an Execute run with the choices per object.
 * @param targetId the target
 * @param choices the objects with their switches and batch sizes
 * @returns the new run's Id
 */
export function startExecute(targetId: string, choices: ObjectChoice[]): Promise<string> {
    return startExecuteApex({ targetId, choices });
}
