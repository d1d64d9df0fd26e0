import { LightningElement, api } from 'lwc';
import type { RunStatus } from 'c/runHistoryApi';
import { describeState, modeLabel } from 'c/runStates';
import { formatCount, formatDateTime, formatDuration } from 'c/resyncFormat';
import { LABELS } from './labels';

/** One object's row of the summary. */
interface SummaryRow {
    key: string;
    objectName: string;
    stateLabel: string;
    badgeClass: string;
    inserted: string;
    updated: string;
    unchanged: string;
    failed: string;
    deferred: string;
    elapsed: string;
    failedClass: string;
}

/** One figure of the summary's header. */
interface Figure {
    key: string;
    label: string;
    value: string;
    valueClass: string;
}

/**
 * The post-run summary of the Execute screen: the run's state, mode, start, end and duration, its totals and a table
 * of its objects' counts.
 */
export default class RunSummary extends LightningElement {
    /** The run's status from `runHistoryApi.getRunStatus` (or `c-run-progress`'s `runended`). */
    @api status?: RunStatus;

    readonly labels = LABELS;

    get run(): RunStatus['run'] {
        return this.status?.run;
    }

    get heading(): string {
        const name = this.status?.run?.name;
        return name ? `${LABELS.title} · ${name}` : LABELS.title;
    }

    get stateText(): string {
        return describeState(this.run?.state).label;
    }

    get badgeClass(): string {
        return `slds-badge ${describeState(this.run?.state).badgeTheme}`;
    }

    get reason(): string | undefined {
        return this.run?.stateReason ?? undefined;
    }

    get facts(): Figure[] {
        const run = this.run;
        return [
            { key: 'mode', label: LABELS.mode, value: modeLabel(run?.mode), valueClass: '' },
            { key: 'started', label: LABELS.started, value: formatDateTime(run?.startedAt), valueClass: '' },
            { key: 'ended', label: LABELS.ended, value: formatDateTime(run?.endedAt), valueClass: '' },
            { key: 'elapsed', label: LABELS.elapsed, value: formatDuration(run?.elapsedMs), valueClass: '' },
        ];
    }

    get totals(): Figure[] {
        const run = this.run;
        const failed = run?.failed ?? 0;
        return [
            { key: 'inserted', label: LABELS.inserted, value: formatCount(run?.inserted), valueClass: '' },
            { key: 'updated', label: LABELS.updated, value: formatCount(run?.updated), valueClass: '' },
            { key: 'unchanged', label: LABELS.unchanged, value: formatCount(run?.unchanged), valueClass: '' },
            {
                key: 'failed',
                label: LABELS.failed,
                value: formatCount(failed),
                valueClass: failed > 0 ? 'slds-text-color_error' : '',
            },
        ];
    }

    get rows(): SummaryRow[] {
        return (this.status?.objects ?? []).map((object, index) => {
            const presentation = describeState(object.state);
            const failed = object.failed ?? 0;
            return {
                key: object.objectName ?? String(index),
                objectName: object.objectName ?? '',
                stateLabel: presentation.label,
                badgeClass: `slds-badge ${presentation.badgeTheme}`,
                inserted: formatCount(object.inserted),
                updated: formatCount(object.updated),
                unchanged: formatCount(object.unchanged),
                failed: formatCount(failed),
                deferred: formatCount(object.deferred),
                elapsed: formatDuration(object.elapsedMs),
                failedClass: failed > 0 ? 'slds-text-color_error' : '',
            };
        });
    }

    get hasRows(): boolean {
        return this.rows.length > 0;
    }
}
