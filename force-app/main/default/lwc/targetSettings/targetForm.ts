import type { TargetInput, SavedTarget } from 'c/settingsApi';

/** The values of the target form, as its inputs hold them. */
export interface TargetDraft {
    targetId?: string;
    name: string;
    namedCredential: string;
    apiVersion: string;
    active: boolean;
    strictMode: boolean;
    apiUsagePauseThreshold: string;
    maxTransientRetries: string;
}

/** The draft of a new target: active, not strict, the fields' defaults. */
export function newDraft(): TargetDraft {
    return {
        name: '',
        namedCredential: '',
        apiVersion: '',
        active: true,
        strictMode: false,
        apiUsagePauseThreshold: '90',
        maxTransientRetries: '5',
    };
}

function text(value: number | string | null | undefined): string {
    return value === null || value === undefined ? '' : String(value);
}

/**
 * The draft of an existing target.
 * @param target the target as listed
 */
export function draftOf(target: SavedTarget): TargetDraft {
    return {
        targetId: target.targetId,
        name: target.name ?? '',
        namedCredential: target.namedCredential ?? '',
        apiVersion: target.apiVersion ?? '',
        active: target.active === true,
        strictMode: target.strictMode === true,
        apiUsagePauseThreshold: text(target.apiUsagePauseThreshold),
        maxTransientRetries: text(target.maxTransientRetries),
    };
}

function whole(value: string): number | undefined {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : Number(trimmed);
}

/**
 * What the server is sent: blanks become absent (the server keeps or defaults them); the server checks every value.
 * @param draft the form's values
 */
export function inputOf(draft: TargetDraft): TargetInput {
    const input: TargetInput = {
        name: draft.name.trim(),
        namedCredential: draft.namedCredential.trim(),
        apiVersion: draft.apiVersion.trim(),
        active: draft.active,
        strictMode: draft.strictMode,
        apiUsagePauseThreshold: whole(draft.apiUsagePauseThreshold),
        maxTransientRetries: whole(draft.maxTransientRetries),
    };
    if (draft.targetId) {
        input.targetId = draft.targetId;
    }
    return input;
}

/** The draft's keys a form control may change. */
export type DraftField = Exclude<keyof TargetDraft, 'targetId'>;

/**
 * The draft with one control's new value.
 * @param draft the current values
 * @param field the control's field
 * @param value what the control holds (text, or a checkbox's state)
 */
export function withValue(draft: TargetDraft, field: DraftField, value: string | boolean): TargetDraft {
    if (field === 'active' || field === 'strictMode') {
        return { ...draft, [field]: value === true };
    }
    return { ...draft, [field]: typeof value === 'string' ? value : String(value) };
}
