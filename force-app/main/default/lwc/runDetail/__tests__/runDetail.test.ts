import { createElement } from 'lwc';
import RunDetail from 'c/runDetail';
import getRunStatus from '@salesforce/apex/RunHistoryController.getRunStatus';
import * as navigation from 'lightning/navigation';
import { flushPromises, query, queryAll, resetDom } from 'test-utils';

const { getNavigateCalledWith } = navigation as unknown as { getNavigateCalledWith: () => unknown };

jest.mock('@salesforce/apex/RunHistoryController.getRunStatus', () => ({ default: jest.fn() }), { virtual: true });
// The children read more of the run; these tests keep those reads pending.
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

const statusMock = getRunStatus as unknown as jest.Mock;

const RUN = 'a03000000000001AAA';
const ORIGINAL = 'a03000000000000AAA';
const NEW_RUN = 'a03000000000009AAA';

function status(extra: Record<string, unknown> = {}, runId = RUN): unknown {
    return {
        run: {
            runId,
            name: runId === RUN ? 'RUN-000001' : 'RUN-000009',
            targetId: 'a01000000000001AAA',
            targetName: 'Sandbox',
            mode: 'Retry',
            state: 'CompletedWithErrors',
            startedBy: 'Schedule',
            scheduleName: 'Nightly',
            originalRunId: ORIGINAL,
            isActive: false,
            failed: 2,
            ...extra,
        },
        objects: [{ objectName: 'Account' }, { objectName: 'Contact' }, {}],
    };
}

const ACTIVE = () => status({ state: 'Running', isActive: true, scheduleName: null, originalRunId: null });

type Detail = HTMLElement & { recordId?: string; runId?: string };

