import { createElement } from 'lwc';
import TargetSettings from 'c/targetSettings';
import getTargets from '@salesforce/apex/TargetController.getTargets';
import testConnection from '@salesforce/apex/TargetController.testConnection';
import getSettingsOptions from '@salesforce/apex/SettingsController.getSettingsOptions';
import saveTarget from '@salesforce/apex/SettingsController.saveTarget';

jest.mock('@salesforce/apex/TargetController.getTargets', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/TargetController.testConnection', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/SettingsController.getSettingsOptions', () => ({ default: jest.fn() }), {
    virtual: true,
});
jest.mock('@salesforce/apex/SettingsController.saveTarget', () => ({ default: jest.fn() }), { virtual: true });

const getTargetsMock = getTargets as unknown as jest.Mock;
const testMock = testConnection as unknown as jest.Mock;
const optionsMock = getSettingsOptions as unknown as jest.Mock;
const saveMock = saveTarget as unknown as jest.Mock;

const TARGETS = [
    {
        targetId: 'a01000000000001AAA',
        name: 'Sandbox',
        active: true,
        namedCredential: 'Resync_Target',
        apiVersion: '66.0',
        strictMode: true,
        apiUsagePauseThreshold: 90,
        maxTransientRetries: 5,
        lastConnectionOk: true,
        lastConnectionMessage: 'Connected.',
        lastConnectionTestAt: '2026-12-03T09:00:00.000Z',
    },
    { targetId: 'a01000000000002AAA', name: 'UAT', active: false, namedCredential: 'Uat', lastConnectionOk: null },
    {
        targetId: 'a01000000000003AAA',
        name: 'Busy',
        active: true,
        namedCredential: 'Busy',
        lastConnectionOk: false,
        activeRunId: 'a0B000000000001AAA',
    },
];
const ADMIN = {
    canEditTargets: true,
    namedCredentials: [
        { label: 'Prod_Org', value: 'Prod_Org' },
        { label: 'Resync_Target', value: 'Resync_Target' },
    ],
    minPauseThreshold: 1,
    maxPauseThreshold: 100,
    maxRetries: 99,
    defaultApiVersion: '66.0',
};

