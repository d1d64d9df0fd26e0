import { createElement } from 'lwc';
import MigrationOrder from 'c/migrationOrder';
import type { OrderChoice } from 'c/migrationOrder';
import type { ObjectPreview } from 'c/executeApi';
import { choiceProblems, moveItem, parseBatchSize, toObjectChoices } from '../orderRows';

type OrderElement = HTMLElement & { objects: ObjectPreview[]; choices?: OrderChoice[]; disabled: boolean };

const OBJECTS: ObjectPreview[] = [
    {
        position: 1,
        objectName: 'Account',
        label: 'Account',
        insertAllowed: true,
        updateAllowed: true,
        batchSize: 200,
        deferredLookups: ['ParentId'],
        selfReferences: ['ParentId'],
    },
    {
        position: 2,
        objectName: 'Contact',
        label: 'Contact',
        insertAllowed: true,
        updateAllowed: false,
        batchSize: 100,
        deferredLookups: ['ReportsToId', 'Primary_Case__c'],
        selfReferences: ['ReportsToId'],
    },
    { position: 3, objectName: 'Case', label: 'Case', insertAllowed: true, updateAllowed: true, batchSize: 50 },
];

function flush(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function mount(props: Partial<OrderElement> = {}): { element: OrderElement; changes: OrderChoice[][] } {
    const element = createElement('c-migration-order', { is: MigrationOrder }) as OrderElement;
    element.objects = OBJECTS;
    Object.assign(element, props);
    const changes: OrderChoice[][] = [];
    element.addEventListener('orderchange', (event) => {
        changes.push((event as CustomEvent<{ objects: OrderChoice[] }>).detail.objects);
    });
    document.body.appendChild(element);
    return { element, changes };
}

function query<T extends Element = HTMLElement>(element: HTMLElement, selector: string): T[] {
    return Array.from(element.shadowRoot?.querySelectorAll<T>(selector) ?? []);
}

function names(choices: OrderChoice[]): string[] {
    return choices.map((choice) => choice.objectName);
}

describe('c-migration-order', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows the automatic order with positions and why each lookup is deferred', () => {
        const { element } = mount();
        const rows = query(element, 'tbody tr');
        expect(rows.map((row) => row.dataset.object)).toEqual(['Account', 'Contact', 'Case']);
        expect(query(element, '[data-id="position"]').map((cell) => cell.textContent)).toEqual(['1', '2', '3']);
        const reasons = Array.from(rows[1].querySelectorAll('li')).map((item) => item.textContent);
        expect(reasons).toEqual([
            'ReportsToId: written in a second pass because it points to its own object',
            'Primary_Case__c: written in a second pass because it closes a cycle',
        ]);
        expect(rows[2].textContent).toContain('None');
        expect(query(element, '[data-id="order-mode"]')[0].textContent).toBe('Automatic order');
        expect(query<HTMLButtonElement>(element, '[data-id="reset"]')[0].disabled).toBe(true);
    });

    it('labels every control with the object it acts on', () => {
        const { element } = mount();
        const up = query<HTMLElement & { alternativeText: string; disabled: boolean }>(element, '[data-id="up"]');
        const down = query<HTMLElement & { alternativeText: string; disabled: boolean }>(element, '[data-id="down"]');
        expect(up.map((button) => button.alternativeText)).toEqual([
            'Move Account up',
            'Move Contact up',
            'Move Case up',
        ]);
        expect(down[2].alternativeText).toBe('Move Case down');
        expect(up[0].disabled).toBe(true);
        expect(down[2].disabled).toBe(true);
        const inserts = query<HTMLElement & { label: string; checked: boolean }>(element, '[data-id="insert"]');
        const updates = query<HTMLElement & { label: string; checked: boolean }>(element, '[data-id="update"]');
        const batches = query<HTMLElement & { label: string; placeholder: string }>(element, '[data-id="batch"]');
        expect(inserts[0].label).toBe('Insert Account');
        expect(updates[1].label).toBe('Update Contact');
        expect(updates[1].checked).toBe(false);
        expect(batches[1].label).toBe("Batch size of Contact (blank = setting's 100)");
        expect(batches[1].placeholder).toBe('100');
        expect(query(element, 'table')[0].getAttribute('aria-label')).toBe('Objects in the order they are written');
    });

    it('moves an object up and down and says where it went', async () => {
        const { element, changes } = mount();
        query(element, '[data-id="up"]')[1].click();
        query(element, '[data-id="down"]')[1].click();
        await flush();
        expect(names(changes[0])).toEqual(['Contact', 'Account', 'Case']);
        expect(names(changes[1])).toEqual(['Account', 'Case', 'Contact']);
        expect(query(element, '[data-id="announcement"]')[0].textContent).toBe('Contact moved to position 3.');
    });

    it('reorders by drag and drop', async () => {
        const { element, changes } = mount();
        const rows = query(element, 'tbody tr');
        rows[2].dispatchEvent(new CustomEvent('dragstart'));
        rows[0].dispatchEvent(new CustomEvent('dragover', { cancelable: true }));
        await flush();
        expect(query(element, 'tbody tr')[0].className).toContain('slds-is-selected');
        query(element, 'tbody tr')[0].dispatchEvent(new CustomEvent('drop', { cancelable: true }));
        await flush();
        expect(names(changes[0])).toEqual(['Case', 'Account', 'Contact']);
        expect(query(element, 'tbody tr')[0].className).not.toContain('slds-is-selected');
    });

    it('ignores a drop without a drag and a drag that ends outside', async () => {
        const { element, changes } = mount();
        const rows = query(element, 'tbody tr');
        rows[1].dispatchEvent(new CustomEvent('dragover', { cancelable: true }));
        rows[1].dispatchEvent(new CustomEvent('drop', { cancelable: true }));
        rows[0].dispatchEvent(new CustomEvent('dragstart'));
        rows[0].dispatchEvent(new CustomEvent('dragend'));
        rows[2].dispatchEvent(new CustomEvent('drop', { cancelable: true }));
        await flush();
        expect(changes).toHaveLength(0);
    });

    it('does not drag or move while disabled', async () => {
        const { element, changes } = mount({ disabled: true });
        const start = new CustomEvent('dragstart', { cancelable: true });
        query(element, 'tbody tr')[0].dispatchEvent(start);
        expect(start.defaultPrevented).toBe(true);
        query(element, '[data-id="down"]')[0].click();
        await flush();
        expect(changes).toHaveLength(0);
        expect(query(element, 'tbody tr')[0].getAttribute('draggable')).toBe('false');
    });

    it('tells the insert and update switches and the batch size', async () => {
        const { element, changes } = mount();
        query(element, '[data-id="insert"]')[0].dispatchEvent(
            new CustomEvent('change', { detail: { checked: false } }),
        );
        query(element, '[data-id="update"]')[1].dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
        query(element, '[data-id="batch"]')[2].dispatchEvent(new CustomEvent('change', { detail: { value: '25' } }));
        query(element, '[data-id="batch"]')[2].dispatchEvent(new CustomEvent('change', { detail: { value: '' } }));
        await flush();
        expect(changes[0][0]).toEqual({
            objectName: 'Account',
            insertAllowed: false,
            updateAllowed: true,
            batchSize: null,
        });
        expect(changes[1][1].updateAllowed).toBe(true);
        expect(changes[2][2].batchSize).toBe(25);
        expect(changes[3][2].batchSize).toBeNull();
    });

    it('reads a checkbox from the element when the event has no detail', async () => {
        const { element, changes } = mount();
        const box = query<HTMLElement & { checked: boolean }>(element, '[data-id="update"]')[0];
        box.checked = false;
        box.dispatchEvent(new CustomEvent('change'));
        await flush();
        expect(changes[0][0].updateAllowed).toBe(false);
    });

    it('shows a manual order given by the owner and resets it to the automatic one', async () => {
        const choices: OrderChoice[] = [
            { objectName: 'Case', insertAllowed: true, updateAllowed: true, batchSize: 10 },
            { objectName: 'Account', insertAllowed: true, updateAllowed: true, batchSize: null },
            { objectName: 'Contact', insertAllowed: true, updateAllowed: false, batchSize: null },
        ];
        const { element, changes } = mount({ choices });
        expect(query(element, 'tbody tr').map((row) => row.dataset.object)).toEqual(['Case', 'Account', 'Contact']);
        expect(query(element, '[data-id="order-mode"]')[0].textContent).toBe('Manual order');
        expect(query<HTMLElement & { value: string }>(element, '[data-id="batch"]')[0].value).toBe('10');
        const reset = query<HTMLButtonElement>(element, '[data-id="reset"]')[0];
        expect(reset.disabled).toBe(false);
        reset.click();
        await flush();
        expect(names(changes[0])).toEqual(['Account', 'Contact', 'Case']);
        expect(changes[0][1]).toEqual({
            objectName: 'Contact',
            insertAllowed: true,
            updateAllowed: false,
            batchSize: null,
        });
    });

    it('says when there is nothing to order', () => {
        const { element } = mount({ objects: [] });
        expect(query(element, '[data-id="empty"]')[0].textContent).toBe('No object to order.');
        expect(query(element, 'table')).toHaveLength(0);
    });
});

