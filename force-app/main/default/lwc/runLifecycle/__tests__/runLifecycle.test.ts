import { createElement } from 'lwc';
import RunLifecycle from 'c/runLifecycle';
import getRunLifecycle from '@salesforce/apex/RunLifecycleController.getRunLifecycle';

jest.mock(
    '@salesforce/apex/RunLifecycleController.getRunLifecycle',
    () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true },
);

interface TestWireAdapter {
    emit(value: unknown): void;
    error(body?: unknown, status?: number, statusText?: string): void;
}
const lifecycleAdapter = getRunLifecycle as unknown as TestWireAdapter;

const LIFECYCLE = [
    { name: 'Queued', isActive: true, canRollBack: false, nextStates: ['Planning', 'Cancelled', 'Failed'] },
    { name: 'Running', isActive: true, canRollBack: false, nextStates: ['Paused', 'CompletedWithErrors'] },
    { name: 'RolledBack', isActive: false, canRollBack: false, nextStates: [] },
];

function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function mount(currentState?: string): HTMLElement & { currentState?: string } {
    const element = createElement('c-run-lifecycle', { is: RunLifecycle }) as HTMLElement & { currentState?: string };
    element.currentState = currentState;
    document.body.appendChild(element);
    return element;
}

describe('c-run-lifecycle', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows a spinner until the life cycle arrives', () => {
        const element = mount();
        expect(element.shadowRoot?.querySelector('lightning-spinner')).not.toBeNull();
    });

    it('renders one row per state with readable labels and next states', async () => {
        const element = mount();
        lifecycleAdapter.emit(LIFECYCLE);
        await flushPromises();
        const rows = Array.from(element.shadowRoot?.querySelectorAll('tbody tr') ?? []);
        expect(rows.map((row) => row.getAttribute('data-state'))).toEqual(['Queued', 'Running', 'RolledBack']);
        expect(rows[1].querySelector('td')?.textContent).toBe('Paused, Completed with errors');
        expect(rows[2].querySelector('td')?.textContent).toBe('—');
        expect(rows[1].querySelector('span')?.className).toContain('slds-theme_info');
        expect(element.shadowRoot?.querySelector('lightning-spinner')).toBeNull();
    });

    it('highlights the current state', async () => {
        const element = mount('Running');
        lifecycleAdapter.emit(LIFECYCLE);
        await flushPromises();
        const selected = element.shadowRoot?.querySelectorAll('tr.slds-is-selected') ?? [];
        expect(selected).toHaveLength(1);
        expect(selected[0].getAttribute('data-state')).toBe('Running');
    });

    it('shows the Apex error message when the wire fails', async () => {
        const element = mount();
        lifecycleAdapter.error({ message: 'Insufficient access to RunLifecycleController' });
        await flushPromises();
        const alert = element.shadowRoot?.querySelector('[role="alert"]');
        expect(alert?.textContent).toBe('Insufficient access to RunLifecycleController');
        expect(element.shadowRoot?.querySelector('lightning-spinner')).toBeNull();
    });
});