function flush(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function sentInput(): Record<string, unknown> {
    const [[params]] = saveMock.mock.calls as [[{ input: Record<string, unknown> }]];
    return params.input;
}

function q<T extends Element = HTMLElement>(element: HTMLElement, selector: string): T | null {
    return element.shadowRoot?.querySelector<T>(selector) ?? null;
}

async function mount(): Promise<HTMLElement> {
    const element = createElement('c-target-settings', { is: TargetSettings });
    document.body.appendChild(element);
    await flush();
    return element;
}

function type(element: HTMLElement, field: string, value: string | boolean): void {
    const control = q<HTMLElement & { checked?: boolean }>(element, `[data-field="${field}"]`);
    if (!control) throw new Error(`no ${field}`);
    const detail = typeof value === 'boolean' ? { checked: value } : { value };
    control.dispatchEvent(new CustomEvent('change', { detail }));
}

describe('c-target-settings', () => {
    beforeEach(() => {
        getTargetsMock.mockResolvedValue(TARGETS);
        optionsMock.mockResolvedValue(ADMIN);
    });
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.resetAllMocks();
    });

    it('lists the targets with their connection status and labelled actions', async () => {
        const element = await mount();
        const rows = Array.from(element.shadowRoot?.querySelectorAll('tbody tr') ?? []);
        expect(rows.map((row) => row.getAttribute('data-row'))).toEqual(TARGETS.map((t) => t.targetId));
        expect(rows[0].textContent).toContain('Connected');
        expect(rows[0].textContent).toContain('Resync_Target');
        expect(rows[1].textContent).toContain('Not tested');
        expect(rows[2].textContent).toContain('Not connected');
        expect(q(element, 'table')?.getAttribute('aria-label')).toBe('Targets and their connection');
        const edit = rows[0].querySelector<HTMLElement & { alternativeText: string }>('[data-id="edit"]');
        expect(edit?.alternativeText).toBe('Edit Sandbox');
        expect(q(element, '[data-id="read-only"]')).toBeNull();
    });

    it('says when there is no target', async () => {
        getTargetsMock.mockResolvedValue([]);
        const element = await mount();
        expect(q(element, '[data-id="none"]')?.textContent).toContain('No target yet');
    });

    it('shows why the targets could not be read', async () => {
        getTargetsMock.mockRejectedValue({ body: { message: 'No access to SettingsController' } });
        const element = await mount();
        expect(q(element, '[role="alert"]')?.textContent).toBe('No access to SettingsController');
    });

    it('is read-only for a user who may not edit targets', async () => {
        optionsMock.mockResolvedValue({ canEditTargets: false });
        const element = await mount();
        expect(q(element, '[data-id="read-only"]')?.textContent).toContain('only a Resync Admin');
        expect(q<HTMLElement & { disabled: boolean }>(element, '[data-id="new"]')?.disabled).toBe(true);
    });

    it('creates a target from the form and tells its owner', async () => {
        const saved = { ...TARGETS[1], targetId: 'a01000000000009AAA', name: 'Prod' };
        saveMock.mockResolvedValue(saved);
        const element = await mount();
        const changes: unknown[] = [];
        element.addEventListener('targetschange', (event) => changes.push((event as CustomEvent).detail));
        q(element, '[data-id="new"]')?.click();
        await flush();
        expect(q(element, '#target-form-title') ?? q(element, 'h3')).not.toBeNull();
        expect(q(element, 'h3')?.textContent).toBe('New target');
        type(element, 'name', ' Prod ');
        type(element, 'namedCredential', 'Prod_Org');
        type(element, 'apiVersion', '');
        type(element, 'apiUsagePauseThreshold', '75');
        type(element, 'maxTransientRetries', '');
        type(element, 'strictMode', true);
        type(element, 'active', false);
        q(element, '[data-id="save"]')?.click();
        await flush();
        expect(saveMock).toHaveBeenCalledWith({
            input: {
                name: 'Prod',
                namedCredential: 'Prod_Org',
                apiVersion: '',
                active: false,
                strictMode: true,
                apiUsagePauseThreshold: 75,
                maxTransientRetries: undefined,
            },
        });
        expect(changes).toEqual([{ targetId: 'a01000000000009AAA' }]);
        expect(q(element, '[data-id="form"]')).toBeNull();
        expect(getTargetsMock).toHaveBeenCalledTimes(2);
    });

    it('edits a target and shows the server refusal in the form', async () => {
        saveMock.mockRejectedValue({ body: { message: 'There is no Named Credential named Nope.' } });
        const element = await mount();
        q(element, '[data-target-id="a01000000000003AAA"][data-id="edit"]')?.click();
        await flush();
        expect(q(element, 'h3')?.textContent).toBe('Edit Busy');
        expect(q(element, '[data-id="held"]')).not.toBeNull();
        type(element, 'namedCredential', 'Nope');
        q(element, '[data-id="save"]')?.click();
        await flush();
        expect(sentInput().targetId).toBe('a01000000000003AAA');
        expect(q(element, '[data-id="form-error"]')?.textContent).toBe('There is no Named Credential named Nope.');
        q(element, '[data-id="cancel"]')?.click();
        await flush();
        expect(q(element, '[data-id="form"]')).toBeNull();
    });

    it('does not send a form the browser finds invalid', async () => {
        const element = await mount();
        q(element, '[data-id="new"]')?.click();
        await flush();
        const name = q<HTMLElement & { reportValidity: () => boolean }>(element, '[data-field="name"]');
        if (name) name.reportValidity = () => false;
        q(element, '[data-id="save"]')?.click();
        await flush();
        expect(saveMock).not.toHaveBeenCalled();
    });

    it('tests a connection and shows the daily API figures', async () => {
        testMock.mockResolvedValue({
            targetId: 'a01000000000002AAA',
            ok: true,
            message: 'Connected.',
            testedAt: '2026-12-03T10:00:00.000Z',
            dailyApiMax: 15000,
            dailyApiRemaining: 14899,
        });
        const element = await mount();
        q(element, '[data-target-id="a01000000000002AAA"][data-id="test"]')?.click();
        await flush();
        expect(testMock).toHaveBeenCalledWith({ targetId: 'a01000000000002AAA' });
        const row = q(element, 'tr[data-row="a01000000000002AAA"]');
        expect(row?.textContent).toContain('Connected');
        expect(row?.querySelector('[data-id="detail"]')?.textContent).toContain(
            '14,899 of 15,000 daily API requests left.',
        );
    });

    it('shows a failed connection test call', async () => {
        testMock.mockRejectedValue({ body: { message: 'The target has no Named Credential.' } });
        const element = await mount();
        q(element, '[data-target-id="a01000000000002AAA"][data-id="test"]')?.click();
        await flush();
        expect(q(element, '[data-id="error"]')?.textContent).toBe('The target has no Named Credential.');
    });

    it("offers the org's Named Credentials to choose from, and keeps a target's own that the org lost", async () => {
        const element = await mount();
        q(element, '[data-id="new"]')?.click();
        await flush();
        const picker = q<HTMLElement & { options: { value: string }[] }>(element, '[data-field="namedCredential"]');
        expect(picker?.tagName.toLowerCase()).toBe('lightning-combobox');
        expect(picker?.options.map((o) => o.value)).toEqual(['Prod_Org', 'Resync_Target']);
        expect(q(element, '[data-id="no-credentials"]')).toBeNull();
        q(element, '[data-id="cancel"]')?.click();
        await flush();
        const edits = element.shadowRoot?.querySelectorAll<HTMLElement>('[data-id="edit"]');
        edits?.[1]?.click();
        await flush();
        const editing = q<HTMLElement & { options: { value: string }[]; value: string }>(
            element,
            '[data-field="namedCredential"]',
        );
        expect(editing?.value).toBe('Uat');
        expect(editing?.options.map((o) => o.value)).toEqual(['Prod_Org', 'Resync_Target', 'Uat']);
    });

    it('says how to create a Named Credential when the org has none', async () => {
        optionsMock.mockResolvedValue({ ...ADMIN, namedCredentials: [] });
        const element = await mount();
        q(element, '[data-id="new"]')?.click();
        await flush();
        expect(q(element, '[data-id="no-credentials"]')?.textContent?.trim()).toBe(
            'This org has no Named Credential yet: create one in Setup, Named Credentials, then choose it here.',
        );
    });
});
