import { createElement } from 'lwc';
import { isEmpEnabled } from 'lightning/empApi';
import RunProgress from 'c/runProgress';
import getRunStatus from '@salesforce/apex/RunHistoryController.getRunStatus';
import { lifecyclePath } from '../lifecyclePath';
import { flushPromises, resetDom } from 'test-utils';

jest.mock('@salesforce/apex/RunHistoryController.getRunStatus', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RunHistoryController.getProgressChannel', () => ({ default: jest.fn() }), {
    virtual: true,
});

const statusMock = getRunStatus as unknown as jest.Mock;
const enabledMock = isEmpEnabled as unknown as jest.Mock;

function runStatus(state: string, isActive: boolean, extra: Record<string, unknown> = {}): unknown {
    return {
        run: {
            runId: 'a0B000000000001AAA',
            name: 'RUN-000007',
            mode: 'FullResync',
            state,
            isActive,
            inserted: 120,
            updated: 5,
            unchanged: 300,
            failed: 2,
            elapsedMs: 65_000,
            ...extra,
        },
        objects: [
            { position: 2, objectName: 'Contact', state: 'Pending', inserted: 0, failed: 0, elapsedMs: 0 },
            {
                position: 1,
                objectName: 'Account',
                state: isActive ? 'Running' : 'CompletedWithErrors',
                inserted: 120,
                updated: 5,
                unchanged: 300,
                failed: 2,
                deferred: 7,
                elapsedMs: 64_000,
            },
        ],
    };
}

type Progress = HTMLElement & { runId?: string; refresh(): void };

function mount(runId?: string): Progress {
    const element = createElement('c-run-progress', { is: RunProgress }) as Progress;
    element.runId = runId;
    document.body.appendChild(element);
    return element;
}

function q<T extends Element = HTMLElement>(element: HTMLElement, selector: string): T | null {
    return element.shadowRoot?.querySelector<T>(selector) ?? null;
}