async function mount(props: Partial<Detail>): Promise<Detail> {
    const element = createElement('c-run-detail', { is: RunDetail }) as Detail;
    Object.assign(element, props);
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

function fact(element: Detail, key: string): string | undefined {
    return query(element, `[data-fact="${key}"] dd`)?.textContent ?? undefined;
}

function detailOf(listener: jest.Mock): unknown {
    return (listener.mock.calls[0] as [CustomEvent])[0].detail;
}

describe('c-run-detail', () => {
    beforeEach(() => statusMock.mockResolvedValue(status()));

    afterEach(() => {
        resetDom();
        jest.clearAllMocks();
    });

    it('shows the ended run of its record page: header, summary, errors and actions', async () => {
        const element = await mount({ recordId: RUN });
        expect(statusMock).toHaveBeenCalledWith({ runId: RUN });
        expect(query(element, '[data-id="heading"]')?.textContent).toBe('RUN-000001');
        expect(query(element, '[data-id="state"]')?.textContent).toBe('Completed with errors');
        expect(fact(element, 'target')).toBe('Sandbox');
        expect(fact(element, 'mode')).toBe('Retry');
        expect(fact(element, 'startedBy')).toBe('Schedule');
        expect(fact(element, 'schedule')).toBe('Nightly');
        expect(query(element, 'c-run-progress')).toBeNull();
        const summary = query(element, 'c-run-summary') as unknown as { status: unknown };
        expect(summary.status).toEqual(status());
        expect((query(element, 'c-error-viewer') as unknown as { runId: string }).runId).toBe(RUN);
        const actions = query(element, 'c-run-actions') as unknown as Record<string, unknown>;
        expect(actions.run).toEqual((status() as { run: unknown }).run);
        expect(actions.targetId).toBe('a01000000000001AAA');
        expect(actions.objectNames).toEqual(['Account', 'Contact']);
    });

    it('opens the original run of a retry', async () => {
        const element = await mount({ recordId: RUN });
        (query(element, '[data-id="original"]') as HTMLElement).click();
        expect(getNavigateCalledWith()).toEqual({
            type: 'standard__recordPage',
            attributes: { recordId: ORIGINAL, actionName: 'view' },
        });
    });

    it('follows an active run live, then shows its summary once it ends', async () => {
        statusMock.mockResolvedValue(ACTIVE());
        const element = await mount({ runId: RUN });
        const changed = jest.fn();
        element.addEventListener('runchanged', changed);
        expect(query(element, '[data-fact="originalRun"]')).toBeNull();
        expect(fact(element, 'schedule')).toBe('—');
        const progress = query(element, 'c-run-progress') as HTMLElement & { runId: string };
        expect(progress.runId).toBe(RUN);
        expect(query(element, 'c-run-summary')).toBeNull();
        progress.dispatchEvent(
            new CustomEvent('statuschange', { detail: { status: status({ state: 'Paused', isActive: true }) } }),
        );
        await flushPromises();
        expect(query(element, '[data-id="state"]')?.textContent).toBe('Paused');
        progress.dispatchEvent(new CustomEvent('statuschange', { detail: {} }));
        await flushPromises();
        expect(query(element, '[data-id="state"]')?.textContent).toBe('Paused');
        progress.dispatchEvent(new CustomEvent('runended', { detail: { status: status({ state: 'Completed' }) } }));
        await flushPromises();
        expect(query(element, 'c-run-progress')).toBeNull();
        expect(query(element, 'c-run-summary')).not.toBeNull();
        expect(query(element, '[data-id="state"]')?.textContent).toBe('Completed');
        expect(detailOf(changed)).toEqual({ runId: RUN });
    });

    it('shows the run it is given and reads again when given another', async () => {
        const element = await mount({ runId: RUN });
        expect(statusMock).toHaveBeenCalledTimes(1);
        element.runId = RUN;
        await flushPromises();
        expect(statusMock).toHaveBeenCalledTimes(1);
        statusMock.mockResolvedValue(status({}, NEW_RUN));
        element.runId = NEW_RUN;
        await flushPromises();
        expect(statusMock).toHaveBeenLastCalledWith({ runId: NEW_RUN });
        expect(query(element, '[data-id="heading"]')?.textContent).toBe('RUN-000009');
    });

    it('shows why the run cannot be read', async () => {
        statusMock.mockRejectedValue({ body: { message: 'This run does not exist or cannot be seen.' } });
        const element = await mount({ recordId: RUN });
        expect(query(element, '[data-id="error"]')?.textContent).toBe('This run does not exist or cannot be seen.');
        expect(query(element, 'lightning-spinner')).toBeNull();
        expect(query(element, '[data-id="heading"]')?.textContent).toBe('Run');
    });

    it('says so when it has no run, and shows a spinner while reading', async () => {
        const none = await mount({});
        expect(query(none, '[data-id="no-run"]')?.textContent).toBe('No run to show.');
        expect(statusMock).not.toHaveBeenCalled();
        statusMock.mockReturnValue(new Promise(() => undefined));
        const reading = await mount({ runId: RUN });
        expect(query(reading, 'lightning-spinner')).not.toBeNull();
    });

    it('opens the record of a run started from its record page', async () => {
        const element = await mount({ recordId: RUN });
        const started = jest.fn();
        element.addEventListener('runstarted', started);
        const actions = query(element, 'c-run-actions') as HTMLElement;
        actions.dispatchEvent(new CustomEvent('runstarted', { detail: { runId: NEW_RUN } }));
        await flushPromises();
        expect(getNavigateCalledWith()).toEqual({
            type: 'standard__recordPage',
            attributes: { recordId: NEW_RUN, actionName: 'view' },
        });
        expect(started).not.toHaveBeenCalled();
    });

    it('as a child, shows a run started from its actions and tells the parent', async () => {
        const element = await mount({ runId: RUN });
        const started = jest.fn();
        element.addEventListener('runstarted', started);
        statusMock.mockResolvedValue(status({}, NEW_RUN));
        const actions = query(element, 'c-run-actions') as HTMLElement;
        actions.dispatchEvent(new CustomEvent('runstarted', { detail: {} }));
        await flushPromises();
        expect(started).not.toHaveBeenCalled();
        actions.dispatchEvent(new CustomEvent('runstarted', { detail: { runId: NEW_RUN } }));
        await flushPromises();
        expect(detailOf(started)).toEqual({ runId: NEW_RUN });
        expect(statusMock).toHaveBeenLastCalledWith({ runId: NEW_RUN });
        expect(query(element, '[data-id="heading"]')?.textContent).toBe('RUN-000009');
        // The parent then selects the run shown: nothing is read again.
        const reads = statusMock.mock.calls.length;
        element.runId = NEW_RUN;
        await flushPromises();
        expect(statusMock).toHaveBeenCalledTimes(reads);
    });

    it('reads the run again when an action changed it, keeping it shown', async () => {
        statusMock.mockResolvedValue(ACTIVE());
        const element = await mount({ runId: RUN });
        const changed = jest.fn();
        element.addEventListener('runchanged', changed);
        const progress = query(element, 'c-run-progress') as HTMLElement & { refresh: () => void };
        const refresh = jest.spyOn(progress, 'refresh');
        statusMock.mockResolvedValue(status({ state: 'Cancelling', isActive: true }));
        (query(element, 'c-run-actions') as HTMLElement).dispatchEvent(
            new CustomEvent('runchanged', { detail: { runId: RUN, state: 'Cancelling' } }),
        );
        expect(query(element, '[data-id="heading"]')).not.toBeNull();
        await flushPromises();
        expect(refresh).toHaveBeenCalled();
        expect(detailOf(changed)).toEqual({ runId: RUN });
        expect(query(element, '[data-id="state"]')?.textContent).toBe('Cancelling');
        expect(queryAll(element, 'c-run-progress')).toHaveLength(1);
    });
});
