import { createElement } from 'lwc';
import TargetPicker from 'c/targetPicker';
import getTargets from '@salesforce/apex/TargetController.getTargets';
import testConnection from '@salesforce/apex/TargetController.testConnection';
import { flushPromises, resetDom } from 'test-utils';

jest.mock('@salesforce/apex/TargetController.getTargets', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/TargetController.testConnection', () => ({ default: jest.fn() }), { virtual: true });

const getTargetsMock = getTargets as unknown as jest.Mock;
const testMock = testConnection as unknown as jest.Mock;

const TARGETS = [
    { targetId: 'a01000000000001AAA', name: 'Archive', active: false, lastConnectionOk: null },
    {
        targetId: 'a01000000000002AAA',
        name: 'Sandbox',
        active: true,
        lastConnectionOk: true,
        lastConnectionMessage: 'Connected: 14000 of 15000 daily API requests left.',
        lastConnectionTestAt: '2026-12-03T09:00:00.000Z',
        activeRunId: 'a0B000000000001AAA',
        activeRunState: 'Running',
    },
    {
        targetId: 'a01000000000003AAA',
        name: 'UAT',
        active: true,
        lastConnectionOk: false,
        lastConnectionMessage: 'HTTP 401',
    },
];

type Picker = HTMLElement & {
    targetId?: string;
    defaultTargetName?: string;
    showConnection: boolean;
    refresh(): Promise<void>;
};

function mount(props: Partial<Picker> = {}): { element: Picker; changes: { targetId?: string }[] } {
    const element = createElement('c-target-picker', { is: TargetPicker }) as Picker;
    Object.assign(element, props);
    const changes: { targetId?: string }[] = [];
    element.addEventListener('targetchange', (event) =>
        changes.push((event as CustomEvent<{ targetId?: string }>).detail),
    );
    document.body.appendChild(element);
    return { element, changes };
}

function q<T extends Element = HTMLElement>(element: HTMLElement, selector: string): T | null {
    return element.shadowRoot?.querySelector<T>(selector) ?? null;
}

describe('c-target-picker', () => {
    afterEach(() => {
        resetDom();
        jest.clearAllMocks();
    });

    it('lists the targets, marks inactive ones and picks the first active target', async () => {
        getTargetsMock.mockResolvedValue(TARGETS);
        const { element, changes } = mount();
        await flushPromises();
        const combobox = q<HTMLElement & { options: { label: string; value: string }[]; value: string; label: string }>(
            element,
            '[data-id="target"]',
        );
        expect(combobox?.label).toBe('Target org');
        expect(combobox?.options.map((option) => option.label)).toEqual(['Archive (Inactive)', 'Sandbox', 'UAT']);
        expect(combobox?.value).toBe('a01000000000002AAA');
        expect(changes[changes.length - 1].targetId).toBe('a01000000000002AAA');
    });

    it('picks the target named by the design attribute, or keeps the one given', async () => {
        getTargetsMock.mockResolvedValue(TARGETS);
        const named = mount({ defaultTargetName: 'UAT' });
        await flushPromises();
        expect(named.changes[named.changes.length - 1].targetId).toBe('a01000000000003AAA');
        resetDom();
        const given = mount({ targetId: 'a01000000000001AAA' });
        await flushPromises();
        expect(given.changes[given.changes.length - 1].targetId).toBe('a01000000000001AAA');
    });

    it('shows the connection status, the last message and the active run', async () => {
        getTargetsMock.mockResolvedValue(TARGETS);
        const { element } = mount({ showConnection: true });
        await flushPromises();
        expect(q(element, '[data-id="status"]')?.textContent).toContain('Connected');
        expect(q(element, '[data-id="message"]')?.textContent).toContain('14000 of 15000');
        expect(q(element, '[data-id="status"]')?.textContent).toContain('Last tested');
        expect(q(element, '[data-id="active-run"]')?.textContent).toBe(
            'A run is in progress on this target (Running).',
        );
    });

    it('changes the target on a choice and says so', async () => {
        getTargetsMock.mockResolvedValue(TARGETS);
        const { element, changes } = mount({ showConnection: true });
        await flushPromises();
        q(element, '[data-id="target"]')?.dispatchEvent(
            new CustomEvent('change', { detail: { value: 'a01000000000003AAA' } }),
        );
        await flushPromises();
        expect(changes[changes.length - 1].targetId).toBe('a01000000000003AAA');
        expect(q(element, '[data-id="status"]')?.textContent).toContain('Not connected');
        q(element, '[data-id="target"]')?.dispatchEvent(
            new CustomEvent('change', { detail: { value: 'a01000000000001AAA' } }),
        );
        await flushPromises();
        expect(q(element, '[data-id="status"]')?.textContent).toContain('Not tested yet');
    });

    it('tests the connection, then reads the targets again', async () => {
        getTargetsMock.mockResolvedValue(TARGETS);
        testMock.mockResolvedValue({ ok: true, message: 'Connected.' });
        const { element } = mount({ showConnection: true });
        await flushPromises();
        q(element, '[data-id="test"]')?.click();
        await flushPromises();
        expect(testMock).toHaveBeenCalledWith({ targetId: 'a01000000000002AAA' });
        expect(getTargetsMock).toHaveBeenCalledTimes(2);
    });

    it('shows why a connection test or the target list failed', async () => {
        getTargetsMock.mockResolvedValue(TARGETS);
        testMock.mockRejectedValue({ body: { message: 'The target Sandbox has no Named Credential.' } });
        const { element } = mount({ showConnection: true });
        await flushPromises();
        q(element, '[data-id="test"]')?.click();
        await flushPromises();
        expect(q(element, '[data-id="error"]')?.textContent).toBe('The target Sandbox has no Named Credential.');

        resetDom();
        getTargetsMock.mockRejectedValue({ body: { message: 'Insufficient access' } });
        const failed = mount();
        await flushPromises();
        expect(q(failed.element, '[data-id="error"]')?.textContent).toBe('Insufficient access');
    });

    it('says when no target is set up, and refreshes on request', async () => {
        getTargetsMock.mockResolvedValue([]);
        const { element, changes } = mount();
        await flushPromises();
        expect(q(element, '[data-id="none"]')?.textContent).toContain('No target org is set up yet');
        expect(changes).toHaveLength(0);
        getTargetsMock.mockResolvedValue(TARGETS);
        await element.refresh();
        await flushPromises();
        expect(changes[changes.length - 1].targetId).toBe('a01000000000002AAA');
    });
});
