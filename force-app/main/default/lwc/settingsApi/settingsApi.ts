/**
 * The one typed module through which components call `SettingsController`: targets, object settings, the objects
 * that can be added and the choices of the settings forms.
 */
import getSettingsOptionsApex from '@salesforce/apex/SettingsController.getSettingsOptions';
import saveTargetApex from '@salesforce/apex/SettingsController.saveTarget';
import getObjectSettingsApex from '@salesforce/apex/SettingsController.getObjectSettings';
import saveObjectSettingApex from '@salesforce/apex/SettingsController.saveObjectSetting';
import deleteObjectSettingApex from '@salesforce/apex/SettingsController.deleteObjectSetting';
import objectCandidatesApex from '@salesforce/apex/SettingsController.objectCandidates';
import externalIdFieldsApex from '@salesforce/apex/SettingsController.externalIdFields';

export type TargetInput = Apex.SettingsController.TargetInput;
export type ObjectSettingInput = Apex.SettingsController.ObjectSettingInput;
export type ObjectSettingInfo = Apex.SettingsController.ObjectSettingInfo;
export type SettingsOption = Apex.SettingsController.Option;
export type SettingsOptions = Apex.SettingsController.SettingsOptions;
export type SavedTarget = Apex.TargetController.TargetInfo;

/** The picklist values, ranges and the user's rights of the settings forms. */
export function getSettingsOptions(): Promise<SettingsOptions> {
    return getSettingsOptionsApex();
}

/**
 * Creates (no `targetId`) or changes a target.
 * @param input the target's values
 */
export function saveTarget(input: TargetInput): Promise<SavedTarget> {
    return saveTargetApex({ input });
}

/**
 * The object settings of a target.
 * @param targetId the target
 */
export function getObjectSettings(targetId: string): Promise<ObjectSettingInfo[]> {
    return getObjectSettingsApex({ targetId });
}

/**
 * Creates (no `settingId`) or changes an object setting.
 * @param input the setting's values
 */
export function saveObjectSetting(input: ObjectSettingInput): Promise<ObjectSettingInfo> {
    return saveObjectSettingApex({ input });
}

/**
 * Deletes an object setting (refused while a run holds its target).
 * @param objectSettingId the setting
 */
export function deleteObjectSetting(objectSettingId: string): Promise<void> {
    return deleteObjectSettingApex({ objectSettingId });
}

/** The objects of this org that can be added, by label. */
export function objectCandidates(): Promise<SettingsOption[]> {
    return objectCandidatesApex();
}

/**
 * The external id fields of an object that matching can use.
 * @param objectApiName the object
 */
export function externalIdFields(objectApiName: string): Promise<SettingsOption[]> {
    return externalIdFieldsApex({ objectApiName });
}
