import { collectCsv, downloadCsv, exportFileName, fileTimestamp, MAX_PARTS } from 'c/csvDownload';
import type { CsvPart } from 'c/csvDownload';

describe('c/csvDownload', () => {
    afterEach(() => {
        jest.restoreAllMocks();
    });

    it('names files errors_<object|all>_<timestamp>.csv', () => {
        const now = new Date(Date.UTC(2026, 11, 3, 9, 45, 12, 345));
        expect(fileTimestamp(now)).toBe('20261203T094512Z');
        expect(exportFileName('errors', 'Account', now)).toBe('errors_Account_20261203T094512Z.csv');
        expect(exportFileName('errors', null, now)).toBe('errors_all_20261203T094512Z.csv');
        expect(exportFileName('ids', 'My Object/..', now)).toBe('ids_My_Object_.._20261203T094512Z.csv');
    });

    it('asks for each part with the cursor of the one before and joins them', async () => {
        const parts: Record<string, CsvPart> = {
            first: { csvChunk: 'Id,Name\r\n1,a\r\n', nextCursor: 'c1', rowCount: 1 },
            c1: { csvChunk: '2,b\r\n', nextCursor: 'c2', rowCount: 1 },
            c2: { csvChunk: '3,"c, d"\r\n', nextCursor: null, rowCount: 1 },
        };
        const fetchPart = jest.fn((cursor: string | null) => Promise.resolve(parts[cursor ?? 'first']));
        const result = await collectCsv(fetchPart);
        expect(fetchPart.mock.calls.map((call) => call[0])).toEqual([null, 'c1', 'c2']);
        expect(result).toEqual({ csv: 'Id,Name\r\n1,a\r\n2,b\r\n3,"c, d"\r\n', rows: 3, parts: 3 });
    });

    it('stops a cursor that never ends', async () => {
        const fetchPart = jest.fn(() => Promise.resolve({ csvChunk: 'x\r\n', nextCursor: 'again', rowCount: 1 }));
        await expect(collectCsv(fetchPart)).rejects.toThrow(String(MAX_PARTS));
        expect(fetchPart).toHaveBeenCalledTimes(MAX_PARTS);
    });

    it('hands the browser one file with a byte order mark and the joined text', async () => {
        const clicked: { href: string; download: string }[] = [];
        jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
            clicked.push({ href: this.href, download: this.download });
        });
        const result = await downloadCsv(
            () =>
                Promise.resolve({
                    csvChunk: 'Source Id,Message\r\n001,"said ""no"""\r\n',
                    nextCursor: null,
                    rowCount: 1,
                }),
            'errors_all_20261203T094512Z.csv',
        );
        expect(result).toEqual({ fileName: 'errors_all_20261203T094512Z.csv', rows: 1, parts: 1 });
        expect(clicked).toHaveLength(1);
        expect(clicked[0].download).toBe('errors_all_20261203T094512Z.csv');
        const prefix = 'data:text/csv;charset=utf-8,';
        expect(clicked[0].href.startsWith(prefix)).toBe(true);
        expect(decodeURIComponent(clicked[0].href.slice(prefix.length))).toBe(
            '\ufeffSource Id,Message\r\n001,"said ""no"""\r\n',
        );
        expect(document.body.getElementsByTagName('a')).toHaveLength(0);
    });
});
