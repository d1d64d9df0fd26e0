import type { RunSummary } from 'c/runHistoryApi';

/** The drawing's size in viewBox units; the SVG scales to its container. */
export const WIDTH = 600;
export const HEIGHT = 200;
/** Room for the axis labels. */
export const MARGIN = { top: 12, right: 8, bottom: 24, left: 44 };
/** The most date ticks under the axis. */
export const MAX_TICKS = 4;

/** One run's stacked bar: synced at the bottom, failed on top. */
export interface Bar {
    key: string;
    title: string;
    synced: Rect;
    failed: Rect;
}

/** A rectangle in viewBox units. */
export interface Rect {
    x: number;
    y: number;
    width: number;
    height: number;
}

/** A date under the axis. */
export interface Tick {
    key: string;
    x: number;
    label: string;
}

/** Everything the template draws. */
export interface ChartLayout {
    bars: Bar[];
    ticks: Tick[];
    /** The biggest bar's total, the top of the scale. */
    max: number;
    totalSynced: number;
    totalFailed: number;
    /** The oldest and newest start. */
    first?: string;
    last?: string;
}

/** Records a run synced: created, updated or found unchanged. */
export function syncedOf(run: RunSummary): number {
    return (run.inserted ?? 0) + (run.updated ?? 0) + (run.unchanged ?? 0);
}

function round(value: number): number {
    return Math.round(value * 100) / 100;
}

/** The indexes of at most {@link MAX_TICKS} evenly spread runs, first and last included. */
function tickIndexes(count: number): number[] {
    if (count <= MAX_TICKS) {
        return Array.from({ length: count }, (_, index) => index);
    }
    const step = (count - 1) / (MAX_TICKS - 1);
    return Array.from({ length: MAX_TICKS }, (_, index) => Math.round(index * step));
}

/**
 * Lays out the runs that have started, oldest on the left, one slot each, bar heights proportional to the records.
 * @param runs the runs, in any order
 * @param formatDate how a start reads under the axis
 * @param titleOf the tooltip of a run's bar
 */
export function layoutChart(
    runs: readonly RunSummary[] | null | undefined,
    formatDate: (iso: string) => string,
    titleOf: (run: RunSummary, synced: number, failed: number) => string,
): ChartLayout {
    const started = (runs ?? [])
        .filter((run) => run.startedAt && !Number.isNaN(Date.parse(run.startedAt)))
        .sort((left, right) => Date.parse(left.startedAt as string) - Date.parse(right.startedAt as string));
    const max = started.reduce((top, run) => Math.max(top, syncedOf(run) + (run.failed ?? 0)), 0);
    const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
    const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
    const baseline = MARGIN.top + plotHeight;
    const slot = started.length > 0 ? plotWidth / started.length : 0;
    const barWidth = round(Math.max(1, slot * 0.7));
    const heightOf = (value: number): number => (max > 0 ? round((value / max) * plotHeight) : 0);
    const bars = started.map((run, index) => {
        const synced = syncedOf(run);
        const failed = run.failed ?? 0;
        const x = round(MARGIN.left + index * slot + (slot - barWidth) / 2);
        const syncedHeight = heightOf(synced);
        const failedHeight = heightOf(failed);
        return {
            key: run.runId ?? `run-${index}`,
            title: titleOf(run, synced, failed),
            synced: { x, y: round(baseline - syncedHeight), width: barWidth, height: syncedHeight },
            failed: { x, y: round(baseline - syncedHeight - failedHeight), width: barWidth, height: failedHeight },
        };
    });
    const ticks = tickIndexes(started.length).map((index) => ({
        key: `tick-${index}`,
        x: round(MARGIN.left + index * slot + slot / 2),
        label: formatDate(started[index].startedAt as string),
    }));
    return {
        bars,
        ticks,
        max,
        totalSynced: started.reduce((sum, run) => sum + syncedOf(run), 0),
        totalFailed: started.reduce((sum, run) => sum + (run.failed ?? 0), 0),
        first: started[0]?.startedAt,
        last: started[started.length - 1]?.startedAt,
    };
}
