/**
 * The one typed module through which components call `ResyncController` (the Data Resync screen).
 */
import getEntitiesApex from '@salesforce/apex/ResyncController.getEntities';
import processSelectedApex from '@salesforce/apex/ResyncController.processSelected';
import processAllApex from '@salesforce/apex/ResyncController.processAll';

export type EntityTable = Apex.ResyncController.EntityTable;
export type Entity = Apex.ResyncController.Entity;
/** Who started a run from a screen. */
export type StartedBy = 'User' | 'UtilityBar';

/**
 * The table of a target's objects with their latest attempts and link counts.
 * @param targetId the target
 */
export function getEntities(targetId: string): Promise<EntityTable> {
    return getEntitiesApex({ targetId });
}

/**
 * Starts a resync of chosen objects (Process).
 * @param targetId the target
 * @param mode FullResync or FailedMissedResync
 * @param objectNames the objects
 * @param startedBy who starts it
 * @returns the new run's Id
 */
export function processSelected(
    targetId: string,
    mode: string,
    objectNames: string[],
    startedBy: StartedBy = 'User',
): Promise<string> {
    return processSelectedApex({ targetId, mode, objectNames, startedBy });
}

/**
 * Starts a resync of every enabled object (Process All).
 * @param targetId the target
 * @param mode FullResync or FailedMissedResync
 * @param startedBy who starts it
 * @returns the new run's Id
 */
export function processAll(targetId: string, mode: string, startedBy: StartedBy = 'User'): Promise<string> {
    return processAllApex({ targetId, mode, startedBy });
}
