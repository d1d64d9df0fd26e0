/**
 * How numbers, dates and durations read on Resync's screens, in the browser's locale. A template-less module shared
 * by the components, so a date looks the same on every screen.
 */

const DATE_TIME = new Intl.DateTimeFormat(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
});
const NUMBER = new Intl.NumberFormat();

/** What a missing value reads as. */
export const EMPTY = '—';

/**
 * A date and time, or {@link EMPTY} when there is none or it cannot be read.
 * @param value an ISO-8601 text, epoch milliseconds or a Date
 */
export function formatDateTime(value: string | number | Date | null | undefined): string {
    if (value === null || value === undefined || value === '') {
        return EMPTY;
    }
    const date = value instanceof Date ? value : new Date(value);
    return Number.isNaN(date.getTime()) ? EMPTY : DATE_TIME.format(date);
}

/**
 * A count with the locale's grouping, 0 for a missing one.
 * @param value the count
 */
export function formatCount(value: number | null | undefined): string {
    return NUMBER.format(value ?? 0);
}

/**
 * A duration as people say it: `850 ms`, `12 s`, `3 min 05 s`, `2 h 04 min`.
 * @param milliseconds the duration; {@link EMPTY} when missing or negative
 */
export function formatDuration(milliseconds: number | null | undefined): string {
    if (milliseconds === null || milliseconds === undefined || milliseconds < 0 || Number.isNaN(milliseconds)) {
        return EMPTY;
    }
    if (milliseconds < 1000) {
        return `${Math.round(milliseconds)} ms`;
    }
    const totalSeconds = Math.floor(milliseconds / 1000);
    if (totalSeconds < 60) {
        return `${totalSeconds} s`;
    }
    const totalMinutes = Math.floor(totalSeconds / 60);
    if (totalMinutes < 60) {
        return `${totalMinutes} min ${String(totalSeconds % 60).padStart(2, '0')} s`;
    }
    return `${Math.floor(totalMinutes / 60)} h ${String(totalMinutes % 60).padStart(2, '0')} min`;
}

/**
 * A whole percentage of a part in a total, between 0 and 100; 0 when the total is not positive.
 * @param part the part
 * @param total the total
 */
export function percent(part: number | null | undefined, total: number | null | undefined): number {
    if (!total || total <= 0 || !part || part <= 0) {
        return 0;
    }
    return Math.min(100, Math.round((part / total) * 100));
}

/**
 * Fills `{0}`, `{1}` … in a custom label with values, as the platform's `String.format` of labels does.
 * @param template the label's text
 * @param values the values, in order
 */
export function formatLabel(template: string, ...values: (string | number | null | undefined)[]): string {
    return template.replace(/\{(\d+)\}/g, (whole, index: string) => {
        const value = values[Number(index)];
        return value === null || value === undefined ? '' : String(value);
    });
}
