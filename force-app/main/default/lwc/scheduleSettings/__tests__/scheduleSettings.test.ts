import { createElement } from 'lwc';
import ScheduleSettings from 'c/scheduleSettings';
import listSchedules from '@salesforce/apex/ScheduleController.listSchedules';
import createSchedule from '@salesforce/apex/ScheduleController.createSchedule';
import pauseSchedule from '@salesforce/apex/ScheduleController.pauseSchedule';
import resumeSchedule from '@salesforce/apex/ScheduleController.resumeSchedule';
import deleteSchedule from '@salesforce/apex/ScheduleController.deleteSchedule';
import getObjectSettings from '@salesforce/apex/SettingsController.getObjectSettings';
import getSettingsOptions from '@salesforce/apex/SettingsController.getSettingsOptions';

jest.mock('@salesforce/apex/ScheduleController.listSchedules', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ScheduleController.createSchedule', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ScheduleController.pauseSchedule', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ScheduleController.resumeSchedule', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ScheduleController.deleteSchedule', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/SettingsController.getObjectSettings', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/SettingsController.getSettingsOptions', () => ({ default: jest.fn() }), { virtual: true });

const listMock = listSchedules as unknown as jest.Mock;
const createMock = createSchedule as unknown as jest.Mock;
const pauseMock = pauseSchedule as unknown as jest.Mock;
const resumeMock = resumeSchedule as unknown as jest.Mock;
const deleteMock = deleteSchedule as unknown as jest.Mock;
const settingsMock = getObjectSettings as unknown as jest.Mock;
const optionsMock = getSettingsOptions as unknown as jest.Mock;

const TARGET = 'a01000000000001AAA';
const SCHEDULES = [
    {
        id: 'a03000000000001AAA',
        name: 'SCH-00001',
        mode: 'FullResync',
        objectNames: ['Account', 'Contact'],
        cronExpression: '0 0 2 * * ?',
        description: 'Every day at 02:00',
        timeZone: 'Europe/London',
        active: true,
        nextFireText: 'Friday 4 December 2026, 02:00 (Europe/London)',
        lastOutcome: 'Skipped',
        lastOutcomeReason: 'The target already has an active run.',
    },
    {
        id: 'a03000000000002AAA',
        name: 'SCH-00002',
        mode: 'FailedMissedResync',
        objectNames: ['Account'],
        active: false,
    },
];
const SETTINGS = [
    { objectApiName: 'Account', label: 'Account', enabled: true },
    { objectApiName: 'Contact', label: 'Contact', enabled: true },
    { objectApiName: 'Lead', label: 'Lead', enabled: false },
];

type Element = HTMLElement & { targetId?: string };

