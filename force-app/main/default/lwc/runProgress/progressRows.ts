import type { RunObjectStatus } from 'c/runHistoryApi';
import { describeState } from 'c/runStates';
import { formatCount, formatDuration } from 'c/resyncFormat';
import pendingLabel from '@salesforce/label/c.Resync_ObjectState_Pending';
import skippedLabel from '@salesforce/label/c.Resync_ObjectState_Skipped';

/** One object's row of the progress table, ready for the template. */
export interface ProgressRow {
    key: string;
    objectName: string;
    stateLabel: string;
    badgeClass: string;
    /** 0 to 100. */
    progress: number;
    progressLabel: string;
    inserted: string;
    updated: string;
    unchanged: string;
    failed: string;
    deferred: string;
    elapsed: string;
    failedClass: string;
}

/** Objects' own states that runs do not have. */
const OBJECT_STATE_LABELS: Record<string, string> = { Pending: pendingLabel, Skipped: skippedLabel };

/** How far along an object is: a finished object is done, a pending one has not started. */
function progressOf(state: string | undefined): number {
    switch (state) {
        case 'Pending':
            return 0;
        case 'Running':
            return 50;
        case undefined:
            return 0;
        default:
            return 100;
    }
}

/**
 * The rows of the progress table, in the order the run writes the objects.
 * @param objects the run's objects
 */
export function progressRows(objects: RunObjectStatus[] | undefined): ProgressRow[] {
    return [...(objects ?? [])]
        .sort((left, right) => (left.position ?? 0) - (right.position ?? 0))
        .map((object) => {
            const state = object.state ?? undefined;
            const presentation = describeState(state);
            const progress = progressOf(state);
            return {
                key: object.objectName ?? String(object.position),
                objectName: object.objectName ?? '',
                stateLabel: (state && OBJECT_STATE_LABELS[state]) ?? presentation.label,
                badgeClass: `slds-badge ${presentation.badgeTheme}`,
                progress,
                progressLabel: `${object.objectName ?? ''}: ${progress}%`,
                inserted: formatCount(object.inserted),
                updated: formatCount(object.updated),
                unchanged: formatCount(object.unchanged),
                failed: formatCount(object.failed),
                deferred: formatCount(object.deferred),
                elapsed: formatDuration(object.elapsedMs),
                failedClass: (object.failed ?? 0) > 0 ? 'slds-text-color_error' : '',
            };
        });
}
