import { createElement } from 'lwc';
import DataResync from 'c/dataResync';
import getEntities from '@salesforce/apex/ResyncController.getEntities';
import processSelected from '@salesforce/apex/ResyncController.processSelected';
import processAll from '@salesforce/apex/ResyncController.processAll';
import * as navigation from 'lightning/navigation';
import { flushPromises, query, resetDom } from 'test-utils';

/** The shared navigation mock (scripts/jest/mocks/navigation.js) records the last page reference. */
const { getNavigateCalledWith } = navigation as unknown as { getNavigateCalledWith: () => unknown };

jest.mock('@salesforce/apex/ResyncController.getEntities', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ResyncController.processSelected', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ResyncController.processAll', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/TargetController.getTargets', () => ({ default: jest.fn(() => Promise.resolve([])) }), {
    virtual: true,
});
jest.mock(
    '@salesforce/apex/RunHistoryController.getRunStatus',
    () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
    {
        virtual: true,
    },
);
jest.mock('@salesforce/apex/RunHistoryController.getProgressChannel', () => ({ default: jest.fn() }), {
    virtual: true,
});

const entitiesMock = getEntities as unknown as jest.Mock;
const selectedMock = processSelected as unknown as jest.Mock;
const allMock = processAll as unknown as jest.Mock;

const TARGET = 'a01000000000002AAA';

function table(extra: Record<string, unknown> = {}): unknown {
    return {
        targetId: TARGET,
        targetName: 'Sandbox',
        targetActive: true,
        entities: [
            {
                objectName: 'Contact',
                label: 'Contact',
                enabled: true,
                lastFullResyncAt: '2026-12-01T10:00:00.000Z',
                lastFailedMissedResyncAt: null,
                linkedRecords: 200,
                failedRecords: 3,
            },
            { objectName: 'Account', label: 'Account', enabled: true, linkedRecords: 100, failedRecords: 0 },
            { objectName: 'Invoice__c', label: 'Invoice', enabled: false, linkedRecords: 0, failedRecords: 0 },
        ],
        ...extra,
    };
}

type Screen = HTMLElement & { defaultMode?: string; defaultTargetName?: string; recordId?: string };

function q<T extends Element = HTMLElement>(element: HTMLElement, selector: string): T | null {
    return element.shadowRoot?.querySelector<T>(selector) ?? null;
}

async function mountWithTarget(props: Partial<Screen> = {}, entities: unknown = table()): Promise<Screen> {
    entitiesMock.mockResolvedValue(entities);
    const element = createElement('c-data-resync', { is: DataResync }) as Screen;
    Object.assign(element, props);
    document.body.appendChild(element);
    q(element, '[data-id="target"]')?.dispatchEvent(new CustomEvent('targetchange', { detail: { targetId: TARGET } }));
    await flushPromises();
    return element;
}

function select(element: HTMLElement, names: string[]): void {
    q(element, '[data-id="entities"]')?.dispatchEvent(
        new CustomEvent('rowselection', { detail: { selectedRows: names.map((objectName) => ({ objectName })) } }),
    );
}

type Dialog = HTMLElement & { open: boolean; title: string; message: string };

