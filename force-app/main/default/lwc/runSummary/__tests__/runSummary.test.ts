import { createElement } from 'lwc';
import RunSummary from 'c/runSummary';
import type { RunStatus } from 'c/runHistoryApi';

type SummaryElement = HTMLElement & { status?: RunStatus };

const STATUS: RunStatus = {
    run: {
        runId: 'a02000000000001AAA',
        name: 'RUN-000042',
        mode: 'Execute',
        state: 'CompletedWithErrors',
        stateReason: '2 records failed.',
        startedAt: '2026-03-01T10:00:00.000Z',
        endedAt: '2026-03-01T10:03:05.000Z',
        elapsedMs: 185000,
        inserted: 1200,
        updated: 30,
        unchanged: 4,
        failed: 2,
        isActive: false,
    },
    objects: [
        {
            position: 1,
            objectName: 'Account',
            state: 'Completed',
            inserted: 1000,
            updated: 30,
            unchanged: 4,
            failed: 0,
            deferred: 12,
            elapsedMs: 90000,
        },
        { position: 2, objectName: 'Contact', state: 'CompletedWithErrors', inserted: 200, failed: 2, elapsedMs: 800 },
    ],
};

function mount(status?: RunStatus): SummaryElement {
    const element = createElement('c-run-summary', { is: RunSummary }) as SummaryElement;
    element.status = status;
    document.body.appendChild(element);
    return element;
}

function text(element: HTMLElement, selector: string): string | null | undefined {
    return element.shadowRoot?.querySelector(selector)?.textContent;
}

describe('c-run-summary', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('renders nothing without a status', () => {
        const element = mount();
        expect(element.shadowRoot?.querySelector('article')).toBeNull();
    });

    it('shows the state, mode, times and totals', () => {
        const element = mount(STATUS);
        expect(text(element, 'h2')).toBe('Run summary · RUN-000042');
        expect(text(element, '[data-id="state"]')).toBe('Completed with errors');
        expect(element.shadowRoot?.querySelector('[data-id="state"]')?.className).toContain('slds-theme_warning');
        expect(text(element, '[data-id="reason"]')).toBe('2 records failed.');
        expect(text(element, '[data-fact="mode"] dd')).toBe('Execute');
        expect(text(element, '[data-fact="elapsed"] dd')).toBe('3 min 05 s');
        expect(text(element, '[data-fact="started"] dd')).not.toBe('—');
        expect(text(element, '[data-total="inserted"] dd')).toBe('1,200');
        expect(text(element, '[data-total="failed"] dd')).toBe('2');
        expect(element.shadowRoot?.querySelector('[data-total="failed"] dd')?.className).toBe('slds-text-color_error');
    });

    it('shows one row per object with its counts', () => {
        const element = mount(STATUS);
        const rows = Array.from(element.shadowRoot?.querySelectorAll('tbody tr') ?? []);
        expect(rows.map((row) => row.getAttribute('data-object'))).toEqual(['Account', 'Contact']);
        const cells = Array.from(rows[0].querySelectorAll('td')).map((cellElement) => cellElement.textContent);
        expect(cells).toEqual(['Completed', '1,000', '30', '4', '0', '12', '1 min 30 s']);
        expect(rows[1].querySelector('[data-id="failed"]')?.className).toBe('slds-text-color_error');
        expect(rows[1].querySelectorAll('td')[2].textContent).toBe('0');
        expect(element.shadowRoot?.querySelector('table')?.getAttribute('aria-label')).toBe('Results per object');
    });

    it('says when the run wrote no object, with a fallback title', () => {
        const element = mount({
            run: { ...STATUS.run, name: undefined, failed: 0, stateReason: undefined },
            objects: [],
        });
        expect(text(element, 'h2')).toBe('Run summary');
        expect(text(element, '[data-id="no-objects"]')).toBe('The run wrote no object.');
        expect(element.shadowRoot?.querySelector('[data-id="reason"]')).toBeNull();
        expect(element.shadowRoot?.querySelector('[data-total="failed"] dd')?.className).toBe('');
    });
});
