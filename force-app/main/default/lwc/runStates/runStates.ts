import stateQueued from '@salesforce/label/c.Resync_State_Queued';
import statePlanning from '@salesforce/label/c.Resync_State_Planning';
import stateRunning from '@salesforce/label/c.Resync_State_Running';
import statePaused from '@salesforce/label/c.Resync_State_Paused';
import stateCancelling from '@salesforce/label/c.Resync_State_Cancelling';
import stateCancelled from '@salesforce/label/c.Resync_State_Cancelled';
import stateCompleted from '@salesforce/label/c.Resync_State_Completed';
import stateCompletedWithErrors from '@salesforce/label/c.Resync_State_CompletedWithErrors';
import stateFailed from '@salesforce/label/c.Resync_State_Failed';
import stateRollingBack from '@salesforce/label/c.Resync_State_RollingBack';
import stateRolledBack from '@salesforce/label/c.Resync_State_RolledBack';
import stateUnknown from '@salesforce/label/c.Resync_State_Unknown';
import modeFull from '@salesforce/label/c.Resync_Mode_FullResync';
import modeFailedMissed from '@salesforce/label/c.Resync_Mode_FailedMissedResync';
import modeExecute from '@salesforce/label/c.Resync_Mode_Execute';
import modeRetry from '@salesforce/label/c.Resync_Mode_Retry';
import modeRollback from '@salesforce/label/c.Resync_Mode_Rollback';
import modeValidate from '@salesforce/label/c.Resync_Mode_Validate';

/** How a run state looks on screen. */
export interface StatePresentation {
    label: string;
    /** An SLDS badge theme class. */
    badgeTheme: string;
}

const PRESENTATION: Record<string, StatePresentation> = {
    Queued: { label: stateQueued, badgeTheme: 'slds-badge_lightest' },
    Planning: { label: statePlanning, badgeTheme: 'slds-badge_lightest' },
    Running: { label: stateRunning, badgeTheme: 'slds-theme_info' },
    Paused: { label: statePaused, badgeTheme: 'slds-theme_warning' },
    Cancelling: { label: stateCancelling, badgeTheme: 'slds-theme_warning' },
    Cancelled: { label: stateCancelled, badgeTheme: 'slds-badge_inverse' },
    Completed: { label: stateCompleted, badgeTheme: 'slds-theme_success' },
    CompletedWithErrors: { label: stateCompletedWithErrors, badgeTheme: 'slds-theme_warning' },
    Failed: { label: stateFailed, badgeTheme: 'slds-theme_error' },
    RollingBack: { label: stateRollingBack, badgeTheme: 'slds-theme_info' },
    RolledBack: { label: stateRolledBack, badgeTheme: 'slds-badge_inverse' },
};

/** The states a run passes through when all goes well, in order: the steps of the life-cycle path. */
export const HAPPY_PATH: readonly string[] = ['Queued', 'Planning', 'Running', 'Completed'];

/** The states in which a run has ended. */
export const ENDED_STATES: ReadonlySet<string> = new Set([
    'Cancelled',
    'Completed',
    'CompletedWithErrors',
    'Failed',
    'RolledBack',
]);

const MODE_LABELS: Record<string, string> = {
    FullResync: modeFull,
    FailedMissedResync: modeFailedMissed,
    Execute: modeExecute,
    Retry: modeRetry,
    Rollback: modeRollback,
    Validate: modeValidate,
};

/** The run modes a person chooses between on the Data Resync screen, in the seed's order. */
export const RESYNC_MODES: readonly string[] = ['FailedMissedResync', 'FullResync'];

/**
 * The label and badge theme of a run state; an unknown state is shown as it is, never hidden.
 * @param state the state's API value
 */
export function describeState(state: string | null | undefined): StatePresentation {
    if (!state) {
        return { label: stateUnknown, badgeTheme: 'slds-badge_lightest' };
    }
    return PRESENTATION[state] ?? { label: state, badgeTheme: 'slds-badge_lightest' };
}

/**
 * The label of a run mode; an unknown mode is shown as it is.
 * @param mode the mode's API value
 */
export function modeLabel(mode: string | null | undefined): string {
    if (!mode) {
        return stateUnknown;
    }
    return MODE_LABELS[mode] ?? mode;
}

/**
 * Whether a state is one in which the run has ended.
 * @param state the state's API value
 */
export function isEnded(state: string | null | undefined): boolean {
    return state !== null && state !== undefined && ENDED_STATES.has(state);
}
