import type { RunSummary } from 'c/runHistoryApi';
import type { TargetInfo } from 'c/targetApi';
import { describeState, modeLabel } from 'c/runStates';
import { EMPTY, formatCount, formatDateTime, formatDuration, formatLabel } from 'c/resyncFormat';
import { LABELS, STARTED_BY } from './labels';

/** Every mode a run can have (the values of SyncRun__c.Mode__c). */
export const RUN_MODES: readonly string[] = [
    'FullResync',
    'FailedMissedResync',
    'Execute',
    'Retry',
    'Rollback',
    'Validate',
];

/** Every state of the run life cycle, in life-cycle order. */
export const RUN_STATES: readonly string[] = [
    'Queued',
    'Planning',
    'Running',
    'Paused',
    'Cancelling',
    'Cancelled',
    'Completed',
    'CompletedWithErrors',
    'Failed',
    'RollingBack',
    'RolledBack',
];

/** A combobox option. */
export interface Option {
    label: string;
    value: string;
}

/** One run as the table shows it. */
export interface HistoryRow {
    runId: string;
    name: string;
    showLabel: string;
    openLabel: string;
    targetName: string;
    mode: string;
    stateLabel: string;
    badgeClass: string;
    startedBy: string;
    started: string;
    ended: string;
    elapsed: string;
    inserted: string;
    updated: string;
    unchanged: string;
    failed: string;
    rowClass: string;
}

/** "All targets" then the targets by name. */
export function targetOptions(targets: readonly TargetInfo[] | undefined): Option[] {
    return [
        { label: LABELS.allTargets, value: '' },
        ...(targets ?? []).map((target) => ({ label: target.name ?? '', value: target.targetId ?? '' })),
    ];
}

/** "All modes" then every mode. */
export function modeOptions(): Option[] {
    return [
        { label: LABELS.allModes, value: '' },
        ...RUN_MODES.map((mode) => ({ label: modeLabel(mode), value: mode })),
    ];
}

/** "All states" then every state. */
export function stateOptions(): Option[] {
    return [
        { label: LABELS.allStates, value: '' },
        ...RUN_STATES.map((state) => ({ label: describeState(state).label, value: state })),
    ];
}

/** How a "started by" value reads; an unknown one as it is. */
export function startedByLabel(value: string | null | undefined): string {
    return value ? (STARTED_BY[value] ?? value) : EMPTY;
}

/**
 * The table's rows, in the server's order (newest first).
 * @param runs the runs
 * @param selectedRunId the run whose row is highlighted
 */
export function historyRows(runs: readonly RunSummary[], selectedRunId: string | undefined): HistoryRow[] {
    return runs.map((run) => {
        const state = describeState(run.state);
        const name = run.name ?? EMPTY;
        return {
            runId: run.runId ?? '',
            name,
            showLabel: formatLabel(LABELS.showRun, name),
            openLabel: formatLabel(LABELS.openRun, name),
            targetName: run.targetName ?? EMPTY,
            mode: modeLabel(run.mode),
            stateLabel: state.label,
            badgeClass: `slds-badge ${state.badgeTheme}`,
            startedBy: startedByLabel(run.startedBy),
            started: formatDateTime(run.startedAt),
            ended: formatDateTime(run.endedAt),
            elapsed: formatDuration(run.elapsedMs),
            inserted: formatCount(run.inserted),
            updated: formatCount(run.updated),
            unchanged: formatCount(run.unchanged),
            failed: formatCount(run.failed),
            rowClass:
                run.runId !== undefined && run.runId === selectedRunId
                    ? 'slds-hint-parent slds-is-selected'
                    : 'slds-hint-parent',
        };
    });
}
