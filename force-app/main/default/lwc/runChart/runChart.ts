import { LightningElement, api } from 'lwc';
import type { RunSummary } from 'c/runHistoryApi';
import { formatCount, formatDateTime, formatLabel } from 'c/resyncFormat';
import titleLabel from '@salesforce/label/c.Resync_RunChart_Title';
import syncedLabel from '@salesforce/label/c.Resync_RunChart_Synced';
import failedLabel from '@salesforce/label/c.Resync_RunChart_Failed';
import summaryLabel from '@salesforce/label/c.Resync_RunChart_Summary';
import barLabel from '@salesforce/label/c.Resync_RunChart_Bar';
import emptyLabel from '@salesforce/label/c.Resync_RunChart_Empty';
import { HEIGHT, MARGIN, WIDTH, layoutChart } from './chartLayout';
import type { ChartLayout } from './chartLayout';

const TICK_DATE = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });

/**
 * A small chart of the records each run synced (created, updated or unchanged) and failed, one stacked bar per run,
 * oldest on the left. Drawn as inline SVG from rectangles computed here; no charting library.
 */
export default class RunChart extends LightningElement {
    /** The runs to chart, in any order; runs that have not started are left out. */
    @api runs: RunSummary[] = [];

    readonly labels = { title: titleLabel, synced: syncedLabel, failed: failedLabel, empty: emptyLabel };
    readonly viewBox = `0 0 ${WIDTH} ${HEIGHT}`;
    readonly axisLeft = MARGIN.left;
    readonly axisRight = WIDTH - MARGIN.right;
    readonly axisTop = MARGIN.top;
    readonly baseline = HEIGHT - MARGIN.bottom;
    readonly tickY = HEIGHT - MARGIN.bottom + 16;
    readonly scaleX = MARGIN.left - 6;

    get layout(): ChartLayout {
        return layoutChart(
            this.runs,
            (iso) => TICK_DATE.format(new Date(iso)),
            (run, synced, failed) =>
                formatLabel(
                    barLabel,
                    run.name,
                    formatDateTime(run.startedAt),
                    formatCount(synced),
                    formatCount(failed),
                ),
        );
    }

    get hasBars(): boolean {
        return this.layout.bars.length > 0;
    }

    get maxText(): string {
        return formatCount(this.layout.max);
    }

    get ariaLabel(): string {
        const layout = this.layout;
        return formatLabel(
            summaryLabel,
            layout.bars.length,
            formatDateTime(layout.first),
            formatDateTime(layout.last),
            formatCount(layout.totalSynced),
            formatCount(layout.totalFailed),
        );
    }
}
