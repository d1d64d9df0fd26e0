import { createElement } from 'lwc';
import RunHistory from 'c/runHistory';
import findRuns from '@salesforce/apex/RunHistoryController.findRuns';
import getTargets from '@salesforce/apex/TargetController.getTargets';
import getRunStatus from '@salesforce/apex/RunHistoryController.getRunStatus';
import * as navigation from 'lightning/navigation';
import { flushPromises, query, queryAll, resetDom } from 'test-utils';

const { getNavigateCalledWith } = navigation as unknown as { getNavigateCalledWith: () => unknown };

jest.mock('@salesforce/apex/RunHistoryController.findRuns', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/TargetController.getTargets', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/TargetController.testConnection', () => ({ default: jest.fn() }), { virtual: true });
// The details below the list read their run; these tests keep it loading.
jest.mock(
    '@salesforce/apex/RunHistoryController.getRunStatus',
    () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true },
);
jest.mock(
    '@salesforce/apex/RunHistoryController.getProgressChannel',
    () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true },
);
jest.mock(
    '@salesforce/apex/RunHistoryController.getErrorFacets',
    () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true },
);
jest.mock(
    '@salesforce/apex/RunHistoryController.getRunErrorsFiltered',
    () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true },
);

const findMock = findRuns as unknown as jest.Mock;
const targetsMock = getTargets as unknown as jest.Mock;
const statusMock = getRunStatus as unknown as jest.Mock;

const TARGET = 'a01000000000001AAA';
const RUN_NEW = 'a03000000000002AAA';
const RUN_OLD = 'a03000000000001AAA';

const RUNS = [
    {
        runId: RUN_NEW,
        name: 'RUN-000002',
        targetName: 'Sandbox',
        targetId: TARGET,
        mode: 'FailedMissedResync',
        state: 'CompletedWithErrors',
        startedBy: 'Schedule',
        startedAt: '2026-03-02T10:00:00.000Z',
        endedAt: '2026-03-02T10:03:05.000Z',
        elapsedMs: 185000,
        inserted: 1200,
        updated: 3,
        unchanged: 0,
        failed: 7,
        isActive: false,
    },
    {
        runId: RUN_OLD,
        name: 'RUN-000001',
        targetName: 'Sandbox',
        targetId: TARGET,
        mode: 'FullResync',
        state: 'Running',
        startedBy: 'User',
        startedAt: '2026-03-01T10:00:00.000Z',
        elapsedMs: 5000,
        inserted: 1,
        isActive: true,
    },
];

type History = HTMLElement & { recordId?: string; maxRuns?: number; showChart?: boolean };

