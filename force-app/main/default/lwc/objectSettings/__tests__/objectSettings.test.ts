import { createElement } from 'lwc';
import ObjectSettings from 'c/objectSettings';
import getSettingsOptions from '@salesforce/apex/SettingsController.getSettingsOptions';
import getObjectSettings from '@salesforce/apex/SettingsController.getObjectSettings';
import saveObjectSetting from '@salesforce/apex/SettingsController.saveObjectSetting';
import deleteObjectSetting from '@salesforce/apex/SettingsController.deleteObjectSetting';
import objectCandidates from '@salesforce/apex/SettingsController.objectCandidates';
import externalIdFields from '@salesforce/apex/SettingsController.externalIdFields';

jest.mock('@salesforce/apex/SettingsController.getSettingsOptions', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/SettingsController.getObjectSettings', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/SettingsController.saveObjectSetting', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/SettingsController.deleteObjectSetting', () => ({ default: jest.fn() }), {
    virtual: true,
});
jest.mock('@salesforce/apex/SettingsController.objectCandidates', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/SettingsController.externalIdFields', () => ({ default: jest.fn() }), { virtual: true });

const optionsMock = getSettingsOptions as unknown as jest.Mock;
const settingsMock = getObjectSettings as unknown as jest.Mock;
const saveMock = saveObjectSetting as unknown as jest.Mock;
const deleteMock = deleteObjectSetting as unknown as jest.Mock;
const candidatesMock = objectCandidates as unknown as jest.Mock;
const externalIdsMock = externalIdFields as unknown as jest.Mock;

const TARGET = 'a01000000000001AAA';
const OPTIONS = {
    matchingModes: [
        { label: 'Record Links', value: 'RecordLinks' },
        { label: 'External Id', value: 'ExternalId' },
    ],
    orderModes: [
        { label: 'Automatic', value: 'Automatic' },
        { label: 'Manual', value: 'Manual' },
    ],
    ownerModes: [
        { label: 'Integration User', value: 'IntegrationUser' },
        { label: 'Match User', value: 'MatchUser' },
        { label: 'Fixed Owner', value: 'FixedOwner' },
    ],
    userMatchFields: [
        { label: 'Username', value: 'Username' },
        { label: 'Email', value: 'Email' },
    ],
    minBatchSize: 1,
    maxBatchSize: 2000,
    defaultBatchSize: 200,
    canEditObjectSettings: true,
    canDeleteObjectSettings: true,
};
const SETTINGS = [
    {
        settingId: 'a02000000000001AAA',
        objectApiName: 'Account',
        label: 'Account',
        known: true,
        enabled: true,
        insertAllowed: true,
        updateAllowed: false,
        matchingMode: 'ExternalId',
        targetExternalIdField: 'Legacy_Id__c',
        batchSize: 200,
        orderMode: 'Automatic',
        filterProblem: 'The record filter of Account is not valid: Unknown field at 1',
    },
    { settingId: 'a02000000000002AAA', objectApiName: 'Gone__c', label: 'Gone__c', known: false, enabled: false },
];
const CANDIDATES = [
    { label: 'Account', value: 'Account' },
    { label: 'Contact', value: 'Contact' },
];

type Element = HTMLElement & { targetId?: string };

function flush(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function sentInput(): Record<string, unknown> {
    const [[params]] = saveMock.mock.calls as [[{ input: Record<string, unknown> }]];
    return params.input;
}

function q<T extends globalThis.Element = HTMLElement>(element: HTMLElement, selector: string): T | null {
    return element.shadowRoot?.querySelector<T>(selector) ?? null;
}

function change(element: HTMLElement, selector: string, detail: Record<string, unknown>): void {
    const control = q(element, selector);
    if (!control) throw new Error(`no ${selector}`);
    control.dispatchEvent(new CustomEvent('change', { detail }));
}

async function mount(targetId: string | undefined = TARGET): Promise<Element> {
    const element = createElement('c-object-settings', { is: ObjectSettings }) as Element;
    element.targetId = targetId;
    document.body.appendChild(element);
    await flush();
    return element;
}

describe('c-object-settings', () => {
    beforeEach(() => {
        optionsMock.mockResolvedValue(OPTIONS);
        settingsMock.mockResolvedValue(SETTINGS);
        candidatesMock.mockResolvedValue(CANDIDATES);
        externalIdsMock.mockResolvedValue([{ label: 'Legacy Id', value: 'Legacy_Id__c' }]);
    });
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.resetAllMocks();
    });

    it('asks for a target when none is chosen', async () => {
        const element = await mount('');
        expect(q(element, '[data-id="no-target"]')?.textContent).toBe('Choose a target first.');
        expect(settingsMock).not.toHaveBeenCalled();
    });

    it('lists the settings with matching, problems and labelled actions', async () => {
        const element = await mount();
        expect(settingsMock).toHaveBeenCalledWith({ targetId: TARGET });
        const rows = Array.from(element.shadowRoot?.querySelectorAll('tbody tr') ?? []);
        expect(rows).toHaveLength(2);
        expect(rows[0].textContent).toContain('External Id (Legacy_Id__c)');
        expect(rows[0].querySelector('[data-id="row-problem"]')?.textContent).toContain('is not valid');
        expect(rows[1].textContent).toContain('Gone__c (not in this org)');
        const edit = rows[0].querySelector<HTMLElement & { alternativeText: string }>('[data-id="edit"]');
        expect(edit?.alternativeText).toBe('Edit: Account');
        expect(q(element, 'table')?.getAttribute('aria-label')).toBe('Object settings of the target');
    });

    it('offers only objects not set up yet and adds one', async () => {
        saveMock.mockResolvedValue({ label: 'Contact' });
        const element = await mount();
        const combo = q<HTMLElement & { options: { value: string }[] }>(element, '[data-id="add-choice"]');
        expect(combo?.options.map((option) => option.value)).toEqual(['Contact']);
        change(element, '[data-id="add-choice"]', { value: 'Contact' });
        await flush();
        q(element, '[data-id="add"]')?.click();
        await flush();
        expect(q(element, 'h3')?.textContent).toBe('Settings of Contact');
        change(element, '[data-field="batchSize"]', { value: '500' });
        change(element, '[data-field="updateAllowed"]', { checked: false });
        q(element, '[data-id="save"]')?.click();
        await flush();
        const input = sentInput();
        expect(input).toMatchObject({
            targetId: TARGET,
            objectApiName: 'Contact',
            batchSize: 500,
            updateAllowed: false,
            insertAllowed: true,
            matchingMode: 'RecordLinks',
        });
        expect(input.settingId).toBeUndefined();
        expect(q(element, '[data-id="form"]')).toBeNull();
        expect(settingsMock).toHaveBeenCalledTimes(2);
    });

    it('chooses who owns the target records: a fixed owner asks for a Username, matching sends the user field', async () => {
        saveMock.mockResolvedValue({ label: 'Contact' });
        const element = await mount();
        change(element, '[data-id="add-choice"]', { value: 'Contact' });
        await flush();
        q(element, '[data-id="add"]')?.click();
        await flush();
        const owner = q<HTMLElement & { value: string; options: { value: string }[] }>(
            element,
            '[data-field="ownerMode"]',
        );
        expect(owner?.value).toBe('IntegrationUser');
        expect(owner?.options.map((option) => option.value)).toEqual(['IntegrationUser', 'MatchUser', 'FixedOwner']);
        expect(q(element, '[data-field="fixedOwner"]')).toBeNull();
        change(element, '[data-field="ownerMode"]', { value: 'FixedOwner' });
        await flush();
        const fixed = q<HTMLElement & { required: boolean }>(element, '[data-field="fixedOwner"]');
        expect(fixed?.required).toBe(true);
        change(element, '[data-field="fixedOwner"]', { value: 'jane@target.example' });
        change(element, '[data-field="userMatchField"]', { value: 'Email' });
        q(element, '[data-id="save"]')?.click();
        await flush();
        expect(sentInput()).toMatchObject({
            ownerMode: 'FixedOwner',
            fixedOwner: 'jane@target.example',
            userMatchField: 'Email',
        });
    });

    it('does not send a fixed owner once another owner is chosen', async () => {
        saveMock.mockResolvedValue({ label: 'Contact' });
        const element = await mount();
        change(element, '[data-id="add-choice"]', { value: 'Contact' });
        await flush();
        q(element, '[data-id="add"]')?.click();
        await flush();
        change(element, '[data-field="ownerMode"]', { value: 'FixedOwner' });
        await flush();
        change(element, '[data-field="fixedOwner"]', { value: 'jane@target.example' });
        change(element, '[data-field="ownerMode"]', { value: 'MatchUser' });
        await flush();
        expect(q(element, '[data-field="fixedOwner"]')).toBeNull();
        q(element, '[data-id="save"]')?.click();
        await flush();
        expect(sentInput()).toMatchObject({ ownerMode: 'MatchUser', fixedOwner: '', userMatchField: 'Username' });
    });

    it('shows the server message for a filter under the filter', async () => {
        const message = 'The record filter of Account is not valid: Expected a value at 12';
        saveMock.mockRejectedValue({ body: { message } });
        const element = await mount();
        q(element, '[data-setting-id="a02000000000001AAA"][data-id="edit"]')?.click();
        await flush();
        expect(externalIdsMock).toHaveBeenCalledWith({ objectApiName: 'Account' });
        change(element, '[data-field="recordFilter"]', { value: 'Industry = ' });
        q(element, '[data-id="save"]')?.click();
        await flush();
        expect(sentInput()).toMatchObject({
            settingId: 'a02000000000001AAA',
            recordFilter: 'Industry = ',
            targetExternalIdField: 'Legacy_Id__c',
        });
        expect(q(element, '[data-id="filter-error"]')?.textContent?.trim()).toBe(message);
        expect(q(element, '[data-id="filter-wrapper"]')?.className).toContain('slds-has-error');
        change(element, '[data-field="recordFilter"]', { value: "Industry = 'Energy'" });
        await flush();
        expect(q(element, '[data-id="filter-error"]')).toBeNull();
    });

    it('shows other refusals above the buttons and loads external id fields on choosing that matching', async () => {
        saveMock.mockRejectedValue({
            body: { message: 'The batch size of Contact must be between 1 and 2000, not 0.' },
        });
        externalIdsMock.mockResolvedValue([]);
        const element = await mount();
        change(element, '[data-id="add-choice"]', { value: 'Contact' });
        await flush();
        q(element, '[data-id="add"]')?.click();
        await flush();
        change(element, '[data-field="matchingMode"]', { value: 'ExternalId' });
        change(element, '[data-field="orderMode"]', { value: 'Manual' });
        await flush();
        expect(externalIdsMock).toHaveBeenCalledWith({ objectApiName: 'Contact' });
        expect(q(element, '[data-id="no-external-id"]')).not.toBeNull();
        expect(q(element, '[data-field="manualPosition"]')).not.toBeNull();
        q(element, '[data-id="save"]')?.click();
        await flush();
        expect(q(element, '[data-id="form-error"]')?.textContent).toContain('batch size');
        q(element, '[data-id="cancel"]')?.click();
        await flush();
        expect(q(element, '[data-id="form"]')).toBeNull();
    });

    it('deletes after confirmation and shows a refusal', async () => {
        deleteMock.mockRejectedValueOnce({ body: { message: 'The run R-1 (Running) holds the target.' } });
        deleteMock.mockResolvedValueOnce(undefined);
        const element = await mount();
        const dialog = (): (HTMLElement & { open: boolean; title: string }) | null => q(element, 'c-confirm-dialog');
        q(element, '[data-setting-id="a02000000000001AAA"][data-id="delete"]')?.click();
        await flush();
        expect(dialog()?.open).toBe(true);
        expect(dialog()?.title).toBe('Delete the settings of Account?');
        dialog()?.dispatchEvent(new CustomEvent('confirm'));
        await flush();
        expect(deleteMock).toHaveBeenCalledWith({ objectSettingId: 'a02000000000001AAA' });
        expect(q(element, '[data-id="error"]')?.textContent).toContain('holds the target');
        expect(dialog()?.open).toBe(false);
        q(element, '[data-setting-id="a02000000000001AAA"][data-id="delete"]')?.click();
        await flush();
        dialog()?.dispatchEvent(new CustomEvent('cancel'));
        await flush();
        expect(dialog()?.open).toBe(false);
        q(element, '[data-setting-id="a02000000000001AAA"][data-id="delete"]')?.click();
        await flush();
        dialog()?.dispatchEvent(new CustomEvent('confirm'));
        await flush();
        expect(deleteMock).toHaveBeenCalledTimes(2);
        expect(settingsMock).toHaveBeenCalledTimes(2);
    });

    it('is read-only for an operator and reports a read error', async () => {
        optionsMock.mockResolvedValue({ ...OPTIONS, canEditObjectSettings: false, canDeleteObjectSettings: false });
        const element = await mount();
        expect(q(element, '[data-id="read-only"]')).not.toBeNull();
        expect(q(element, '[data-id="add"]')).toBeNull();
        expect(q(element, '[data-id="delete"]')).toBeNull();
        settingsMock.mockRejectedValue({ body: { message: 'The target does not exist or you cannot see it.' } });
        element.targetId = 'a01000000000002AAA';
        await flush();
        expect(q(element, '[data-id="error"]')?.textContent).toBe('The target does not exist or you cannot see it.');
    });

    it('says when no object is set up', async () => {
        settingsMock.mockResolvedValue([]);
        const element = await mount();
        expect(q(element, '[data-id="none"]')?.textContent).toContain('No object is set up');
    });
});
