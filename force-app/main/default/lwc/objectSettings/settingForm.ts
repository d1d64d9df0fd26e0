import type { ObjectSettingInfo, ObjectSettingInput } from 'c/settingsApi';

/** The values of the object setting form, as its inputs hold them. */
export interface SettingDraft {
    settingId?: string;
    objectApiName: string;
    label: string;
    enabled: boolean;
    insertAllowed: boolean;
    updateAllowed: boolean;
    matchingMode: string;
    targetExternalIdField: string;
    recordFilter: string;
    batchSize: string;
    orderMode: string;
    manualPosition: string;
    includedFields: string;
    excludedFields: string;
    ownerMode: string;
    fixedOwner: string;
    userMatchField: string;
}

/** The form's checkboxes. */
export const SWITCHES: ReadonlySet<string> = new Set(['enabled', 'insertAllowed', 'updateAllowed']);

/**
 * The draft of a new setting of an object, with the fields' defaults.
 * @param objectApiName the object
 * @param label its label
 * @param batchSize the default batch size
 */
export function newDraft(objectApiName: string, label: string, batchSize: number): SettingDraft {
    return {
        objectApiName,
        label,
        enabled: true,
        insertAllowed: true,
        updateAllowed: true,
        matchingMode: 'RecordLinks',
        targetExternalIdField: '',
        recordFilter: '',
        batchSize: String(batchSize),
        orderMode: 'Automatic',
        manualPosition: '',
        includedFields: '',
        excludedFields: '',
        ownerMode: 'IntegrationUser',
        fixedOwner: '',
        userMatchField: 'Username',
    };
}

function text(value: number | string | null | undefined): string {
    return value === null || value === undefined ? '' : String(value);
}

/**
 * The draft of an existing setting.
 * @param setting the setting as listed
 */
export function draftOf(setting: ObjectSettingInfo): SettingDraft {
    return {
        settingId: setting.settingId,
        objectApiName: setting.objectApiName ?? '',
        label: setting.label ?? setting.objectApiName ?? '',
        enabled: setting.enabled === true,
        insertAllowed: setting.insertAllowed === true,
        updateAllowed: setting.updateAllowed === true,
        matchingMode: setting.matchingMode ?? 'RecordLinks',
        targetExternalIdField: setting.targetExternalIdField ?? '',
        recordFilter: setting.recordFilter ?? '',
        batchSize: text(setting.batchSize),
        orderMode: setting.orderMode ?? 'Automatic',
        manualPosition: text(setting.manualPosition),
        includedFields: setting.includedFields ?? '',
        excludedFields: setting.excludedFields ?? '',
        ownerMode: setting.ownerMode ?? 'IntegrationUser',
        fixedOwner: setting.fixedOwner ?? '',
        userMatchField: setting.userMatchField ?? 'Username',
    };
}

function whole(value: string): number | undefined {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : Number(trimmed);
}

/**
 * What the server is sent; it checks every value.
 * @param draft the form's values
 * @param targetId the target
 */
export function inputOf(draft: SettingDraft, targetId: string): ObjectSettingInput {
    const input: ObjectSettingInput = {
        targetId,
        objectApiName: draft.objectApiName,
        enabled: draft.enabled,
        insertAllowed: draft.insertAllowed,
        updateAllowed: draft.updateAllowed,
        matchingMode: draft.matchingMode,
        targetExternalIdField: draft.targetExternalIdField,
        recordFilter: draft.recordFilter,
        batchSize: whole(draft.batchSize),
        orderMode: draft.orderMode,
        manualPosition: whole(draft.manualPosition),
        includedFields: draft.includedFields,
        excludedFields: draft.excludedFields,
        ownerMode: draft.ownerMode,
        fixedOwner: draft.ownerMode === 'FixedOwner' ? draft.fixedOwner : '',
        userMatchField: draft.userMatchField,
    };
    if (draft.settingId) {
        input.settingId = draft.settingId;
    }
    return input;
}

/**
 * Whether a server message is about the record filter (the engine's refusal starts so), to show it under the filter.
 * @param message the server's message
 */
export function isFilterMessage(message: string): boolean {
    return message.startsWith('The record filter of ');
}
