import { createElement } from 'lwc';
import RunActions from 'c/runActions';
import type { RunSummary } from 'c/runHistoryApi';
import cancelRun from '@salesforce/apex/RunActionController.cancelRun';
import retryRun from '@salesforce/apex/RunActionController.retryRun';
import previewRollback from '@salesforce/apex/RecoveryController.previewRollback';
import rollbackRun from '@salesforce/apex/RecoveryController.rollbackRun';
import exportRecordLinks from '@salesforce/apex/ExportController.exportRecordLinks';

jest.mock('@salesforce/apex/RunActionController.cancelRun', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RunActionController.retryRun', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RecoveryController.previewRollback', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RecoveryController.rollbackRun', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ExportController.exportRecordLinks', () => ({ default: jest.fn() }), { virtual: true });

const cancelMock = cancelRun as unknown as jest.Mock;
const retryMock = retryRun as unknown as jest.Mock;
const previewMock = previewRollback as unknown as jest.Mock;
const rollbackMock = rollbackRun as unknown as jest.Mock;
const exportMock = exportRecordLinks as unknown as jest.Mock;

const TOAST = 'lightning__showtoast';
const RUN_ID = 'a02000000000001AAA';
const TARGET_ID = 'a01000000000001AAA';
const ENDED: RunSummary = {
    runId: RUN_ID,
    state: 'CompletedWithErrors',
    isActive: false,
    canRetry: true,
    canCancel: false,
};
const RUNNING: RunSummary = { runId: RUN_ID, state: 'Running', isActive: true, canRetry: false, canCancel: true };

type ActionsElement = HTMLElement & { run?: RunSummary; targetId?: string; objectNames: string[] };
type Button = HTMLElement & { disabled: boolean };

