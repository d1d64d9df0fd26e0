/**
 * Downloads a CSV export that the server serves in parts (`ExportController`): asks for each part with the cursor of
 * the one before until there is none, joins them and hands the browser one file. A template-less module.
 */

/** One part of an export, as `ExportController` answers it. */
export interface CsvPart {
    csvChunk?: string | null;
    nextCursor?: string | null;
    rowCount?: number | null;
}

/** What a download delivered. */
export interface CsvDownloadResult {
    fileName: string;
    rows: number;
    parts: number;
}

/** The most parts one download asks for, so a server that never ends the cursor cannot loop the browser. */
export const MAX_PARTS = 5000;

/** Excel reads a UTF-8 file as UTF-8 only with a byte order mark. */
const BYTE_ORDER_MARK = '\ufeff';

/**
 * A file name part made safe: letters, digits, `_`, `-` and `.` only.
 * @param text the name part
 */
function safe(text: string): string {
    const cleaned = text.replace(/[^A-Za-z0-9_.-]+/g, '_');
    return cleaned === '' ? 'all' : cleaned;
}

/**
 * A UTC timestamp for file names: `20261203T094512Z`.
 * @param now the moment
 */
export function fileTimestamp(now: Date): string {
    return now
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z')
        .replace(/[-:]/g, '');
}

/**
 * The name of an export file: `<kind>_<object|all>_<timestamp>.csv`.
 * @param kind `errors` or `ids`
 * @param objectName the object exported, or null/empty for all
 * @param now the moment of the export
 */
export function exportFileName(kind: string, objectName: string | null | undefined, now: Date): string {
    return `${safe(kind)}_${safe(objectName ?? 'all')}_${fileTimestamp(now)}.csv`;
}

/**
 * Fetches every part of an export and joins them.
 * @param fetchPart asks the server for the part after a cursor (null for the first)
 * @returns the whole CSV text and its counts
 */
export async function collectCsv(
    fetchPart: (cursor: string | null) => Promise<CsvPart>,
): Promise<{ csv: string; rows: number; parts: number }> {
    const texts: string[] = [];
    let cursor: string | null = null;
    let rows = 0;
    let parts = 0;
    do {
        if (parts >= MAX_PARTS) {
            throw new Error(`The export did not end after ${MAX_PARTS} parts; it was stopped.`);
        }
        // Each part needs the cursor of the one before: they cannot be fetched in parallel.
        // eslint-disable-next-line no-await-in-loop
        const part: CsvPart = await fetchPart(cursor);
        texts.push(part.csvChunk ?? '');
        rows += part.rowCount ?? 0;
        parts += 1;
        cursor = part.nextCursor ?? null;
    } while (cursor !== null && cursor !== '');
    return { csv: texts.join(''), rows, parts };
}

/**
 * Hands the browser a text as a file to save.
 * @param csv the file's text
 * @param fileName the name it is saved under
 */
export function saveCsv(csv: string, fileName: string): void {
    const link = document.createElement('a');
    link.href = `data:text/csv;charset=utf-8,${encodeURIComponent(BYTE_ORDER_MARK + csv)}`;
    link.download = fileName;
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
}

/**
 * Fetches an export part by part and saves it as one file.
 * @param fetchPart asks the server for the part after a cursor
 * @param fileName the file's name
 */
export async function downloadCsv(
    fetchPart: (cursor: string | null) => Promise<CsvPart>,
    fileName: string,
): Promise<CsvDownloadResult> {
    const { csv, rows, parts } = await collectCsv(fetchPart);
    saveCsv(csv, fileName);
    return { fileName, rows, parts };
}
