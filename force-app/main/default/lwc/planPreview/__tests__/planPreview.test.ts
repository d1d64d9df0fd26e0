import { createElement } from 'lwc';
import PlanPreviewElement from 'c/planPreview';
import type { PlanPreview } from 'c/executeApi';

type PreviewElement = HTMLElement & { preview?: PlanPreview };

const PREVIEW: PlanPreview = {
    targetId: 'a01000000000001AAA',
    targetName: 'Sandbox',
    strictMode: false,
    canStart: true,
    objects: [
        {
            position: 1,
            objectName: 'Account',
            label: 'Account',
            sourceRecords: 1234,
            fieldsSent: ['Name', 'Industry', 'ParentId'],
            sourceOnly: ['AccountNumber'],
            targetOnly: ['Region__c', 'Tier__c'],
            unreadable: [],
            notWritable: ['Site'],
            typeMismatches: ['Rating (double here, picklist there)'],
            requiredNotSent: ['Tier__c'],
            problems: [],
        },
        { position: 2, objectName: 'Secret__c', label: 'Secret', sourceRecords: undefined, problems: [] },
    ],
};

function flush(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function mount(preview?: PlanPreview): PreviewElement {
    const element = createElement('c-plan-preview', { is: PlanPreviewElement }) as PreviewElement;
    element.preview = preview;
    document.body.appendChild(element);
    return element;
}

function cell(element: HTMLElement, objectName: string, id: string): string | null | undefined {
    return element.shadowRoot?.querySelector(`tr[data-object="${objectName}"] [data-id="${id}"]`)?.textContent;
}

describe('c-plan-preview', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows nothing but the title before a preview', () => {
        const element = mount();
        expect(element.shadowRoot?.querySelector('table')).toBeNull();
        expect(element.shadowRoot?.querySelector('[data-id="strict"]')).toBeNull();
    });

    it('says under the count how many records the user cannot see, where there are some', () => {
        const hidden: PlanPreview = {
            ...PREVIEW,
            objects: [{ ...(PREVIEW.objects ?? [])[0], notVisibleRecords: 40 }, (PREVIEW.objects ?? [])[1]],
        };
        const element = mount(hidden);
        expect(cell(element, 'Account', 'not-visible')?.trim()).toBe('+ 40 you cannot see (not sent)');
        expect(cell(element, 'Secret__c', 'not-visible')).toBeUndefined();
    });

    it('counts records and fields per object', () => {
        const element = mount(PREVIEW);
        expect(cell(element, 'Account', 'records')).toBe('1,234');
        expect(cell(element, 'Account', 'fields-sent')).toBe('3');
        expect(cell(element, 'Account', 'source-only')).toBe('1');
        expect(cell(element, 'Account', 'target-only')).toBe('2');
        expect(cell(element, 'Account', 'unreadable')).toBe('0');
        expect(cell(element, 'Account', 'not-writable')).toBe('1');
        expect(cell(element, 'Account', 'type-mismatches')).toBe('1');
        expect(cell(element, 'Account', 'required')).toBe('1');
        expect(element.shadowRoot?.querySelector('tr[data-object="Account"] [data-id="required"]')?.className).toBe(
            'slds-text-color_error',
        );
        expect(cell(element, 'Secret__c', 'records')).toBe('Cannot read');
        expect(cell(element, 'Secret__c', 'fields-sent')).toBe('0');
        expect(element.shadowRoot?.querySelector('[data-id="can-start"]')?.textContent?.trim()).toBe(
            'A run can start with this plan.',
        );
        expect(element.shadowRoot?.querySelector('[data-id="strict"]')?.textContent).toBe(
            'Strict mode is off: fields that differ are left out.',
        );
        expect(element.shadowRoot?.querySelector('table')?.getAttribute('aria-label')).toBe(
            'What the run would do per object',
        );
    });

    it('lists the field names of each difference in the details', () => {
        const element = mount(PREVIEW);
        const details = element.shadowRoot?.querySelectorAll('details') ?? [];
        expect(details).toHaveLength(1);
        expect(details[0].querySelector('summary')?.textContent).toBe('Field details: Account');
        const terms = Array.from(details[0].querySelectorAll('dt')).map((term) => term.textContent);
        expect(terms).toEqual([
            'Fields sent',
            'Only in this org',
            'Only in the target',
            'Not writable',
            'Type mismatches',
            'Required, not sent',
        ]);
        expect(details[0].querySelectorAll('dd')[2].textContent).toBe('Region__c, Tier__c');
    });

    it('says clearly when strict mode problems stop the run, and marks the object', async () => {
        const element = mount({
            ...PREVIEW,
            strictMode: true,
            canStart: false,
            objects: [
                {
                    ...PREVIEW.objects![0],
                    problems: ['Strict mode: Rating has another type in the target.'],
                },
            ],
        });
        await flush();
        const alert = element.shadowRoot?.querySelector('[data-id="cannot-start"]');
        expect(alert?.getAttribute('role')).toBe('alert');
        expect(alert?.textContent).toContain('A run cannot start with this plan');
        expect(alert?.querySelector('li')?.textContent).toBe(
            'Account: Strict mode: Rating has another type in the target.',
        );
        expect(element.shadowRoot?.querySelector('tr[data-object="Account"]')?.className).toContain('problem-row');
        expect(cell(element, 'Account', 'problems')).toContain('Rating has another type');
        expect(element.shadowRoot?.querySelector('[data-id="strict"]')?.className).toContain('slds-theme_warning');
        expect(element.shadowRoot?.querySelector('[data-id="can-start"]')).toBeNull();
    });

    it('says when the plan has no object', () => {
        const element = mount({ ...PREVIEW, objects: [] });
        expect(element.shadowRoot?.querySelector('[data-id="empty"]')?.textContent).toBe('No object in the plan.');
    });
});
