import { createElement } from 'lwc';
import RunChart from 'c/runChart';
import { flushPromises, query, queryAll, resetDom } from 'test-utils';
import { layoutChart, HEIGHT, MARGIN } from '../chartLayout';

type Chart = HTMLElement & { runs?: unknown[] };

const RUNS = [
    // Newest first, as the server sends them.
    {
        runId: 'a03000000000003AAA',
        name: 'RUN-000003',
        startedAt: '2026-03-03T10:00:00.000Z',
        inserted: 10,
        updated: 20,
        unchanged: 10,
        failed: 40,
    },
    {
        runId: 'a03000000000002AAA',
        name: 'RUN-000002',
        startedAt: '2026-03-02T10:00:00.000Z',
        inserted: 20,
        updated: 0,
        unchanged: 0,
        failed: 0,
    },
    {
        runId: 'a03000000000001AAA',
        name: 'RUN-000001',
        startedAt: '2026-03-01T10:00:00.000Z',
        inserted: 5,
        updated: 5,
        unchanged: 0,
        failed: 10,
    },
    { runId: 'a03000000000004AAA', name: 'RUN-000004', startedAt: null, inserted: 99, failed: 1 },
];

async function mount(runs: unknown[] | undefined): Promise<Chart> {
    const element = createElement('c-run-chart', { is: RunChart }) as Chart;
    element.runs = runs;
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

function height(rect: Element): number {
    return Number(rect.getAttribute('height'));
}

describe('c-run-chart', () => {
    afterEach(() => resetDom());

    it('draws one stacked bar per started run, oldest on the left', async () => {
        const element = await mount(RUNS);
        const bars = queryAll(element, 'g.bar');
        expect(bars.map((bar) => bar.getAttribute('data-run'))).toEqual([
            'a03000000000001AAA',
            'a03000000000002AAA',
            'a03000000000003AAA',
        ]);
        const xs = bars.map((bar) => Number(bar.querySelector('rect')?.getAttribute('x')));
        expect(xs[0]).toBeLessThan(xs[1]);
        expect(xs[1]).toBeLessThan(xs[2]);
    });

    it('makes heights proportional to the records and stacks failed on synced', async () => {
        const element = await mount(RUNS);
        const plot = HEIGHT - MARGIN.top - MARGIN.bottom;
        const [first, second, third] = queryAll(element, 'g.bar');
        const synced = (bar: Element) => bar.querySelector('[data-part="synced"]') as Element;
        const failed = (bar: Element) => bar.querySelector('[data-part="failed"]') as Element;
        // The tallest bar (40 synced + 40 failed) fills the plot.
        expect(height(synced(third)) + height(failed(third))).toBeCloseTo(plot, 1);
        expect(height(synced(second)) / height(synced(third))).toBeCloseTo(20 / 40, 2);
        expect(height(failed(first)) / height(failed(third))).toBeCloseTo(10 / 40, 2);
        expect(height(failed(second))).toBe(0);
        const top = Number(synced(third).getAttribute('y'));
        expect(Number(failed(third).getAttribute('y')) + height(failed(third))).toBeCloseTo(top, 1);
        expect(top + height(synced(third))).toBeCloseTo(HEIGHT - MARGIN.bottom, 1);
    });

    it('gives each bar a tooltip title', async () => {
        const element = await mount(RUNS);
        const title = query(element, 'g.bar title')?.textContent ?? '';
        expect(title).toContain('RUN-000001');
        expect(title).toContain('10 synced, 10 failed');
    });

    it('summarises the chart in its aria-label and shows a legend and ticks', async () => {
        const element = await mount(RUNS);
        const svg = query(element, 'svg');
        expect(svg?.getAttribute('role')).toBe('img');
        expect(svg?.getAttribute('viewBox')).toBe('0 0 600 200');
        expect(svg?.getAttribute('aria-label')).toMatch(
            /^3 runs from .+ to .+: 70 records synced and 50 failed in all\.$/,
        );
        expect(query(element, '[data-id="legend"]')?.textContent).toBe('SyncedFailed');
        expect(queryAll(element, 'text.tick')).toHaveLength(3);
        expect(queryAll(element, 'text.scale').map((text) => text.textContent?.trim())).toEqual(['80', '0']);
    });

    it('says so when there is nothing to chart', async () => {
        const element = await mount([]);
        expect(query(element, 'svg')).toBeNull();
        expect(query(element, '[data-id="empty"]')?.textContent).toBe('No runs to chart.');
        const none = await mount(undefined);
        expect(query(none, '[data-id="empty"]')).not.toBeNull();
    });

    it('redraws when the runs change', async () => {
        const element = await mount(RUNS.slice(0, 1));
        expect(queryAll(element, 'g.bar')).toHaveLength(1);
        element.runs = RUNS;
        await flushPromises();
        expect(queryAll(element, 'g.bar')).toHaveLength(3);
    });
});

describe('layoutChart', () => {
    const date = (iso: string) => iso.substring(0, 10);
    const title = () => '';

    it('spreads at most four ticks, first and last included', () => {
        const runs = Array.from({ length: 10 }, (_, index) => ({
            runId: `r${index}`,
            startedAt: new Date(Date.UTC(2026, 0, index + 1)).toISOString(),
            inserted: index,
        }));
        const layout = layoutChart(runs, date, title);
        expect(layout.ticks.map((tick) => tick.label)).toEqual([
            '2026-01-01',
            '2026-01-04',
            '2026-01-07',
            '2026-01-10',
        ]);
    });

    it('draws flat bars when every run has no records', () => {
        const layout = layoutChart([{ startedAt: '2026-01-01T00:00:00Z' }], date, title);
        expect(layout.max).toBe(0);
        expect(layout.bars[0].key).toBe('run-0');
        expect(layout.bars[0].synced.height).toBe(0);
    });
});
