import { createElement } from 'lwc';
import ErrorViewer from 'c/errorViewer';
import getErrorFacets from '@salesforce/apex/RunHistoryController.getErrorFacets';
import getRunErrorsFiltered from '@salesforce/apex/RunHistoryController.getRunErrorsFiltered';
import exportErrors from '@salesforce/apex/ExportController.exportErrors';

jest.mock('@salesforce/apex/RunHistoryController.getErrorFacets', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RunHistoryController.getRunErrorsFiltered', () => ({ default: jest.fn() }), {
    virtual: true,
});
jest.mock('@salesforce/apex/ExportController.exportErrors', () => ({ default: jest.fn() }), { virtual: true });

const facetsMock = getErrorFacets as unknown as jest.Mock;
const errorsMock = getRunErrorsFiltered as unknown as jest.Mock;
const exportMock = exportErrors as unknown as jest.Mock;

const RUN_ID = 'a02000000000001AAA';
const FACETS = {
    runId: RUN_ID,
    total: 120,
    objects: [
        { value: 'Account', count: 100 },
        { value: 'Contact', count: 20 },
    ],
    statusCodes: [
        { value: 'REQUIRED_FIELD_MISSING', count: 119 },
        { value: 'UNABLE_TO_LOCK_ROW', count: 1 },
    ],
};

function page(pageNumber: number, pageCount = 3, rows = 2): unknown {
    return {
        runId: RUN_ID,
        pageNumber,
        pageSize: 50,
        total: 120,
        pageCount,
        rows: Array.from({ length: rows }, (_, index) => ({
            rowNumber: (pageNumber - 1) * 50 + index + 1,
            objectName: 'Account',
            sourceId: `001000000000${pageNumber}${index}AAA`,
            operation: 'insert',
            statusCode: 'REQUIRED_FIELD_MISSING',
            message: 'Required fields are missing: [Tier__c]',
            fields: ['Tier__c', 'Name'],
        })),
    };
}

type ViewerElement = HTMLElement & { runId?: string };

