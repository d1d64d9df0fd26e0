import type { ErrorCount, ErrorRow } from 'c/runHistoryApi';
import { formatLabel } from 'c/resyncFormat';

/** A combobox option. */
export interface Option {
    label: string;
    value: string;
}

/** One error row, ready for the template. */
export interface ErrorLine {
    key: string;
    rowNumber: number;
    objectName: string;
    sourceId: string;
    operation: string;
    statusCode: string;
    message: string;
    fields: string;
}

/**
 * A filter's options: "All (n)" first (value ''), then each value with its count.
 * @param counts the counts per value
 * @param total all the run's errors
 * @param allLabel the "All ({0})" text
 * @param optionLabel the "{0} ({1})" text
 */
export function filterOptions(
    counts: ErrorCount[] | null | undefined,
    total: number | null | undefined,
    allLabel: string,
    optionLabel: string,
): Option[] {
    return [
        { label: formatLabel(allLabel, total ?? 0), value: '' },
        ...(counts ?? []).map((count) => ({
            label: formatLabel(optionLabel, count.value ?? '', count.count ?? 0),
            value: count.value ?? '',
        })),
    ];
}

/**
 * The page's rows.
 * @param rows the errors from the server
 */
export function errorLines(rows: ErrorRow[] | null | undefined): ErrorLine[] {
    return (rows ?? []).map((row, index) => ({
        key: `${row.rowNumber ?? index}-${row.sourceId ?? ''}`,
        rowNumber: row.rowNumber ?? index + 1,
        objectName: row.objectName ?? '',
        sourceId: row.sourceId ?? '',
        operation: row.operation ?? '',
        statusCode: row.statusCode ?? '',
        message: row.message ?? '',
        fields: (row.fields ?? []).join(', '),
    }));
}
