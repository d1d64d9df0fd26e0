import { createElement } from 'lwc';
import RollbackDialog from 'c/rollbackDialog';
import type { RollbackPreview } from 'c/recoveryApi';

type DialogElement = HTMLElement & {
    open: boolean;
    preview?: RollbackPreview;
    busy: boolean;
    errorMessage?: string;
};

function flush(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function mount(props: Partial<DialogElement>): { element: DialogElement; events: string[] } {
    const element = createElement('c-rollback-dialog', { is: RollbackDialog }) as DialogElement;
    Object.assign(element, props);
    const events: string[] = [];
    element.addEventListener('confirm', () => events.push('confirm'));
    element.addEventListener('cancel', () => events.push('cancel'));
    document.body.appendChild(element);
    return { element, events };
}

function find<T extends HTMLElement = HTMLElement>(element: HTMLElement, id: string): T | null | undefined {
    return element.shadowRoot?.querySelector<T>(`[data-id="${id}"]`);
}

const CAN: RollbackPreview = { runId: 'a02000000000001AAA', canRollBack: true, toDelete: 1500, toRestore: 20 };

describe('c-rollback-dialog', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('renders nothing while closed', () => {
        const { element } = mount({ open: false, preview: CAN });
        expect(element.shadowRoot?.querySelector('section')).toBeNull();
    });

    it('is a labelled modal that says what will be deleted and restored, focused on its first control', async () => {
        const { element, events } = mount({ open: true, preview: CAN });
        await flush();
        const section = element.shadowRoot?.querySelector('section');
        expect(section?.getAttribute('role')).toBe('dialog');
        expect(section?.getAttribute('aria-modal')).toBe('true');
        expect(section?.getAttribute('aria-labelledby')).toBeTruthy();
        expect(element.shadowRoot?.querySelector('h2')?.textContent).toBe('Roll back the run?');
        expect(find(element, 'delete')?.textContent).toBe(
            '1,500 record(s) the run created will be deleted from the target.',
        );
        expect(find(element, 'restore')?.textContent).toBe(
            '20 record(s) the run changed will get their earlier values back.',
        );
        expect(find(element, 'resuming')).toBeNull();
        expect(element.shadowRoot?.activeElement).toBe(find(element, 'close'));
        const confirm = find<HTMLButtonElement>(element, 'confirm');
        expect(confirm?.disabled).toBe(false);
        confirm?.click();
        expect(events).toEqual(['confirm']);
    });

    it('says when it resumes a stopped rollback', async () => {
        const { element } = mount({ open: true, preview: { ...CAN, resuming: true } });
        await flush();
        expect(find(element, 'resuming')?.textContent).toBe('This resumes a rollback that stopped part way.');
    });

    it('says why a run cannot be rolled back and offers no confirm', async () => {
        const { element, events } = mount({
            open: true,
            preview: { runId: CAN.runId, canRollBack: false, reason: 'The run is still active.' },
        });
        await flush();
        expect(find(element, 'cannot')?.textContent).toBe('This run cannot be rolled back: The run is still active.');
        expect(find(element, 'delete')).toBeNull();
        const confirm = find<HTMLButtonElement>(element, 'confirm');
        expect(confirm?.disabled).toBe(true);
        confirm?.click();
        expect(events).toEqual([]);
    });

    it('shows loading, then an error', async () => {
        const { element } = mount({ open: true });
        await flush();
        expect(find(element, 'loading')?.textContent).toBe('Checking what a rollback would do…');
        element.errorMessage = 'No access.';
        await flush();
        expect(find(element, 'loading')).toBeNull();
        expect(find(element, 'error')?.textContent).toBe('No access.');
    });

    it('closes with Escape, the close button and Cancel; other keys do nothing', async () => {
        const { element, events } = mount({ open: true, preview: CAN });
        await flush();
        const section = element.shadowRoot?.querySelector('section');
        section?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
        section?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
        find(element, 'close')?.click();
        find(element, 'cancel')?.click();
        expect(events).toEqual(['cancel', 'cancel', 'cancel']);
        element.open = false;
        await flush();
        element.open = true;
        await flush();
        expect(element.shadowRoot?.activeElement).toBe(find(element, 'close'));
    });

    it('disables confirm while busy', async () => {
        const { element } = mount({ open: true, preview: CAN, busy: true });
        await flush();
        expect(find<HTMLButtonElement>(element, 'confirm')?.disabled).toBe(true);
    });
});
