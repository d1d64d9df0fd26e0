import { createElement } from 'lwc';
import ResyncSettings from 'c/resyncSettings';
import getTargets from '@salesforce/apex/TargetController.getTargets';
import getSettingsOptions from '@salesforce/apex/SettingsController.getSettingsOptions';
import getObjectSettings from '@salesforce/apex/SettingsController.getObjectSettings';
import objectCandidates from '@salesforce/apex/SettingsController.objectCandidates';
import listSchedules from '@salesforce/apex/ScheduleController.listSchedules';
import getRetention from '@salesforce/apex/RetentionController.getRetention';

jest.mock('@salesforce/apex/TargetController.getTargets', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/TargetController.testConnection', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/SettingsController.getSettingsOptions', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/SettingsController.getObjectSettings', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/SettingsController.objectCandidates', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ScheduleController.listSchedules', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RetentionController.getRetention', () => ({ default: jest.fn() }), { virtual: true });

const TARGET = 'a01000000000001AAA';

function flush(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function all(element: HTMLElement, selector: string): HTMLElement[] {
    return Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? []);
}

describe('c-resync-settings', () => {
    beforeEach(() => {
        (getTargets as unknown as jest.Mock).mockResolvedValue([{ targetId: TARGET, name: 'Sandbox', active: true }]);
        (getSettingsOptions as unknown as jest.Mock).mockResolvedValue({});
        (getObjectSettings as unknown as jest.Mock).mockResolvedValue([]);
        (objectCandidates as unknown as jest.Mock).mockResolvedValue([]);
        (listSchedules as unknown as jest.Mock).mockResolvedValue([]);
        (getRetention as unknown as jest.Mock).mockResolvedValue({ retentionDays: 90, canManage: true });
    });
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.resetAllMocks();
    });

    it('has four labelled tabs', async () => {
        const element = createElement('c-resync-settings', { is: ResyncSettings });
        document.body.appendChild(element);
        await flush();
        const tabs = all(element, 'lightning-tab') as (HTMLElement & { label: string })[];
        expect(tabs.map((tab) => tab.label)).toEqual(['Targets', 'Objects', 'Schedules', 'Retention']);
        expect(all(element, 'c-target-settings')).toHaveLength(1);
        expect(all(element, 'c-retention-settings')).toHaveLength(1);
    });

    it('gives the chosen target to the objects and schedules tabs', async () => {
        const element = createElement('c-resync-settings', { is: ResyncSettings });
        document.body.appendChild(element);
        await flush();
        const [picker] = all(element, 'c-target-picker');
        picker.dispatchEvent(new CustomEvent('targetchange', { detail: { targetId: TARGET } }));
        await flush();
        const objects = all(element, 'c-object-settings')[0] as HTMLElement & { targetId?: string };
        const schedules = all(element, 'c-schedule-settings')[0] as HTMLElement & { targetId?: string };
        expect(objects.targetId).toBe(TARGET);
        expect(schedules.targetId).toBe(TARGET);
        for (const each of all(element, 'c-target-picker') as (HTMLElement & { targetId?: string })[]) {
            expect(each.targetId).toBe(TARGET);
        }
    });

    it('has the target pickers read the targets again after a save', async () => {
        const element = createElement('c-resync-settings', { is: ResyncSettings });
        document.body.appendChild(element);
        await flush();
        const pickers = all(element, 'c-target-picker') as (HTMLElement & { refresh: () => Promise<void> })[];
        const refreshes = pickers.map((picker) => {
            const spy = jest.fn().mockResolvedValue(undefined);
            Object.defineProperty(picker, 'refresh', { value: spy, configurable: true });
            return spy;
        });
        all(element, 'c-target-settings')[0].dispatchEvent(new CustomEvent('targetschange', { detail: {} }));
        await flush();
        for (const spy of refreshes) expect(spy).toHaveBeenCalled();
    });
});