function flush(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function mount(run: RunSummary | undefined, objectNames = ['Account', 'Contact']) {
    const element = createElement('c-run-actions', { is: RunActions }) as ActionsElement;
    element.run = run;
    element.targetId = TARGET_ID;
    element.objectNames = objectNames;
    const events: { type: string; detail: unknown }[] = [];
    for (const type of ['runstarted', 'runchanged', TOAST]) {
        element.addEventListener(type, (event) => events.push({ type, detail: (event as CustomEvent).detail }));
    }
    document.body.appendChild(element);
    return { element, events };
}

function find<T extends HTMLElement = Button>(element: HTMLElement, selector: string): T {
    return element.shadowRoot?.querySelector(selector) as T;
}

describe('c-run-actions', () => {
    let clickSpy: jest.SpyInstance;

    beforeEach(() => {
        clickSpy = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        clickSpy.mockRestore();
    });

    it('enables Retry and Roll back for an ended run with failures, Cancel for an active one', async () => {
        const { element } = mount(ENDED);
        expect(find(element, '[data-id="retry"]').disabled).toBe(false);
        expect(find(element, '[data-id="rollback"]').disabled).toBe(false);
        expect(find(element, '[data-id="cancel"]').disabled).toBe(true);
        element.run = RUNNING;
        await flush();
        expect(find(element, '[data-id="retry"]').disabled).toBe(true);
        expect(find(element, '[data-id="rollback"]').disabled).toBe(true);
        expect(find(element, '[data-id="cancel"]').disabled).toBe(false);
        expect(find(element, '[role="group"]').getAttribute('aria-label')).toBe('Run actions');
    });

    it('retries the failed records and tells the new run', async () => {
        retryMock.mockResolvedValue('a02000000000002AAA');
        const { element, events } = mount(ENDED);
        find(element, '[data-id="retry"]').click();
        await flush();
        expect(retryMock).toHaveBeenCalledWith({ runId: RUN_ID, startedBy: 'User' });
        expect(events.find((event) => event.type === 'runstarted')?.detail).toEqual({ runId: 'a02000000000002AAA' });
        expect(events.some((event) => event.type === TOAST)).toBe(true);
        expect(find(element, '[data-id="status"]').textContent?.trim()).toBe('Retry run started.');
    });

    it('shows a refused retry', async () => {
        retryMock.mockRejectedValue({ body: { message: 'The run has no failed records to retry.' } });
        const { element, events } = mount(ENDED);
        find(element, '[data-id="retry"]').click();
        await flush();
        expect(find(element, '[data-id="error"]').textContent).toBe('The run has no failed records to retry.');
        expect(events.filter((event) => event.type === 'runstarted')).toHaveLength(0);
        expect(find(element, '[data-id="retry"]').disabled).toBe(false);
    });

    it('asks before cancelling, then tells the run changed', async () => {
        cancelMock.mockResolvedValue('Cancelling');
        const { element, events } = mount(RUNNING);
        const dialog = find<HTMLElement & { open: boolean; title: string }>(element, 'c-confirm-dialog');
        expect(dialog.open).toBe(false);
        find(element, '[data-id="cancel"]').click();
        await flush();
        expect(dialog.open).toBe(true);
        expect(dialog.title).toBe('Cancel the run?');
        dialog.dispatchEvent(new CustomEvent('cancel'));
        await flush();
        expect(dialog.open).toBe(false);
        expect(cancelMock).not.toHaveBeenCalled();
        find(element, '[data-id="cancel"]').click();
        await flush();
        dialog.dispatchEvent(new CustomEvent('confirm'));
        await flush();
        expect(cancelMock).toHaveBeenCalledWith({ runId: RUN_ID });
        expect(events.find((event) => event.type === 'runchanged')?.detail).toEqual({
            runId: RUN_ID,
            state: 'Cancelling',
        });
        expect(find(element, '[data-id="status"]').textContent?.trim()).toBe(
            'Cancel asked: the run is now Cancelling.',
        );
    });

    it('previews a rollback in the dialog, then rolls back on confirm', async () => {
        previewMock.mockResolvedValue({ runId: RUN_ID, canRollBack: true, toDelete: 3, toRestore: 2 });
        rollbackMock.mockResolvedValue('a02000000000003AAA');
        const { element, events } = mount(ENDED);
        find(element, '[data-id="rollback"]').click();
        await flush();
        const dialog = find<HTMLElement & { open: boolean; preview: unknown }>(element, 'c-rollback-dialog');
        expect(previewMock).toHaveBeenCalledWith({ runId: RUN_ID });
        expect(dialog.open).toBe(true);
        expect(dialog.preview).toEqual({ runId: RUN_ID, canRollBack: true, toDelete: 3, toRestore: 2 });
        dialog.dispatchEvent(new CustomEvent('confirm'));
        await flush();
        expect(rollbackMock).toHaveBeenCalledWith({ runId: RUN_ID });
        expect(dialog.open).toBe(false);
        expect(events.find((event) => event.type === 'runstarted')?.detail).toEqual({ runId: 'a02000000000003AAA' });
    });

    it('shows rollback errors in the dialog and closes it on cancel', async () => {
        previewMock.mockRejectedValue({ body: { message: 'You cannot see this run.' } });
        rollbackMock.mockRejectedValue({ body: { message: 'Rollback refused.' } });
        const { element } = mount(ENDED);
        find(element, '[data-id="rollback"]').click();
        await flush();
        const dialog = find<HTMLElement & { open: boolean; errorMessage?: string }>(element, 'c-rollback-dialog');
        expect(dialog.errorMessage).toBe('You cannot see this run.');
        dialog.dispatchEvent(new CustomEvent('confirm'));
        await flush();
        expect(dialog.errorMessage).toBe('Rollback refused.');
        expect(dialog.open).toBe(true);
        dialog.dispatchEvent(new CustomEvent('cancel'));
        await flush();
        expect(dialog.open).toBe(false);
    });

    it('exports the Ids of the chosen object as ids_<object>_<timestamp>.csv', async () => {
        exportMock.mockResolvedValue({
            csvChunk: 'Source Id,Target Id\r\n003A,003B\r\n',
            nextCursor: null,
            rowCount: 1,
        });
        const anchors: HTMLAnchorElement[] = [];
        clickSpy.mockImplementation(function (this: HTMLAnchorElement) {
            anchors.push(this);
        });
        const { element } = mount(ENDED);
        const combobox = find<HTMLElement & { value: string; label: string }>(element, '[data-id="export-object"]');
        expect(combobox.value).toBe('Account');
        expect(combobox.label).toBe('Object to export');
        combobox.dispatchEvent(new CustomEvent('change', { detail: { value: 'Contact' } }));
        await flush();
        find(element, '[data-id="export-ids"]').click();
        await flush();
        expect(exportMock).toHaveBeenCalledWith({ syncTargetId: TARGET_ID, objectApiName: 'Contact', cursor: null });
        expect(anchors).toHaveLength(1);
        expect(anchors[0].download).toMatch(/^ids_Contact_\d{8}T\d{6}Z\.csv$/);
        expect(decodeURIComponent(anchors[0].href)).toContain('003A,003B');
        expect(find(element, '[data-id="status"]').textContent?.trim()).toMatch(
            /^1 Id pair\(s\) exported to ids_Contact_/,
        );
    });

    it('shows a failed export and disables it without objects', async () => {
        exportMock.mockRejectedValue(new Error('Network down'));
        const { element } = mount(ENDED);
        find(element, '[data-id="export-ids"]').click();
        await flush();
        expect(find(element, '[data-id="error"]').textContent).toBe('Network down');
        element.objectNames = [];
        await flush();
        expect(find(element, '[data-id="export-ids"]').disabled).toBe(true);
    });

    it('does nothing without a run', async () => {
        const { element } = mount(undefined, []);
        expect(find(element, '[data-id="retry"]').disabled).toBe(true);
        expect(find(element, '[data-id="rollback"]').disabled).toBe(true);
        find(element, '[data-id="retry"]').click();
        find(element, '[data-id="rollback"]').click();
        find(element, '[data-id="export-ids"]').click();
        find<HTMLElement>(element, 'c-confirm-dialog').dispatchEvent(new CustomEvent('confirm'));
        find<HTMLElement>(element, 'c-rollback-dialog').dispatchEvent(new CustomEvent('confirm'));
        await flush();
        expect(retryMock).not.toHaveBeenCalled();
        expect(previewMock).not.toHaveBeenCalled();
        expect(cancelMock).not.toHaveBeenCalled();
        expect(rollbackMock).not.toHaveBeenCalled();
        expect(exportMock).not.toHaveBeenCalled();
    });
});