describe('c-run-progress', () => {
    beforeEach(() => {
        enabledMock.mockResolvedValue(false);
    });

    afterEach(() => {
        resetDom();
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    it('shows each object in write order with its counts and a labelled progress bar', async () => {
        statusMock.mockResolvedValue(runStatus('Running', true));
        const element = mount('a0B000000000001AAA');
        expect(q(element, 'lightning-spinner')).not.toBeNull();
        await flushPromises();
        const rows = Array.from(element.shadowRoot?.querySelectorAll('tbody tr') ?? []);
        expect(rows.map((row) => row.getAttribute('data-object'))).toEqual(['Account', 'Contact']);
        expect(rows[0].querySelector('[data-col="inserted"]')?.textContent).toBe('120');
        expect(rows[0].querySelector('[data-col="deferred"]')?.textContent).toBe('7');
        expect(rows[0].querySelector('[data-col="failed"]')?.className).toContain('slds-text-color_error');
        expect(rows[0].querySelector('[data-col="elapsed"]')?.textContent).toBe('1 min 04 s');
        const bars = Array.from(
            element.shadowRoot?.querySelectorAll<HTMLElement & { value: number }>('lightning-progress-bar') ?? [],
        );
        expect(bars.map((bar) => bar.value)).toEqual([50, 0]);
        expect(bars[0].getAttribute('aria-label')).toBe('Account: 50%');
        expect(rows[1].textContent).toContain('Pending');
        expect(q(element, '[data-id="totals"]')?.textContent).toBe('120 inserted, 5 updated, 300 unchanged, 2 failed');
        expect(q(element, '[data-id="mode"]')?.textContent).toBe('Refreshing every few seconds');
    });

    it('says how many records of an object the user who started the run could not see, and only where some', async () => {
        const status = runStatus('Completed', false) as { objects: Record<string, unknown>[] };
        status.objects[1].notVisible = 1250;
        status.objects[0].notVisible = 0;
        statusMock.mockResolvedValue(status);
        const element = mount('a0B000000000001AAA');
        await flushPromises();
        const notes = Array.from(element.shadowRoot?.querySelectorAll('[data-note="not-visible"]') ?? []);
        expect(notes.map((note) => note.textContent?.trim())).toEqual([
            '1,250 Account records were not synced: the user who started the run cannot see them.',
        ]);
    });

    it('puts the run on the life-cycle path and tells its owner each status and the end once', async () => {
        jest.useFakeTimers();
        statusMock.mockResolvedValueOnce(runStatus('Running', true));
        statusMock.mockResolvedValue(runStatus('CompletedWithErrors', false));
        const element = mount('a0B000000000001AAA');
        const statuses = jest.fn();
        const ended = jest.fn();
        element.addEventListener('statuschange', statuses);
        element.addEventListener('runended', ended);
        await flushPromises();
        const path = q<HTMLElement & { currentStep: string }>(element, '[data-id="path"]');
        expect(path?.currentStep).toBe('Running');
        jest.advanceTimersByTime(2000);
        await flushPromises();
        expect(statuses).toHaveBeenCalledTimes(2);
        expect(ended).toHaveBeenCalledTimes(1);
        expect(q<HTMLElement & { currentStep: string }>(element, '[data-id="path"]')?.currentStep).toBe(
            'CompletedWithErrors',
        );
        expect(q(element, '[data-id="state"]')?.textContent).toBe('Completed with errors');
        expect(q(element, '[data-id="mode"]')).toBeNull();
        const bars = Array.from(
            element.shadowRoot?.querySelectorAll<HTMLElement & { value: number }>('lightning-progress-bar') ?? [],
        );
        expect(bars[0].value).toBe(100);
    });

    it('says a cancel was requested and why the run is where it is', async () => {
        statusMock.mockResolvedValue(
            runStatus('Paused', true, { cancelRequested: true, stateReason: 'Paused at 90% of the API allowance.' }),
        );
        const element = mount('a0B000000000001AAA');
        await flushPromises();
        expect(q(element, '[data-id="cancel-requested"]')).not.toBeNull();
        expect(q(element, '[data-id="reason"]')?.textContent).toBe('Paused at 90% of the API allowance.');
    });

    it('asks its owner to open the run details', async () => {
        statusMock.mockResolvedValue(runStatus('Completed', false));
        const element = mount('a0B000000000001AAA');
        await flushPromises();
        const details = jest.fn();
        element.addEventListener('rundetails', details);
        q(element, '[data-id="details"]')?.click();
        expect((details.mock.calls as [CustomEvent<{ runId: string }>][])[0][0].detail.runId).toBe(
            'a0B000000000001AAA',
        );
    });

    it('shows a read error, follows a new run when its runId changes and reads again on refresh', async () => {
        statusMock.mockRejectedValueOnce({ body: { message: 'The run does not exist or you cannot see it.' } });
        const element = mount('a0B000000000001AAA');
        await flushPromises();
        expect(q(element, '[data-id="error"]')?.textContent).toBe('The run does not exist or you cannot see it.');
        statusMock.mockResolvedValue(runStatus('Completed', false));
        element.runId = 'a0B000000000002AAA';
        await flushPromises();
        expect(statusMock).toHaveBeenLastCalledWith({ runId: 'a0B000000000002AAA' });
        element.refresh();
        await flushPromises();
        expect(statusMock).toHaveBeenCalledTimes(3);
        element.runId = 'a0B000000000002AAA';
        await flushPromises();
        expect(statusMock).toHaveBeenCalledTimes(3);
    });

    it('reads nothing without a run', () => {
        const element = mount(undefined);
        expect(statusMock).not.toHaveBeenCalled();
        expect(q(element, 'lightning-spinner')).toBeNull();
    });
});

describe('lifecyclePath', () => {
    it('ends the path where the run ended, or at Completed while it runs', () => {
        expect(lifecyclePath('Planning').steps.map((step) => step.value)).toEqual([
            'Queued',
            'Planning',
            'Running',
            'Completed',
        ]);
        expect(lifecyclePath('Paused').steps.map((step) => step.value)).toEqual([
            'Queued',
            'Planning',
            'Running',
            'Paused',
        ]);
        expect(lifecyclePath('Failed').hasError).toBe(true);
        expect(lifecyclePath('Cancelled').hasError).toBe(true);
        expect(lifecyclePath('Completed').hasError).toBe(false);
        expect(lifecyclePath(undefined).current).toBe('Queued');
    });
});
