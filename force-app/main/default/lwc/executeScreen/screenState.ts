import type { PlanPreview } from 'c/executeApi';
import type { TargetInfo } from 'c/targetApi';
import { choiceProblems } from 'c/migrationOrder';
import type { OrderChoice } from 'c/migrationOrder';
import type { ExecuteLabels } from './labels';

/** The sync types the screen starts: Execute (choices per object) or a resync with the object settings. */
export type SyncType = 'Execute' | 'FullResync' | 'FailedMissedResync';

/** The sync types in the order they are offered. */
export const SYNC_TYPES: readonly SyncType[] = ['Execute', 'FullResync', 'FailedMissedResync'];

/**
 * The radio group's options.
 * @param labels the texts
 */
export function syncTypeOptions(labels: ExecuteLabels): { label: string; value: SyncType }[] {
    return [
        { label: labels.typeExecute, value: 'Execute' },
        { label: labels.typeFull, value: 'FullResync' },
        { label: labels.typeFailedMissed, value: 'FailedMissedResync' },
    ];
}

/**
 * What the chosen sync type does, and which choices it honours.
 * @param type the sync type
 * @param labels the texts
 */
export function syncTypeHelp(type: SyncType, labels: ExecuteLabels): string {
    switch (type) {
        case 'FullResync':
            return labels.helpFull;
        case 'FailedMissedResync':
            return labels.helpFailedMissed;
        default:
            return labels.helpExecute;
    }
}

/** What the screen knows when it decides whether a run may start. */
export interface StartContext {
    targetId?: string;
    target?: TargetInfo;
    preview?: PlanPreview;
    choices: readonly OrderChoice[];
    runActive: boolean;
    busy: boolean;
    syncType: SyncType;
}

/**
 * Why Start (or Validate run, with `forValidate`) cannot be pressed now, or undefined when it can.
 * @param context the screen's state
 * @param labels the texts
 * @param forValidate whether the reason is for Validate run (the per-object switches do not apply)
 */
export function blockReason(context: StartContext, labels: ExecuteLabels, forValidate = false): string | undefined {
    if (!context.targetId) {
        return labels.noTarget;
    }
    if (context.target && context.target.active === false) {
        return labels.targetInactive;
    }
    if (context.runActive) {
        return labels.runActive;
    }
    if (!context.preview) {
        return labels.noPreview;
    }
    if (context.choices.length === 0) {
        return labels.nothingChosen;
    }
    if (context.preview.canStart !== true) {
        return labels.cannotStart;
    }
    if (!forValidate && context.syncType === 'Execute' && choiceProblems(context.choices).length > 0) {
        return labels.invalidChoice;
    }
    return undefined;
}
