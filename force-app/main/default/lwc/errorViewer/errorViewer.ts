import { LightningElement, api } from 'lwc';
import { getErrorFacets, getRunErrors } from 'c/runHistoryApi';
import type { ErrorFacets, ErrorPage } from 'c/runHistoryApi';
import { exportErrors } from 'c/exportApi';
import { downloadCsv, exportFileName } from 'c/csvDownload';
import { reduceError } from 'c/errorReducer';
import { formatLabel } from 'c/resyncFormat';
import { LABELS } from './labels';
import { errorLines, filterOptions } from './errorRows';
import type { ErrorLine, Option } from './errorRows';

/** Errors per page. */
export const PAGE_SIZE = 50;

/**
 * The error viewer: a run's failed records page by page (50 a page), filtered by object and by error code (with
 * counts), and Export errors (CSV). The server's export holds every error of the run, so the file is named for all
 * objects and a note says so while a filter is chosen.
 */
export default class ErrorViewer extends LightningElement {
    private currentRunId?: string;

    /** The run whose errors are shown. */
    @api
    get runId(): string | undefined {
        return this.currentRunId;
    }
    set runId(value: string | undefined) {
        if (value === this.currentRunId) {
            return;
        }
        this.currentRunId = value;
        this.objectFilter = '';
        this.codeFilter = '';
        this.pageNumber = 1;
        this.facets = undefined;
        this.page = undefined;
        if (this.isConnected) {
            this.loadAll();
        }
    }

    readonly labels = LABELS;
    facets?: ErrorFacets;
    page?: ErrorPage;
    objectFilter = '';
    codeFilter = '';
    pageNumber = 1;
    loading = false;
    exporting = false;
    errorMessage?: string;
    statusMessage = '';

    override connectedCallback(): void {
        this.loadAll();
    }

    get objectOptions(): Option[] {
        return filterOptions(this.facets?.objects, this.facets?.total, LABELS.all, LABELS.option);
    }

    get codeOptions(): Option[] {
        return filterOptions(this.facets?.statusCodes, this.facets?.total, LABELS.all, LABELS.option);
    }

    get lines(): ErrorLine[] {
        return errorLines(this.page?.rows);
    }

    get hasLines(): boolean {
        return this.lines.length > 0;
    }

    get showEmpty(): boolean {
        return this.page !== undefined && !this.hasLines;
    }

    get pageCount(): number {
        return Math.max(1, this.page?.pageCount ?? 1);
    }

    get pageText(): string {
        return formatLabel(LABELS.page, this.pageNumber, this.pageCount);
    }

    get previousDisabled(): boolean {
        return this.loading || this.pageNumber <= 1;
    }

    get nextDisabled(): boolean {
        return this.loading || this.pageNumber >= this.pageCount;
    }

    get exportDisabled(): boolean {
        return this.exporting || !this.currentRunId || (this.facets?.total ?? 0) === 0;
    }

    get filtered(): boolean {
        return this.objectFilter !== '' || this.codeFilter !== '';
    }

    handleObjectFilter(event: CustomEvent<{ value: string }>): void {
        this.objectFilter = event.detail.value ?? '';
        this.pageNumber = 1;
        this.loadPage();
    }

    handleCodeFilter(event: CustomEvent<{ value: string }>): void {
        this.codeFilter = event.detail.value ?? '';
        this.pageNumber = 1;
        this.loadPage();
    }

    handlePrevious(): void {
        if (this.pageNumber > 1) {
            this.pageNumber -= 1;
            this.loadPage();
        }
    }

    handleNext(): void {
        if (this.pageNumber < this.pageCount) {
            this.pageNumber += 1;
            this.loadPage();
        }
    }

    async handleExport(): Promise<void> {
        const runId = this.currentRunId;
        if (!runId) {
            return;
        }
        this.exporting = true;
        this.errorMessage = undefined;
        try {
            // The server exports every error of the run: the file is named for all objects, whatever the filter.
            const result = await downloadCsv(
                (cursor) => exportErrors(runId, cursor),
                exportFileName('errors', null, new Date()),
            );
            this.statusMessage = formatLabel(LABELS.exported, result.rows, result.fileName);
        } catch (error) {
            this.errorMessage = reduceError(error);
        } finally {
            this.exporting = false;
        }
    }

    private loadAll(): void {
        const runId = this.currentRunId;
        if (!runId) {
            return;
        }
        getErrorFacets(runId)
            .then((facets) => {
                if (runId === this.currentRunId) {
                    this.facets = facets;
                }
            })
            .catch((error: unknown) => {
                this.errorMessage = reduceError(error);
            });
        this.loadPage();
    }

    private loadPage(): void {
        const runId = this.currentRunId;
        if (!runId) {
            return;
        }
        this.loading = true;
        const filter = { objectName: this.objectFilter || null, statusCode: this.codeFilter || null };
        getRunErrors(runId, filter, PAGE_SIZE, this.pageNumber)
            .then((page) => {
                if (runId === this.currentRunId) {
                    this.page = page;
                    this.errorMessage = undefined;
                }
            })
            .catch((error: unknown) => {
                this.errorMessage = reduceError(error);
            })
            .finally(() => {
                this.loading = false;
            });
    }
}