describe('orderRows helpers', () => {
    it('moves items only within bounds', () => {
        expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
        expect(moveItem(['a', 'b'], 0, 5)).toEqual(['a', 'b']);
        expect(moveItem(['a', 'b'], -1, 0)).toEqual(['a', 'b']);
    });

    it('parses batch sizes and finds the choices that cannot be sent', () => {
        expect(parseBatchSize(' ')).toBeNull();
        expect(parseBatchSize(undefined)).toBeNull();
        expect(parseBatchSize('12')).toBe(12);
        expect(
            choiceProblems([
                { objectName: 'A', insertAllowed: false, updateAllowed: false, batchSize: null },
                { objectName: 'B', insertAllowed: true, updateAllowed: true, batchSize: 0 },
                { objectName: 'C', insertAllowed: true, updateAllowed: true, batchSize: 2001 },
                { objectName: 'D', insertAllowed: true, updateAllowed: true, batchSize: 1.5 },
                { objectName: 'E', insertAllowed: true, updateAllowed: false, batchSize: 2000 },
            ]),
        ).toEqual(['A', 'B', 'C', 'D']);
    });

    it("sends a blank batch size as the setting's", () => {
        expect(
            toObjectChoices([{ objectName: 'A', insertAllowed: true, updateAllowed: false, batchSize: null }]),
        ).toEqual([{ objectName: 'A', insertAllowed: true, updateAllowed: false, batchSize: undefined }]);
    });
});
