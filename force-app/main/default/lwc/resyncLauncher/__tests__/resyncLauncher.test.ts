import { createElement } from 'lwc';
import { isEmpEnabled } from 'lightning/empApi';
import ResyncLauncher from 'c/resyncLauncher';
import processSelected from '@salesforce/apex/ResyncController.processSelected';
import processAll from '@salesforce/apex/ResyncController.processAll';
import getRunStatus from '@salesforce/apex/RunHistoryController.getRunStatus';
import { parseObjectNames, readLastChoice, saveLastChoice } from '../launcherChoice';
import { flushPromises, resetDom } from 'test-utils';

jest.mock('@salesforce/apex/ResyncController.processSelected', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ResyncController.processAll', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RunHistoryController.getRunStatus', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RunHistoryController.getProgressChannel', () => ({ default: jest.fn() }), {
    virtual: true,
});
jest.mock('@salesforce/apex/TargetController.getTargets', () => ({ default: jest.fn(() => Promise.resolve([])) }), {
    virtual: true,
});

const selectedMock = processSelected as unknown as jest.Mock;
const allMock = processAll as unknown as jest.Mock;
const statusMock = getRunStatus as unknown as jest.Mock;

const TARGET = { targetId: 'a01000000000002AAA', name: 'Sandbox', active: true };

type Launcher = HTMLElement & { targetName?: string; mode?: string; objectNames?: string };

function q<T extends Element = HTMLElement>(element: HTMLElement, selector: string): T | null {
    return element.shadowRoot?.querySelector<T>(selector) ?? null;
}

function mount(props: Partial<Launcher> = {}, target: Record<string, unknown> = TARGET): Launcher {
    const element = createElement('c-resync-launcher', { is: ResyncLauncher }) as Launcher;
    Object.assign(element, props);
    document.body.appendChild(element);
    q(element, '[data-id="target"]')?.dispatchEvent(
        new CustomEvent('targetchange', { detail: { targetId: target.targetId, target } }),
    );
    return element;
}

function runStatus(state: string, isActive: boolean): unknown {
    return {
        run: {
            runId: 'a0B000000000001AAA',
            name: 'RUN-000003',
            state,
            isActive,
            inserted: 10,
            updated: 2,
            unchanged: 5,
            failed: 1,
        },
        objects: [
            { objectName: 'Account', state: 'Completed' },
            { objectName: 'Contact', state: 'Running' },
        ],
    };
}

