import { createElement } from 'lwc';
import ExecuteScreen from 'c/executeScreen';
import type { PlanPreview } from 'c/executeApi';
import type { RunStatus } from 'c/runHistoryApi';
import type { OrderChoice } from 'c/migrationOrder';
import { isEmpEnabled } from 'lightning/empApi';
import getTargets from '@salesforce/apex/TargetController.getTargets';
import previewPlan from '@salesforce/apex/ExecuteController.previewPlan';
import startExecute from '@salesforce/apex/ExecuteController.startExecute';
import processSelected from '@salesforce/apex/ResyncController.processSelected';
import validateRun from '@salesforce/apex/RecoveryController.validateRun';
import getRunStatus from '@salesforce/apex/RunHistoryController.getRunStatus';
import getErrorFacets from '@salesforce/apex/RunHistoryController.getErrorFacets';
import getRunErrorsFiltered from '@salesforce/apex/RunHistoryController.getRunErrorsFiltered';

jest.mock('@salesforce/apex/TargetController.getTargets', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/TargetController.testConnection', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ExecuteController.previewPlan', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ExecuteController.startExecute', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ResyncController.processSelected', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RecoveryController.validateRun', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RunHistoryController.getRunStatus', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RunHistoryController.getProgressChannel', () => ({ default: jest.fn() }), {
    virtual: true,
});
jest.mock('@salesforce/apex/RunHistoryController.getErrorFacets', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RunHistoryController.getRunErrorsFiltered', () => ({ default: jest.fn() }), {
    virtual: true,
});

const targetsMock = getTargets as unknown as jest.Mock;
const previewMock = previewPlan as unknown as jest.Mock;
const startMock = startExecute as unknown as jest.Mock;
const processMock = processSelected as unknown as jest.Mock;
const validateMock = validateRun as unknown as jest.Mock;
const statusMock = getRunStatus as unknown as jest.Mock;
const facetsMock = getErrorFacets as unknown as jest.Mock;
const errorsMock = getRunErrorsFiltered as unknown as jest.Mock;
const empEnabledMock = isEmpEnabled as unknown as jest.Mock;

const TARGET_ID = 'a01000000000001AAA';
const RUN_ID = 'a02000000000001AAA';
const TARGET = { targetId: TARGET_ID, name: 'Sandbox', active: true, strictMode: false, lastConnectionOk: true };

const PREVIEW: PlanPreview = {
    targetId: TARGET_ID,
    targetName: 'Sandbox',
    strictMode: false,
    canStart: true,
    objects: [
        {
            position: 1,
            objectName: 'Account',
            label: 'Account',
            insertAllowed: true,
            updateAllowed: true,
            batchSize: 200,
        },
        {
            position: 2,
            objectName: 'Contact',
            label: 'Contact',
            insertAllowed: true,
            updateAllowed: false,
            batchSize: 100,
        },
    ],
};

function status(state: string, isActive: boolean, failed = 0): RunStatus {
    return {
        run: { runId: RUN_ID, name: 'RUN-000001', mode: 'Execute', state, isActive, failed, canRetry: failed > 0 },
        objects: [{ position: 1, objectName: 'Account', state: 'Completed', failed }],
    };
}