function flush(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

async function mount(runId: string | null = RUN_ID): Promise<ViewerElement> {
    const element = createElement('c-error-viewer', { is: ErrorViewer }) as ViewerElement;
    element.runId = runId ?? undefined;
    document.body.appendChild(element);
    await flush();
    return element;
}

function find<T extends HTMLElement = HTMLElement & { disabled: boolean }>(element: HTMLElement, id: string): T {
    return element.shadowRoot?.querySelector(`[data-id="${id}"]`) as T;
}

type Combobox = HTMLElement & { options: { label: string; value: string }[]; label: string; value: string };

describe('c-error-viewer', () => {
    let clickSpy: jest.SpyInstance;

    beforeEach(() => {
        facetsMock.mockResolvedValue(FACETS);
        errorsMock.mockImplementation(({ pageNumber }: { pageNumber: number }) => Promise.resolve(page(pageNumber)));
        clickSpy = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        clickSpy.mockRestore();
    });

    it('loads the first page of 50 and the filters with counts', async () => {
        const element = await mount();
        expect(facetsMock).toHaveBeenCalledWith({ runId: RUN_ID });
        expect(errorsMock).toHaveBeenCalledWith({
            runId: RUN_ID,
            objectName: null,
            statusCode: null,
            pageSize: 50,
            pageNumber: 1,
        });
        const objects = find<Combobox>(element, 'object-filter');
        expect(objects.label).toBe('Object');
        expect(objects.options.map((option) => option.label)).toEqual(['All (120)', 'Account (100)', 'Contact (20)']);
        expect(find<Combobox>(element, 'code-filter').options[2]).toEqual({
            label: 'UNABLE_TO_LOCK_ROW (1)',
            value: 'UNABLE_TO_LOCK_ROW',
        });
        const rows = Array.from(element.shadowRoot?.querySelectorAll('tbody tr') ?? []);
        expect(rows).toHaveLength(2);
        expect(Array.from(rows[0].children).map((cell) => cell.textContent)).toEqual([
            '1',
            'Account',
            '00100000000010AAA',
            'insert',
            'REQUIRED_FIELD_MISSING',
            'Required fields are missing: [Tier__c]',
            'Tier__c, Name',
        ]);
        expect(find(element, 'page').textContent).toBe('Page 1 of 3');
        expect(find(element, 'previous').disabled).toBe(true);
        expect(find(element, 'next').disabled).toBe(false);
        expect(element.shadowRoot?.querySelector('table')?.getAttribute('aria-label')).toBe('Failed records');
    });

    it('pages with Next and Previous', async () => {
        const element = await mount();
        find(element, 'next').click();
        await flush();
        expect(errorsMock).toHaveBeenLastCalledWith(expect.objectContaining({ pageNumber: 2 }));
        expect(find(element, 'page').textContent).toBe('Page 2 of 3');
        find(element, 'next').click();
        await flush();
        expect(find(element, 'next').disabled).toBe(true);
        find(element, 'next').click();
        find(element, 'previous').click();
        await flush();
        expect(errorsMock).toHaveBeenCalledTimes(4);
        expect(find(element, 'page').textContent).toBe('Page 2 of 3');
    });

    it('filters by object and by code, from page 1', async () => {
        const element = await mount();
        find(element, 'next').click();
        await flush();
        find(element, 'object-filter').dispatchEvent(new CustomEvent('change', { detail: { value: 'Contact' } }));
        await flush();
        expect(errorsMock).toHaveBeenLastCalledWith(
            expect.objectContaining({ objectName: 'Contact', statusCode: null, pageNumber: 1 }),
        );
        find(element, 'code-filter').dispatchEvent(
            new CustomEvent('change', { detail: { value: 'UNABLE_TO_LOCK_ROW' } }),
        );
        await flush();
        expect(errorsMock).toHaveBeenLastCalledWith(
            expect.objectContaining({ objectName: 'Contact', statusCode: 'UNABLE_TO_LOCK_ROW' }),
        );
        expect(find(element, 'export-note').textContent?.trim()).toBe(
            'The export holds every error of the run, whatever the filters.',
        );
        find(element, 'object-filter').dispatchEvent(new CustomEvent('change', { detail: { value: '' } }));
        find(element, 'code-filter').dispatchEvent(new CustomEvent('change', { detail: { value: '' } }));
        await flush();
        expect(find(element, 'export-note')).toBeNull();
    });

    it('shows an empty state when no error matches', async () => {
        errorsMock.mockResolvedValue({ runId: RUN_ID, pageNumber: 1, pageSize: 50, total: 0, pageCount: 0, rows: [] });
        const element = await mount();
        expect(find(element, 'empty').textContent).toBe('No error matches.');
        expect(find(element, 'page').textContent).toBe('Page 1 of 1');
        expect(find(element, 'next').disabled).toBe(true);
    });

    it('shows the server error through reduceError', async () => {
        facetsMock.mockRejectedValue({ body: { message: 'You cannot see this run.' } });
        errorsMock.mockRejectedValue({ body: { message: 'You cannot see this run.' } });
        const element = await mount();
        expect(find(element, 'error').textContent).toBe('You cannot see this run.');
        expect(find(element, 'error').getAttribute('role')).toBe('alert');
    });

    it('exports every error of the run as one CSV file named for all objects', async () => {
        exportMock
            .mockResolvedValueOnce({ csvChunk: 'Source Id,Object\r\n001A,Account\r\n', nextCursor: 'c1', rowCount: 1 })
            .mockResolvedValueOnce({ csvChunk: '003B,Contact\r\n', nextCursor: null, rowCount: 1 });
        const created: HTMLAnchorElement[] = [];
        const original = document.createElement.bind(document);
        const createSpy = jest.spyOn(document, 'createElement').mockImplementation((tag: string) => {
            const made = original(tag);
            if (tag === 'a') {
                created.push(made as HTMLAnchorElement);
            }
            return made;
        });
        const element = await mount();
        find(element, 'object-filter').dispatchEvent(new CustomEvent('change', { detail: { value: 'Account' } }));
        await flush();
        find(element, 'export').click();
        await flush();
        createSpy.mockRestore();
        expect(exportMock).toHaveBeenNthCalledWith(1, { runId: RUN_ID, cursor: null });
        expect(exportMock).toHaveBeenNthCalledWith(2, { runId: RUN_ID, cursor: 'c1' });
        expect(clickSpy).toHaveBeenCalledTimes(1);
        expect(created).toHaveLength(1);
        expect(created[0].download).toMatch(/^errors_all_\d{8}T\d{6}Z\.csv$/);
        expect(decodeURIComponent(created[0].href.split(',').slice(1).join(','))).toContain('003B,Contact');
        expect(find(element, 'status').textContent?.trim()).toMatch(/^2 error\(s\) exported to errors_all_/);
    });

    it('shows an export failure', async () => {
        exportMock.mockRejectedValue({ body: { message: 'Export refused.' } });
        const element = await mount();
        find(element, 'export').click();
        await flush();
        expect(find(element, 'error').textContent).toBe('Export refused.');
        expect(clickSpy).not.toHaveBeenCalled();
        expect(find(element, 'export').disabled).toBe(false);
    });

    it('loads nothing without a run and reloads when the run changes', async () => {
        const element = await mount(null);
        expect(facetsMock.mock.calls).toEqual([]);
        expect(find(element, 'export').disabled).toBe(true);
        element.runId = RUN_ID;
        await flush();
        expect(facetsMock).toHaveBeenCalledTimes(1);
        element.runId = RUN_ID;
        await flush();
        expect(facetsMock).toHaveBeenCalledTimes(1);
    });
});