describe('c-resync-launcher', () => {
    beforeEach(() => {
        (isEmpEnabled as unknown as jest.Mock).mockResolvedValue(false);
        window.localStorage.clear();
    });

    afterEach(() => {
        resetDom();
        jest.clearAllMocks();
    });

    it('starts the configured objects from the utility bar and follows the run', async () => {
        selectedMock.mockResolvedValue('a0B000000000001AAA');
        statusMock.mockResolvedValue(runStatus('Running', true));
        const element = mount({ mode: 'FullResync', objectNames: 'Account, Contact' });
        await flushPromises();
        expect(q(element, '[data-id="objects"]')?.textContent).toBe('Account, Contact');
        expect(q<HTMLElement & { value: string }>(element, '[data-id="mode"]')?.value).toBe('FullResync');
        q(element, '[data-id="start"]')?.click();
        await flushPromises();
        expect(selectedMock).toHaveBeenCalledWith({
            targetId: 'a01000000000002AAA',
            mode: 'FullResync',
            objectNames: ['Account', 'Contact'],
            startedBy: 'UtilityBar',
        });
        expect(q(element, '[data-id="state"]')?.textContent).toBe('Running');
        expect(q(element, '[data-id="progress"]')?.textContent).toBe('1 of 2 objects done');
        expect(q(element, '[data-id="counts"]')?.textContent).toBe('17 synced, 1 failed');
        expect(q<HTMLElement & { disabled: boolean }>(element, '[data-id="start"]')?.disabled).toBe(true);
        expect(readLastChoice()).toEqual({
            targetName: 'Sandbox',
            mode: 'FullResync',
            objectNames: ['Account', 'Contact'],
        });
    });

    it('starts every enabled object when none is configured, with the mode chosen', async () => {
        allMock.mockResolvedValue('a0B000000000001AAA');
        statusMock.mockResolvedValue(runStatus('Completed', false));
        const element = mount();
        await flushPromises();
        expect(q(element, '[data-id="objects"]')?.textContent).toBe('All enabled objects');
        q(element, '[data-id="mode"]')?.dispatchEvent(new CustomEvent('change', { detail: { value: 'FullResync' } }));
        q(element, '[data-id="start"]')?.click();
        await flushPromises();
        expect(allMock).toHaveBeenCalledWith({
            targetId: 'a01000000000002AAA',
            mode: 'FullResync',
            startedBy: 'UtilityBar',
        });
        expect(q<HTMLElement & { disabled: boolean }>(element, '[data-id="start"]')?.disabled).toBe(false);
    });

    it('uses the last choice when no design attribute is set', async () => {
        saveLastChoice({ targetName: 'UAT', mode: 'FullResync', objectNames: ['Case'] });
        const element = mount({}, { targetId: 'a01000000000003AAA', name: 'UAT', active: true });
        await flushPromises();
        expect(q<HTMLElement & { defaultTargetName: string }>(element, '[data-id="target"]')?.defaultTargetName).toBe(
            'UAT',
        );
        expect(q(element, '[data-id="objects"]')?.textContent).toBe('Case');
        expect(q<HTMLElement & { value: string }>(element, '[data-id="mode"]')?.value).toBe('FullResync');
    });

    it('follows a run already active on the target instead of starting another', async () => {
        statusMock.mockResolvedValue(runStatus('Running', true));
        const element = mount({}, { ...TARGET, activeRunId: 'a0B000000000001AAA', activeRunState: 'Running' });
        await flushPromises();
        expect(q(element, '[data-id="notice"]')?.textContent).toContain('following it');
        expect(statusMock).toHaveBeenCalledWith({ runId: 'a0B000000000001AAA' });
        expect(q(element, '[data-id="run"]')).not.toBeNull();
    });

    it('shows the refusal of the server and says when no target is chosen', async () => {
        selectedMock.mockRejectedValue({ body: { message: 'The target Sandbox already has an active run.' } });
        const element = mount({ objectNames: 'Account' });
        await flushPromises();
        q(element, '[data-id="start"]')?.click();
        await flushPromises();
        expect(q(element, '[data-id="error"]')?.textContent).toBe('The target Sandbox already has an active run.');

        resetDom();
        const noTarget = mount({}, { targetId: undefined });
        await flushPromises();
        q(noTarget, '[data-id="start"]')?.click();
        expect(selectedMock).toHaveBeenCalledTimes(1);
    });
});

describe('launcherChoice', () => {
    it('reads object names from a design attribute', () => {
        expect(parseObjectNames(' Account, Contact;Case  Lead ')).toEqual(['Account', 'Contact', 'Case', 'Lead']);
        expect(parseObjectNames(undefined)).toEqual([]);
    });

    it('ignores a stored choice that is damaged or of an unknown mode', () => {
        window.localStorage.setItem('resync.launcher.lastChoice', '{not json');
        expect(readLastChoice()).toBeUndefined();
        window.localStorage.setItem('resync.launcher.lastChoice', JSON.stringify({ mode: 'Rollback' }));
        expect(readLastChoice()).toBeUndefined();
        window.localStorage.setItem(
            'resync.launcher.lastChoice',
            JSON.stringify({ mode: 'FullResync', targetName: 7, objectNames: ['A', 3] }),
        );
        expect(readLastChoice()).toEqual({ targetName: undefined, mode: 'FullResync', objectNames: ['A'] });
        window.localStorage.clear();
        expect(readLastChoice()).toBeUndefined();
    });
});