async function mount(props: Partial<History> = {}): Promise<History> {
    const element = createElement('c-run-history', { is: RunHistory }) as History;
    Object.assign(element, props);
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

async function choose(element: History, id: string, value: string): Promise<void> {
    const box = query(element, `lightning-combobox[data-id="${id}"]`) as HTMLElement;
    box.dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await flushPromises();
}

function lastFilter(): unknown {
    return (findMock.mock.lastCall as unknown[])[0];
}

function detailOf(listener: jest.Mock): unknown {
    return (listener.mock.calls[0] as [CustomEvent])[0].detail;
}

describe('c-run-history', () => {
    beforeEach(() => {
        findMock.mockResolvedValue(RUNS);
        targetsMock.mockResolvedValue([{ targetId: TARGET, name: 'Sandbox' }]);
    });

    afterEach(() => {
        resetDom();
        jest.clearAllMocks();
    });

    it('lists the runs newest first with readable cells', async () => {
        const element = await mount();
        expect(findMock).toHaveBeenCalledWith({ targetId: null, mode: null, state: null, maxRuns: 50 });
        const rows = queryAll(element, 'tbody tr');
        expect(rows.map((row) => row.getAttribute('data-row'))).toEqual([RUN_NEW, RUN_OLD]);
        const cells = Array.from(rows[0].querySelectorAll('td')).map((cell) => cell.textContent);
        expect(cells[0]).toBe('Sandbox');
        expect(cells[2]).toBe('Completed with errors');
        expect(cells[3]).toBe('Schedule');
        expect(cells[6]).toBe('3 min 05 s');
        expect(cells.slice(7)).toEqual(['1,200', '3', '0', '7']);
        expect(rows[0].querySelector('[data-id="state-badge"]')?.className).toContain('slds-theme_warning');
        expect(rows[1].querySelectorAll('td')[5].textContent).toBe('—');
        expect(query(element, '[data-id="count"]')?.textContent).toBe('2 runs shown.');
        expect(query(element, 'caption')?.textContent).toBe('Runs, newest first');
    });

    it('offers all targets, all six modes and all eleven states', async () => {
        const element = await mount();
        const options = (id: string) =>
            (query(element, `lightning-combobox[data-id="${id}"]`) as unknown as { options: { value: string }[] })
                .options;
        expect(options('target').map((option) => option.value)).toEqual(['', TARGET]);
        expect(options('target')[0]).toEqual({ label: 'All targets', value: '' });
        expect(options('mode')).toHaveLength(7);
        expect(options('mode').map((option) => option.value)).toContain('Validate');
        expect(options('state')).toHaveLength(12);
        expect(options('state')[0]).toEqual({ label: 'All states', value: '' });
    });

    it('asks the server again with each filter', async () => {
        const element = await mount();
        await choose(element, 'target', TARGET);
        expect(lastFilter()).toEqual({ targetId: TARGET, mode: null, state: null, maxRuns: 50 });
        await choose(element, 'mode', 'Retry');
        expect(lastFilter()).toEqual({ targetId: TARGET, mode: 'Retry', state: null, maxRuns: 50 });
        await choose(element, 'state', 'Failed');
        expect(lastFilter()).toEqual({ targetId: TARGET, mode: 'Retry', state: 'Failed', maxRuns: 50 });
        await choose(element, 'target', '');
        expect(lastFilter()).toEqual({ targetId: null, mode: 'Retry', state: 'Failed', maxRuns: 50 });
    });

    it('lists the target of its record page only, without a target filter', async () => {
        const element = await mount({ recordId: TARGET, maxRuns: 500 });
        expect(findMock).toHaveBeenCalledWith({ targetId: TARGET, mode: null, state: null, maxRuns: 200 });
        expect(targetsMock).not.toHaveBeenCalled();
        expect(query(element, 'lightning-combobox[data-id="target"]')).toBeNull();
    });

    it('falls back to 50 runs for a meaningless maximum', async () => {
        await mount({ maxRuns: 0 });
        expect(findMock).toHaveBeenCalledWith(expect.objectContaining({ maxRuns: 50 }));
    });

    it('reads the runs again on refresh', async () => {
        const element = await mount();
        findMock.mockResolvedValue(RUNS.slice(1));
        (query(element, '[data-id="refresh"]') as HTMLElement).click();
        await flushPromises();
        expect(findMock).toHaveBeenCalledTimes(2);
        expect(queryAll(element, 'tbody tr')).toHaveLength(1);
    });

    it('says so when no run matches', async () => {
        findMock.mockResolvedValue([]);
        const element = await mount();
        expect(query(element, '[data-id="empty"]')?.textContent).toBe('No runs match these filters.');
        expect(query(element, 'table')).toBeNull();
        expect(query(element, 'c-run-chart')).toBeNull();
    });

    it('shows why the runs cannot be read', async () => {
        findMock.mockRejectedValue({ body: { message: 'Unknown run mode: Foo.' } });
        const element = await mount();
        expect(query(element, '[data-id="error"]')?.textContent).toBe('Unknown run mode: Foo.');
        expect(query(element, '[data-id="empty"]')).toBeNull();
        expect(query(element, 'lightning-spinner')).toBeNull();
    });

    it('shows why the targets cannot be read', async () => {
        targetsMock.mockRejectedValue({ body: { message: 'No access to targets.' } });
        const element = await mount();
        expect(query(element, '[data-id="targets-error"]')?.textContent?.trim()).toBe('No access to targets.');
    });

    it('draws the chart of the listed runs unless told not to', async () => {
        const element = await mount();
        const chart = query(element, 'c-run-chart') as unknown as { runs: unknown[] };
        expect(chart.runs).toEqual(RUNS);
        const without = await mount({ showChart: false });
        expect(query(without, 'c-run-chart')).toBeNull();
    });

    it('selects a run: tells the page and shows its details', async () => {
        const element = await mount();
        const selected = jest.fn();
        element.addEventListener('runselect', selected);
        expect(query(element, 'c-run-detail')).toBeNull();
        queryAll(element, 'button[data-id="select"]')[1].click();
        await flushPromises();
        expect(detailOf(selected)).toEqual({ runId: RUN_OLD });
        const detail = query(element, 'c-run-detail') as unknown as { runId: string };
        expect(detail.runId).toBe(RUN_OLD);
        expect(statusMock).toHaveBeenCalledWith({ runId: RUN_OLD });
        expect(queryAll(element, 'tbody tr')[1].className).toContain('slds-is-selected');
    });

    it('opens the record page of a run', async () => {
        const element = await mount();
        queryAll(element, 'lightning-button-icon[data-id="open"]')[0].click();
        expect(getNavigateCalledWith()).toEqual({
            type: 'standard__recordPage',
            attributes: { recordId: RUN_NEW, actionName: 'view' },
        });
    });

    it('follows a run started from the details and refreshes on changes', async () => {
        const element = await mount();
        queryAll(element, 'button[data-id="select"]')[0].click();
        await flushPromises();
        const detail = query(element, 'c-run-detail') as HTMLElement & { runId: string };
        const selected = jest.fn();
        element.addEventListener('runselect', selected);
        detail.dispatchEvent(new CustomEvent('runstarted', { detail: { runId: 'a03000000000009AAA' } }));
        await flushPromises();
        expect(detail.runId).toBe('a03000000000009AAA');
        expect(selected).toHaveBeenCalledTimes(1);
        expect(findMock).toHaveBeenCalledTimes(2);
        detail.dispatchEvent(new CustomEvent('runchanged', { detail: { runId: 'a03000000000009AAA' } }));
        await flushPromises();
        expect(findMock).toHaveBeenCalledTimes(3);
        detail.dispatchEvent(new CustomEvent('runstarted', { detail: {} }));
        await flushPromises();
        expect(selected).toHaveBeenCalledTimes(1);
    });

    it('shows only the newest answer when filters change quickly', async () => {
        const element = await mount();
        let answerFirst: (runs: unknown) => void = () => undefined;
        findMock.mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)));
        findMock.mockResolvedValueOnce(RUNS.slice(0, 1));
        await choose(element, 'mode', 'Retry');
        await choose(element, 'mode', 'Execute');
        answerFirst([]);
        await flushPromises();
        expect(queryAll(element, 'tbody tr')).toHaveLength(1);
    });
});
