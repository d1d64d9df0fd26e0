import { createElement } from 'lwc';
import RetentionSettings from 'c/retentionSettings';
import getRetention from '@salesforce/apex/RetentionController.getRetention';
import setRetentionDays from '@salesforce/apex/RetentionController.setRetentionDays';
import schedulePurge from '@salesforce/apex/RetentionController.schedulePurge';
import unschedulePurge from '@salesforce/apex/RetentionController.unschedulePurge';
import purgeNow from '@salesforce/apex/RetentionController.purgeNow';

jest.mock('@salesforce/apex/RetentionController.getRetention', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RetentionController.setRetentionDays', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RetentionController.schedulePurge', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RetentionController.unschedulePurge', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RetentionController.purgeNow', () => ({ default: jest.fn() }), { virtual: true });

const getMock = getRetention as unknown as jest.Mock;
const setMock = setRetentionDays as unknown as jest.Mock;
const scheduleMock = schedulePurge as unknown as jest.Mock;
const unscheduleMock = unschedulePurge as unknown as jest.Mock;
const purgeMock = purgeNow as unknown as jest.Mock;

const ADMIN = { retentionDays: 90, scheduled: false, canManage: true };
const SCHEDULED = { retentionDays: 90, scheduled: true, nextRunAt: '2026-12-04T03:00:00.000Z', canManage: true };

function flush(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function q<T extends globalThis.Element = HTMLElement>(element: HTMLElement, selector: string): T | null {
    return element.shadowRoot?.querySelector<T>(selector) ?? null;
}

async function mount(): Promise<HTMLElement> {
    const element = createElement('c-retention-settings', { is: RetentionSettings });
    document.body.appendChild(element);
    await flush();
    return element;
}

describe('c-retention-settings', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.resetAllMocks();
    });

    it('shows the days kept and that the purge is not scheduled', async () => {
        getMock.mockResolvedValue(ADMIN);
        const element = await mount();
        const days = q<HTMLElement & { value: string; label: string; disabled: boolean }>(element, '[data-id="days"]');
        expect(days?.value).toBe('90');
        expect(days?.label).toBe('Days Kept');
        expect(days?.disabled).toBe(false);
        expect(q(element, '[data-id="schedule"]')?.textContent).toBe('The daily purge is not scheduled.');
        expect(q(element, '[data-id="read-only"]')).toBeNull();
    });

    it('saves the days and shows a refusal', async () => {
        getMock.mockResolvedValue(ADMIN);
        setMock.mockResolvedValueOnce({ ...ADMIN, retentionDays: 30 });
        setMock.mockRejectedValueOnce({ body: { message: 'Keep run history from 1 to 3650 days; 0 is not allowed.' } });
        const element = await mount();
        const days = q<HTMLElement & { reportValidity: () => boolean }>(element, '[data-id="days"]');
        if (days) days.reportValidity = () => true;
        days?.dispatchEvent(new CustomEvent('change', { detail: { value: '30' } }));
        q(element, '[data-id="save"]')?.click();
        await flush();
        expect(setMock).toHaveBeenCalledWith({ days: 30 });
        expect(q<HTMLElement & { value: string }>(element, '[data-id="days"]')?.value).toBe('30');
        days?.dispatchEvent(new CustomEvent('change', { detail: { value: '0' } }));
        q(element, '[data-id="save"]')?.click();
        await flush();
        expect(q(element, '[data-id="error"]')?.textContent).toBe(
            'Keep run history from 1 to 3650 days; 0 is not allowed.',
        );
    });

    it('does not save days the browser finds invalid', async () => {
        getMock.mockResolvedValue(ADMIN);
        const element = await mount();
        const days = q<HTMLElement & { reportValidity: () => boolean }>(element, '[data-id="days"]');
        if (days) days.reportValidity = () => false;
        q(element, '[data-id="save"]')?.click();
        await flush();
        expect(setMock).not.toHaveBeenCalled();
    });

    it('schedules and unschedules the daily purge', async () => {
        getMock.mockResolvedValue(ADMIN);
        scheduleMock.mockResolvedValue(SCHEDULED);
        unscheduleMock.mockResolvedValue(ADMIN);
        const element = await mount();
        q(element, '[data-id="schedule-purge"]')?.click();
        await flush();
        expect(q(element, '[data-id="schedule"]')?.textContent).toContain('The daily purge runs next');
        q(element, '[data-id="unschedule"]')?.click();
        await flush();
        expect(unscheduleMock).toHaveBeenCalled();
        expect(q(element, '[data-id="schedule-purge"]')).not.toBeNull();
    });

    it('purges after confirmation', async () => {
        getMock.mockResolvedValue(ADMIN);
        purgeMock.mockResolvedValue('707000000000001AAA');
        const element = await mount();
        const dialog = (): (HTMLElement & { open: boolean; message: string }) | null => q(element, 'c-confirm-dialog');
        q(element, '[data-id="purge"]')?.click();
        await flush();
        expect(dialog()?.open).toBe(true);
        expect(dialog()?.message).toContain('more than 90 days ago');
        dialog()?.dispatchEvent(new CustomEvent('cancel'));
        await flush();
        expect(dialog()?.open).toBe(false);
        q(element, '[data-id="purge"]')?.click();
        await flush();
        dialog()?.dispatchEvent(new CustomEvent('confirm'));
        await flush();
        expect(purgeMock).toHaveBeenCalled();
        expect(dialog()?.open).toBe(false);
    });

    it('is read-only with a note for a user who may not manage it', async () => {
        getMock.mockResolvedValue({ ...ADMIN, canManage: false });
        const element = await mount();
        expect(q(element, '[data-id="read-only"]')?.textContent).toContain('Only a Resync Admin');
        expect(q<HTMLElement & { disabled: boolean }>(element, '[data-id="purge"]')?.disabled).toBe(true);
        expect(q<HTMLElement & { disabled: boolean }>(element, '[data-id="days"]')?.disabled).toBe(true);
    });

    it('shows why the retention could not be read', async () => {
        getMock.mockRejectedValue({ body: { message: 'No access.' } });
        const element = await mount();
        expect(q(element, '[data-id="error"]')?.textContent).toBe('No access.');
    });
});