describe('c-data-resync', () => {
    afterEach(() => {
        resetDom();
        jest.clearAllMocks();
    });

    it('shows the seed toolbar, Sync to Start with its two options and the entity table', async () => {
        const element = await mountWithTarget();
        expect(q<HTMLElement & { label: string }>(element, '[data-id="process"]')?.label).toBe('Process');
        expect(q<HTMLElement & { label: string }>(element, '[data-id="process-all"]')?.label).toBe('Process All');
        const mode = q<HTMLElement & { label: string; options: { label: string; value: string }[]; value: string }>(
            element,
            '[data-id="mode"]',
        );
        expect(mode?.label).toBe('Sync to Start');
        expect(mode?.options.map((option) => option.label)).toEqual([
            'Failed & Missed Data Resync',
            'Full Data Resync',
        ]);
        expect(mode?.value).toBe('FailedMissedResync');
        expect(q(element, '[data-id="mode-description"]')?.textContent).toContain('previous failures');
        const datatable = q<
            HTMLElement & { columns: { label: string }[]; data: { label: string; latestFailedMissed: string }[] }
        >(element, '[data-id="entities"]');
        expect(datatable?.columns.slice(0, 3).map((column) => column.label)).toEqual([
            'Entity',
            'Latest Failed & Missed Data Resync Attempt',
            'Latest Full Data Resync Attempt',
        ]);
        expect(datatable?.data.map((row) => row.label)).toEqual(['Account', 'Contact', 'Invoice (Invoice__c)']);
        expect(datatable?.data[1].latestFailedMissed).toBe('Never');
        expect(datatable?.getAttribute('aria-label')).toBe('Entities of the target org');
        expect(entitiesMock).toHaveBeenCalledWith({ targetId: TARGET });
    });

    it('refuses Process with nothing selected and starts nothing', async () => {
        const element = await mountWithTarget();
        q(element, '[data-id="process"]')?.click();
        await flushPromises();
        expect(q(element, '[data-id="notice"]')?.textContent).toBe(
            'Select at least one entity to process, or use Process All.',
        );
        expect(q<Dialog>(element, '[data-id="confirm"]')?.open).toBe(false);
        expect(selectedMock).not.toHaveBeenCalled();
    });

    it('refuses while the target already has an active run', async () => {
        const element = await mountWithTarget(
            {},
            table({ activeRunId: 'a0B000000000009AAA', activeRunState: 'Running' }),
        );
        select(element, ['Account']);
        q(element, '[data-id="process"]')?.click();
        await flushPromises();
        expect(q(element, '[data-id="notice"]')?.textContent).toContain('already has an active run (Running)');
        expect(selectedMock).not.toHaveBeenCalled();
        expect(q<HTMLElement & { runId: string }>(element, '[data-id="progress"]')?.runId).toBe('a0B000000000009AAA');
    });

    it('refuses on an inactive target', async () => {
        const element = await mountWithTarget({}, table({ targetActive: false }));
        q(element, '[data-id="process-all"]')?.click();
        await flushPromises();
        expect(q(element, '[data-id="notice"]')?.textContent).toContain('inactive');
    });

    it('confirms what will run, starts the selected entities and follows the run', async () => {
        selectedMock.mockResolvedValue('a0B000000000001AAA');
        const element = await mountWithTarget();
        const toasts = jest.fn();
        element.addEventListener('lightning__showtoast', toasts);
        q(element, '[data-id="mode"]')?.dispatchEvent(new CustomEvent('change', { detail: { value: 'FullResync' } }));
        select(element, ['Account', 'Contact']);
        await flushPromises();
        expect(q(element, '[data-id="selection"]')?.textContent).toBe('2 of 3 entities selected');
        q(element, '[data-id="process"]')?.click();
        await flushPromises();
        const dialog = q<Dialog>(element, '[data-id="confirm"]');
        expect(dialog?.open).toBe(true);
        expect(dialog?.title).toBe('Start a Full Data Resync?');
        expect(dialog?.message).toBe(
            'Resync will start a Full Data Resync of 2 entities on the target Sandbox: Account, Contact.',
        );
        dialog?.dispatchEvent(new CustomEvent('confirm'));
        await flushPromises();
        expect(selectedMock).toHaveBeenCalledWith({
            targetId: TARGET,
            mode: 'FullResync',
            objectNames: ['Account', 'Contact'],
            startedBy: 'User',
        });
        expect(q<HTMLElement & { runId: string }>(element, '[data-id="progress"]')?.runId).toBe('a0B000000000001AAA');
        expect(q<Dialog>(element, '[data-id="confirm"]')?.open).toBe(false);
        expect(toasts).toHaveBeenCalled();
        expect(entitiesMock).toHaveBeenCalledTimes(2);
    });

    it('starts every enabled entity with Process All', async () => {
        allMock.mockResolvedValue('a0B000000000002AAA');
        const element = await mountWithTarget();
        q(element, '[data-id="process-all"]')?.click();
        await flushPromises();
        expect(q<Dialog>(element, '[data-id="confirm"]')?.message).toBe(
            'Resync will start a Failed & Missed Data Resync of all 2 enabled entities on the target Sandbox: Account, Contact.',
        );
        q(element, '[data-id="confirm"]')?.dispatchEvent(new CustomEvent('confirm'));
        await flushPromises();
        expect(allMock).toHaveBeenCalledWith({ targetId: TARGET, mode: 'FailedMissedResync', startedBy: 'User' });
    });

    it('shows the refusal of the server and keeps the table', async () => {
        selectedMock.mockRejectedValue({ body: { message: 'Invoice__c is not enabled for the target Sandbox.' } });
        const element = await mountWithTarget({ defaultMode: 'FullResync' });
        expect(q<HTMLElement & { value: string }>(element, '[data-id="mode"]')?.value).toBe('FullResync');
        select(element, ['Invoice__c']);
        q(element, '[data-id="process"]')?.click();
        await flushPromises();
        q(element, '[data-id="confirm"]')?.dispatchEvent(new CustomEvent('confirm'));
        await flushPromises();
        expect(q(element, '[data-id="error"]')?.textContent).toBe('Invoice__c is not enabled for the target Sandbox.');
        expect(q(element, '[data-id="progress"]')).toBeNull();
    });

    it('cancels the confirmation without starting anything', async () => {
        const element = await mountWithTarget();
        select(element, ['Account']);
        q(element, '[data-id="process"]')?.click();
        await flushPromises();
        q(element, '[data-id="confirm"]')?.dispatchEvent(new CustomEvent('cancel'));
        await flushPromises();
        expect(q<Dialog>(element, '[data-id="confirm"]')?.open).toBe(false);
        expect(selectedMock).not.toHaveBeenCalled();
    });

    it('refreshes the attempt dates when the run ends, and on Refresh', async () => {
        const element = await mountWithTarget(
            {},
            table({ activeRunId: 'a0B000000000009AAA', activeRunState: 'Running' }),
        );
        entitiesMock.mockResolvedValue(table());
        q(element, '[data-id="progress"]')?.dispatchEvent(new CustomEvent('runended', { detail: {} }));
        await flushPromises();
        expect(entitiesMock).toHaveBeenCalledTimes(2);
        q(element, '[data-id="refresh"]')?.click();
        await flushPromises();
        expect(entitiesMock).toHaveBeenCalledTimes(3);
    });

    it('says when no entity is set up, and when none is enabled', async () => {
        const element = await mountWithTarget({}, table({ entities: [] }));
        expect(q(element, '[data-id="empty"]')?.textContent).toContain('No object is set up');
        q(element, '[data-id="process-all"]')?.click();
        await flushPromises();
        expect(q(element, '[data-id="notice"]')?.textContent).toBe('No entity is enabled for this target.');
    });

    it('shows why the table could not be read', async () => {
        entitiesMock.mockRejectedValue({ body: { message: 'The target does not exist or you cannot see it.' } });
        const element = createElement('c-data-resync', { is: DataResync });
        document.body.appendChild(element);
        q(element, '[data-id="target"]')?.dispatchEvent(
            new CustomEvent('targetchange', { detail: { targetId: TARGET } }),
        );
        await flushPromises();
        expect(q(element, '[data-id="error"]')?.textContent).toBe('The target does not exist or you cannot see it.');
    });

    it('navigates to the run record when progress asks for details', async () => {
        const element = await mountWithTarget(
            {},
            table({ activeRunId: 'a0B000000000009AAA', activeRunState: 'Running' }),
        );
        q(element, '[data-id="progress"]')?.dispatchEvent(
            new CustomEvent('rundetails', { detail: { runId: 'a0B000000000009AAA' } }),
        );
        expect(getNavigateCalledWith()).toEqual({
            type: 'standard__recordPage',
            attributes: { recordId: 'a0B000000000009AAA', actionName: 'view' },
        });
    });

    it('chooses the target of the record page it is placed on', async () => {
        const element = await mountWithTarget({ recordId: TARGET });
        expect(query<HTMLElement & { targetId: string }>(element, '[data-id="target"]')?.targetId).toBe(TARGET);
    });
});