function flush(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function q<T extends globalThis.Element = HTMLElement>(element: HTMLElement, selector: string): T | null {
    return element.shadowRoot?.querySelector<T>(selector) ?? null;
}

function change(element: HTMLElement, selector: string, value: unknown): void {
    q(element, selector)?.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

async function mount(targetId = TARGET): Promise<Element> {
    const element = createElement('c-schedule-settings', { is: ScheduleSettings }) as Element;
    element.targetId = targetId;
    document.body.appendChild(element);
    await flush();
    return element;
}

describe('c-schedule-settings', () => {
    beforeEach(() => {
        listMock.mockResolvedValue(SCHEDULES);
        settingsMock.mockResolvedValue(SETTINGS);
        optionsMock.mockResolvedValue({ canManageSchedules: true });
    });
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.resetAllMocks();
    });

    it('asks for a target when none is chosen', async () => {
        const element = await mount('');
        expect(q(element, '[data-id="no-target"]')).not.toBeNull();
        expect(listMock).not.toHaveBeenCalled();
    });

    it('lists the schedules with the words, time zone, next fire and outcome', async () => {
        const element = await mount();
        const rows = Array.from(element.shadowRoot?.querySelectorAll('tbody tr') ?? []);
        expect(rows).toHaveLength(2);
        expect(rows[0].querySelector('[data-id="description"]')?.textContent).toBe('Every day at 02:00');
        expect(rows[0].textContent).toContain('Europe/London');
        expect(rows[0].textContent).toContain('Account, Contact');
        expect(rows[0].textContent).toContain('Skipped: The target already has an active run.');
        expect(rows[0].querySelector('[data-id="next-fire"]')?.textContent).toContain('Friday 4 December 2026');
        expect(rows[1].querySelector('[data-id="next-fire"]')?.textContent).toBe('Paused');
        expect(rows[0].querySelector('[data-id="pause"]')).not.toBeNull();
        expect(rows[1].querySelector('[data-id="resume"]')).not.toBeNull();
        const listbox = q<HTMLElement & { options: { value: string }[]; label: string }>(
            element,
            '[data-id="objects"]',
        );
        expect(listbox?.options.map((option) => option.value)).toEqual(['Account', 'Contact']);
        expect(listbox?.label).toBe('Objects');
    });

    it('creates a schedule from a preset', async () => {
        createMock.mockResolvedValue({ name: 'SCH-00003' });
        const element = await mount();
        change(element, '[data-id="mode"]', 'FailedMissedResync');
        change(element, '[data-id="objects"]', ['Contact']);
        change(element, '[data-id="preset"]', '0 0 * * * ?');
        await flush();
        expect(q<HTMLElement & { value: string }>(element, '[data-id="cron"]')?.value).toBe('0 0 * * * ?');
        q(element, '[data-id="create"]')?.click();
        await flush();
        expect(createMock).toHaveBeenCalledWith({
            targetId: TARGET,
            mode: 'FailedMissedResync',
            objectNames: ['Contact'],
            cronExpression: '0 0 * * * ?',
        });
        expect(listMock).toHaveBeenCalledTimes(2);
    });

    it('checks the form and shows the server message under the cron expression', async () => {
        createMock.mockRejectedValue({ body: { message: 'Not a valid cron expression: 7 fields at most.' } });
        const element = await mount();
        q(element, '[data-id="create"]')?.click();
        await flush();
        expect(q(element, '[data-id="error"]')?.textContent).toBe('Choose at least one object.');
        change(element, '[data-id="objects"]', ['Account']);
        q(element, '[data-id="create"]')?.click();
        await flush();
        expect(q(element, '[data-id="cron-error"]')?.textContent).toBe('Give a cron expression.');
        change(element, '[data-id="cron"]', '1 2 3 4 5 6 7 8');
        q(element, '[data-id="create"]')?.click();
        await flush();
        expect(q(element, '[data-id="cron-error"]')?.textContent).toBe(
            'Not a valid cron expression: 7 fields at most.',
        );
    });

    it('pauses, resumes and deletes after confirmation', async () => {
        pauseMock.mockResolvedValue({});
        resumeMock.mockRejectedValue({ body: { message: 'The org allows 100 scheduled jobs.' } });
        deleteMock.mockResolvedValue(undefined);
        const element = await mount();
        q(element, '[data-id="pause"]')?.click();
        await flush();
        expect(pauseMock).toHaveBeenCalledWith({ scheduleId: 'a03000000000001AAA' });
        q(element, '[data-id="resume"]')?.click();
        await flush();
        expect(q(element, '[data-id="error"]')?.textContent).toBe('The org allows 100 scheduled jobs.');
        const dialog = (): (HTMLElement & { open: boolean; title: string }) | null => q(element, 'c-confirm-dialog');
        q(element, '[data-schedule-id="a03000000000002AAA"][data-id="delete"]')?.click();
        await flush();
        expect(dialog()?.title).toBe('Delete the schedule SCH-00002?');
        dialog()?.dispatchEvent(new CustomEvent('cancel'));
        await flush();
        expect(dialog()?.open).toBe(false);
        q(element, '[data-schedule-id="a03000000000002AAA"][data-id="delete"]')?.click();
        await flush();
        dialog()?.dispatchEvent(new CustomEvent('confirm'));
        await flush();
        expect(deleteMock).toHaveBeenCalledWith({ scheduleId: 'a03000000000002AAA' });
        expect(dialog()?.open).toBe(false);
    });

    it('is read-only for an operator and says when no object is enabled', async () => {
        optionsMock.mockResolvedValue({ canManageSchedules: false });
        const element = await mount();
        expect(q(element, '[data-id="read-only"]')).not.toBeNull();
        expect(q(element, '[data-id="form"]')).toBeNull();
        expect(q(element, '[data-id="pause"]')).toBeNull();
        optionsMock.mockResolvedValue({ canManageSchedules: true });
        listMock.mockResolvedValue([]);
        settingsMock.mockResolvedValue([SETTINGS[2]]);
        element.targetId = 'a01000000000002AAA';
        await flush();
        expect(q(element, '[data-id="none"]')).not.toBeNull();
        expect(q(element, '[data-id="no-objects"]')).not.toBeNull();
        expect(q<HTMLElement & { disabled: boolean }>(element, '[data-id="create"]')?.disabled).toBe(true);
    });

    it('shows why the schedules could not be read', async () => {
        listMock.mockRejectedValue({ body: { message: 'The target does not exist or you cannot see it.' } });
        const element = await mount();
        expect(q(element, '[data-id="error"]')?.textContent).toBe('The target does not exist or you cannot see it.');
    });
});