function flush(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

type Button = HTMLElement & { disabled: boolean };

function find<T extends HTMLElement = Button>(element: HTMLElement, selector: string): T {
    return element.shadowRoot?.querySelector(selector) as T;
}

async function mount(): Promise<HTMLElement> {
    const element = createElement('c-execute-screen', { is: ExecuteScreen });
    document.body.appendChild(element);
    await flush();
    await flush();
    return element;
}

function blocked(element: HTMLElement): string | undefined {
    return find(element, '[data-id="blocked"]')?.textContent?.trim();
}

describe('c-execute-screen', () => {
    beforeEach(() => {
        targetsMock.mockResolvedValue([TARGET]);
        previewMock.mockResolvedValue(PREVIEW);
        statusMock.mockResolvedValue(status('Running', true));
        empEnabledMock.mockResolvedValue(false);
        facetsMock.mockResolvedValue({ runId: RUN_ID, total: 0, objects: [], statusCodes: [] });
        errorsMock.mockResolvedValue({ runId: RUN_ID, pageNumber: 1, pageCount: 0, total: 0, rows: [] });
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('previews the plan of the chosen target and shows the order', async () => {
        const element = await mount();
        expect(previewMock).toHaveBeenCalledWith({ targetId: TARGET_ID, objectNames: [] });
        const preview = find<HTMLElement & { preview: PlanPreview }>(element, 'c-plan-preview');
        expect(preview.preview).toEqual(PREVIEW);
        const order = find<HTMLElement & { choices: OrderChoice[] }>(element, 'c-migration-order');
        expect(order.choices.map((choice) => choice.objectName)).toEqual(['Account', 'Contact']);
        expect(find(element, '[data-id="start"]').disabled).toBe(false);
        expect(find(element, '[data-id="validate"]').disabled).toBe(false);
        expect(blocked(element)).toBeUndefined();
        expect(find(element, '[data-id="sync-type-help"]').textContent).toContain(
            'switches and batch sizes you choose',
        );
    });

    it('starts an Execute run with the choices in the chosen order after confirmation', async () => {
        startMock.mockResolvedValue(RUN_ID);
        const element = await mount();
        const order = find(element, 'c-migration-order');
        order.dispatchEvent(
            new CustomEvent('orderchange', {
                detail: {
                    objects: [
                        { objectName: 'Contact', insertAllowed: true, updateAllowed: true, batchSize: 50 },
                        { objectName: 'Account', insertAllowed: false, updateAllowed: true, batchSize: null },
                    ],
                },
            }),
        );
        await flush();
        expect(find(element, '[data-id="order-notice"]').textContent).toContain('the engine plans the order itself');
        find(element, '[data-id="start"]').click();
        await flush();
        const dialog = find<HTMLElement & { open: boolean; message: string }>(element, 'c-confirm-dialog');
        expect(dialog.open).toBe(true);
        expect(dialog.message).toBe('Sync (Execute) of 2 object(s) on Sandbox.');
        dialog.dispatchEvent(new CustomEvent('confirm'));
        await flush();
        expect(startMock).toHaveBeenCalledWith({
            targetId: TARGET_ID,
            choices: [
                { objectName: 'Contact', insertAllowed: true, updateAllowed: true, batchSize: 50 },
                { objectName: 'Account', insertAllowed: false, updateAllowed: true, batchSize: undefined },
            ],
        });
        expect(find<HTMLElement & { runId: string }>(element, 'c-run-progress').runId).toBe(RUN_ID);
        expect(find(element, '[data-id="start"]').disabled).toBe(true);
        expect(blocked(element)).toBe('A run is in progress on this target: wait for it to end or cancel it.');
    });

    it('starts a resync with the object settings for the other sync types', async () => {
        processMock.mockResolvedValue(RUN_ID);
        const element = await mount();
        find(element, '[data-id="sync-type"]').dispatchEvent(
            new CustomEvent('change', { detail: { value: 'FailedMissedResync' } }),
        );
        await flush();
        expect(find(element, '[data-id="sync-type-help"]').textContent).toContain('Uses each object');
        find(element, '[data-id="start"]').click();
        await flush();
        find(element, 'c-confirm-dialog').dispatchEvent(new CustomEvent('confirm'));
        await flush();
        expect(processMock).toHaveBeenCalledWith({
            targetId: TARGET_ID,
            mode: 'FailedMissedResync',
            objectNames: ['Account', 'Contact'],
            startedBy: 'User',
        });
        expect(startMock).not.toHaveBeenCalled();
    });

    it('keeps nothing started when the confirmation is cancelled, and ignores an unknown sync type', async () => {
        const element = await mount();
        find(element, '[data-id="sync-type"]').dispatchEvent(new CustomEvent('change', { detail: { value: 'Nope' } }));
        find(element, '[data-id="start"]').click();
        await flush();
        find(element, 'c-confirm-dialog').dispatchEvent(new CustomEvent('cancel'));
        await flush();
        expect(find<HTMLElement & { open: boolean }>(element, 'c-confirm-dialog').open).toBe(false);
        expect(startMock).not.toHaveBeenCalled();
        expect(find<HTMLElement & { value: string }>(element, '[data-id="sync-type"]').value).toBe('Execute');
    });

    it('shows a refused start through reduceError', async () => {
        startMock.mockRejectedValue({ body: { message: 'The target Sandbox cannot be reached: timeout' } });
        const element = await mount();
        find(element, '[data-id="start"]').click();
        await flush();
        find(element, 'c-confirm-dialog').dispatchEvent(new CustomEvent('confirm'));
        await flush();
        expect(find(element, '[data-id="error"]').textContent).toBe('The target Sandbox cannot be reached: timeout');
        expect(find(element, 'c-run-progress')).toBeNull();
        expect(find(element, '[data-id="start"]').disabled).toBe(false);
    });

    it('refuses to start invalid choices and says why', async () => {
        const element = await mount();
        find(element, 'c-migration-order').dispatchEvent(
            new CustomEvent('orderchange', {
                detail: {
                    objects: [
                        { objectName: 'Account', insertAllowed: true, updateAllowed: true, batchSize: 5000 },
                        { objectName: 'Contact', insertAllowed: true, updateAllowed: false, batchSize: null },
                    ],
                },
            }),
        );
        await flush();
        expect(find(element, '[data-id="start"]').disabled).toBe(true);
        expect(blocked(element)).toBe('Fix the batch sizes (1 to 2,000) and allow insert or update for every object.');
        expect(find(element, '[data-id="validate"]').disabled).toBe(false);
        find(element, '[data-id="start"]').click();
        await flush();
        expect(find<HTMLElement & { open: boolean }>(element, 'c-confirm-dialog').open).toBe(false);
    });

    it('blocks Start when the plan cannot start', async () => {
        previewMock.mockResolvedValue({ ...PREVIEW, canStart: false });
        const element = await mount();
        expect(find(element, '[data-id="start"]').disabled).toBe(true);
        expect(find(element, '[data-id="validate"]').disabled).toBe(true);
        expect(blocked(element)).toBe('The plan preview found problems that stop a run; fix them first.');
    });

    it('says when the plan has no object', async () => {
        previewMock.mockResolvedValue({ ...PREVIEW, objects: [] });
        const element = await mount();
        expect(blocked(element)).toBe('The plan has no object to run.');
    });

    it('shows a failed preview and lets it be tried again', async () => {
        previewMock.mockRejectedValueOnce({ body: { message: 'No object is enabled for the target Sandbox.' } });
        const element = await mount();
        expect(find(element, '[data-id="error"]').textContent).toBe('No object is enabled for the target Sandbox.');
        expect(blocked(element)).toBe('Preview the plan to choose the objects.');
        find(element, '[data-id="preview"]').click();
        await flush();
        expect(previewMock).toHaveBeenCalledTimes(2);
        expect(find(element, 'c-plan-preview')).not.toBeNull();
        expect(find(element, '[data-id="error"]')).toBeNull();
    });

    it('says to choose a target when there is none, and an inactive one cannot start', async () => {
        targetsMock.mockResolvedValue([]);
        const element = await mount();
        expect(blocked(element)).toBe('Choose a target first.');
        expect(find(element, '[data-id="preview"]').disabled).toBe(true);
        find(element, 'c-target-picker').dispatchEvent(
            new CustomEvent('targetchange', { detail: { targetId: TARGET_ID, target: { ...TARGET, active: false } } }),
        );
        await flush();
        expect(blocked(element)).toBe('The target is inactive: activate it first.');
    });

    it('follows a run already active on the chosen target', async () => {
        targetsMock.mockResolvedValue([{ ...TARGET, activeRunId: RUN_ID, activeRunState: 'Running' }]);
        const element = await mount();
        expect(find<HTMLElement & { runId: string }>(element, 'c-run-progress').runId).toBe(RUN_ID);
        expect(find(element, '[data-id="start"]').disabled).toBe(true);
    });

    it('validates a sample of the objects as a run', async () => {
        validateMock.mockResolvedValue(RUN_ID);
        const element = await mount();
        const sample = find(element, '[data-id="sample-size"]');
        sample.dispatchEvent(new CustomEvent('change', { detail: { value: '0' } }));
        await flush();
        expect(find(element, '[data-id="validate"]').disabled).toBe(true);
        sample.dispatchEvent(new CustomEvent('change', { detail: { value: '25' } }));
        await flush();
        find(element, '[data-id="validate"]').click();
        await flush();
        expect(validateMock).toHaveBeenCalledWith({
            targetId: TARGET_ID,
            objectNames: ['Account', 'Contact'],
            sampleSize: 25,
        });
        expect(find<HTMLElement & { runId: string }>(element, 'c-run-progress').runId).toBe(RUN_ID);
        expect(find(element, '[data-id="notice"]').textContent).toBe(
            'Validate run started: nothing is kept in the target.',
        );
    });

    it('validates every record when the sample size is blank', async () => {
        validateMock.mockResolvedValue(RUN_ID);
        const element = await mount();
        find(element, '[data-id="sample-size"]').dispatchEvent(new CustomEvent('change', { detail: { value: ' ' } }));
        find(element, '[data-id="validate"]').click();
        await flush();
        expect(validateMock).toHaveBeenCalledWith(expect.objectContaining({ sampleSize: null }));
    });

    it('shows progress, then the summary, the errors and the actions of an ended run', async () => {
        startMock.mockResolvedValue(RUN_ID);
        const element = await mount();
        find(element, '[data-id="start"]').click();
        await flush();
        find(element, 'c-confirm-dialog').dispatchEvent(new CustomEvent('confirm'));
        await flush();
        const progress = find(element, 'c-run-progress');
        progress.dispatchEvent(new CustomEvent('statuschange', { detail: { status: status('Running', true) } }));
        await flush();
        expect(find(element, 'c-run-actions')).not.toBeNull();
        expect(find(element, 'c-run-summary')).toBeNull();
        expect(find<HTMLElement & { disabled: boolean }>(element, 'c-migration-order').disabled).toBe(true);
        progress.dispatchEvent(
            new CustomEvent('runended', { detail: { status: status('CompletedWithErrors', false, 3) } }),
        );
        await flush();
        expect(find<HTMLElement & { status: RunStatus }>(element, 'c-run-summary').status.run?.state).toBe(
            'CompletedWithErrors',
        );
        expect(find<HTMLElement & { runId: string }>(element, 'c-error-viewer').runId).toBe(RUN_ID);
        const actions = find<HTMLElement & { objectNames: string[]; targetId: string }>(element, 'c-run-actions');
        expect(actions.objectNames).toEqual(['Account']);
        expect(actions.targetId).toBe(TARGET_ID);
        expect(find(element, '[data-id="start"]').disabled).toBe(false);
        actions.dispatchEvent(new CustomEvent('runstarted', { detail: { runId: 'a02000000000009AAA' } }));
        await flush();
        expect(find<HTMLElement & { runId: string }>(element, 'c-run-progress').runId).toBe('a02000000000009AAA');
        expect(find(element, 'c-run-summary')).toBeNull();
    });

    it('hides the error viewer for a run without failures and refreshes progress after a cancel', async () => {
        targetsMock.mockResolvedValue([{ ...TARGET, activeRunId: RUN_ID }]);
        const element = await mount();
        const progress = find(element, 'c-run-progress');
        progress.dispatchEvent(new CustomEvent('runended', { detail: { status: status('Completed', false) } }));
        await flush();
        expect(find(element, 'c-run-summary')).not.toBeNull();
        expect(find(element, 'c-error-viewer')).toBeNull();
        statusMock.mockClear();
        find(element, 'c-run-actions').dispatchEvent(new CustomEvent('runchanged', { detail: { runId: RUN_ID } }));
        await flush();
        expect(statusMock).toHaveBeenCalledWith({ runId: RUN_ID });
        // The fresh status (running again) reaches the screen through c-run-progress.
        expect(find(element, 'c-run-summary')).toBeNull();
        find(element, 'c-run-actions').dispatchEvent(new CustomEvent('runstarted', { detail: {} }));
        await flush();
        expect(find<HTMLElement & { runId: string }>(element, 'c-run-progress').runId).toBe(RUN_ID);
    });

    it('labels its controls', async () => {
        const element = await mount();
        expect(find<HTMLElement & { label: string }>(element, '[data-id="sync-type"]').label).toBe('Sync type');
        expect(
            find<HTMLElement & { options: { label: string }[] }>(element, '[data-id="sync-type"]').options.map(
                (option) => option.label,
            ),
        ).toEqual(['Sync (Execute)', 'Full Data Resync', 'Failed & Missed Data Resync']);
        expect(find<HTMLElement & { label: string }>(element, '[data-id="sample-size"]').label).toBe(
            'Records to validate per object (blank = all)',
        );
        expect(find<HTMLElement & { showConnection: boolean }>(element, 'c-target-picker').showConnection).toBe(true);
    });
});
