/**
 * The one typed module through which components call `TargetController`. `getTargets` is also a wire adapter.
 */
import getTargetsApex from '@salesforce/apex/TargetController.getTargets';
import testConnectionApex from '@salesforce/apex/TargetController.testConnection';

export type TargetInfo = Apex.TargetController.TargetInfo;
export type ConnectionResult = Apex.TargetController.ConnectionResult;

/** The targets the user can see, by name (callable and wireable). */
export const getTargets = getTargetsApex;

/**
 * Tests a target's connection with one call and records the result on the target.
 * @param targetId the target
 */
export function testConnection(targetId: string): Promise<ConnectionResult> {
    return testConnectionApex({ targetId });
}
