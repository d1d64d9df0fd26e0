import { EMPTY, formatCount, formatDateTime, formatDuration, formatLabel, percent } from 'c/resyncFormat';

describe('c/resyncFormat', () => {
    it('formats a date and time, and shows a missing or unreadable one as a dash', () => {
        const text = formatDateTime('2026-12-03T09:41:00.000Z');
        expect(text).toMatch(/2026/);
        expect(text).toMatch(/Dec/);
        expect(formatDateTime(new Date(Date.UTC(2026, 0, 5)))).toMatch(/2026/);
        expect(formatDateTime(null)).toBe(EMPTY);
        expect(formatDateTime('')).toBe(EMPTY);
        expect(formatDateTime('not a date')).toBe(EMPTY);
    });

    it('groups counts and reads a missing count as 0', () => {
        expect(formatCount(1234567)).toBe((1234567).toLocaleString());
        expect(formatCount(undefined)).toBe('0');
    });

    it('says durations as people say them', () => {
        expect(formatDuration(850)).toBe('850 ms');
        expect(formatDuration(12_400)).toBe('12 s');
        expect(formatDuration(185_000)).toBe('3 min 05 s');
        expect(formatDuration(7_440_000)).toBe('2 h 04 min');
        expect(formatDuration(null)).toBe(EMPTY);
        expect(formatDuration(-1)).toBe(EMPTY);
    });

    it('computes whole percentages between 0 and 100', () => {
        expect(percent(1, 3)).toBe(33);
        expect(percent(5, 4)).toBe(100);
        expect(percent(1, 0)).toBe(0);
        expect(percent(undefined, 10)).toBe(0);
    });

    it('fills label placeholders in order and leaves missing values empty', () => {
        expect(formatLabel('{0} of {1} done', 2, 5)).toBe('2 of 5 done');
        expect(formatLabel('{1} before {0}', 'a', 'b')).toBe('b before a');
        expect(formatLabel('value: {0}', null)).toBe('value: ');
    });
});
