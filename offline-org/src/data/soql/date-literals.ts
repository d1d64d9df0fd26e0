/**
 * SOQL date literals (TODAY, LAST_N_DAYS:n, THIS_MONTH, ...) as half-open ranges of local calendar days in the org's
 * time zone, converted to storage values for date fields (YYYY-MM-DD) or datetime fields (UTC ISO instants).
 * Weeks start on Sunday (en_US); fiscal periods follow the default fiscal year (starting in January).
 */
import { instantToLocal, localKey } from '../../time/time-zone.js';
import { QueryException } from '../errors.js';

/** A calendar day as a UTC-midnight timestamp (ms), used only for day arithmetic. */
type Day = number;
const DAY_MS = 86_400_000;

/** The offset (ms) of `timeZone` from UTC at `instant`. */
function offsetAt(instant: number, timeZone: string): number {
    return localKey(instantToLocal(instant, timeZone)) - Math.floor(instant / 1000) * 1000;
}

/** The UTC instant at which local day `day` starts in `timeZone`. */
export function startOfLocalDay(day: Day, timeZone: string): Date {
    let guess = day - offsetAt(day, timeZone);
    const corrected = day - offsetAt(guess, timeZone);
    if (corrected !== guess) guess = corrected;
    return new Date(guess);
}

/** Today's local date in `timeZone`. */
export function localToday(now: Date, timeZone: string): Day {
    const p = instantToLocal(now.getTime(), timeZone);
    return Date.UTC(p.year, p.month - 1, p.day);
}

function addMonths(day: Day, months: number): Day {
    const d = new Date(day);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
}

function monthStart(day: Day): Day {
    const d = new Date(day);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function quarterStart(day: Day): Day {
    const d = new Date(day);
    return Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1);
}

function yearStart(day: Day): Day {
    return Date.UTC(new Date(day).getUTCFullYear(), 0, 1);
}

function weekStart(day: Day): Day {
    return day - new Date(day).getUTCDay() * DAY_MS;
}

/** The [start, end) local-day range of a date literal. */
export function dateLiteralRange(name: string, n: number | null, now: Date, timeZone: string): [Day, Day] {
    const today = localToday(now, timeZone);
    const need = (): number => {
        if (n === null || !Number.isInteger(n) || n < 0)
            throw new QueryException(`Invalid date literal ${name}: a non-negative integer is required`);
        return n;
    };
    const byMonths = (start: Day, months: number): [Day, Day] => [start, addMonths(start, months)];
    const key = name.replace('_FISCAL', '');
    switch (key) {
        case 'YESTERDAY':
            return [today - DAY_MS, today];
        case 'TODAY':
            return [today, today + DAY_MS];
        case 'TOMORROW':
            return [today + DAY_MS, today + 2 * DAY_MS];
        case 'LAST_WEEK':
            return [weekStart(today) - 7 * DAY_MS, weekStart(today)];
        case 'THIS_WEEK':
            return [weekStart(today), weekStart(today) + 7 * DAY_MS];
        case 'NEXT_WEEK':
            return [weekStart(today) + 7 * DAY_MS, weekStart(today) + 14 * DAY_MS];
        case 'LAST_MONTH':
            return byMonths(addMonths(monthStart(today), -1), 1);
        case 'THIS_MONTH':
            return byMonths(monthStart(today), 1);
        case 'NEXT_MONTH':
            return byMonths(addMonths(monthStart(today), 1), 1);
        case 'LAST_90_DAYS':
            return [today - 90 * DAY_MS, today + DAY_MS];
        case 'NEXT_90_DAYS':
            return [today + DAY_MS, today + 91 * DAY_MS];
        case 'LAST_N_DAYS':
            return [today - need() * DAY_MS, today + DAY_MS];
        case 'NEXT_N_DAYS':
            return [today + DAY_MS, today + (need() + 1) * DAY_MS];
        case 'N_DAYS_AGO':
            return [today - need() * DAY_MS, today - (need() - 1) * DAY_MS];
        case 'LAST_N_WEEKS':
            return [weekStart(today) - need() * 7 * DAY_MS, weekStart(today)];
        case 'NEXT_N_WEEKS':
            return [weekStart(today) + 7 * DAY_MS, weekStart(today) + (need() + 1) * 7 * DAY_MS];
        case 'N_WEEKS_AGO':
            return [weekStart(today) - need() * 7 * DAY_MS, weekStart(today) - (need() - 1) * 7 * DAY_MS];
        case 'LAST_N_MONTHS':
            return [addMonths(monthStart(today), -need()), monthStart(today)];
        case 'NEXT_N_MONTHS':
            return [addMonths(monthStart(today), 1), addMonths(monthStart(today), need() + 1)];
        case 'N_MONTHS_AGO':
            return byMonths(addMonths(monthStart(today), -need()), 1);
        case 'THIS_QUARTER':
            return byMonths(quarterStart(today), 3);
        case 'LAST_QUARTER':
            return byMonths(addMonths(quarterStart(today), -3), 3);
        case 'NEXT_QUARTER':
            return byMonths(addMonths(quarterStart(today), 3), 3);
        case 'LAST_N_QUARTERS':
            return [addMonths(quarterStart(today), -3 * need()), quarterStart(today)];
        case 'NEXT_N_QUARTERS':
            return [addMonths(quarterStart(today), 3), addMonths(quarterStart(today), 3 * (need() + 1))];
        case 'N_QUARTERS_AGO':
            return byMonths(addMonths(quarterStart(today), -3 * need()), 3);
        case 'THIS_YEAR':
            return byMonths(yearStart(today), 12);
        case 'LAST_YEAR':
            return byMonths(addMonths(yearStart(today), -12), 12);
        case 'NEXT_YEAR':
            return byMonths(addMonths(yearStart(today), 12), 12);
        case 'LAST_N_YEARS':
            return [addMonths(yearStart(today), -12 * need()), yearStart(today)];
        case 'NEXT_N_YEARS':
            return [addMonths(yearStart(today), 12), addMonths(yearStart(today), 12 * (need() + 1))];
        case 'N_YEARS_AGO':
            return byMonths(addMonths(yearStart(today), -12 * need()), 12);
        default:
            throw new QueryException(`unexpected token: ${name}`);
    }
}

export function dayToDateString(day: Day): string {
    return new Date(day).toISOString().slice(0, 10);
}

/** The range as storage values for a field of type `date` or `datetime`. */
export function dateLiteralBounds(
    name: string,
    n: number | null,
    fieldType: 'date' | 'datetime',
    now: Date,
    timeZone: string,
): [string, string] {
    const [start, end] = dateLiteralRange(name, n, now, timeZone);
    if (fieldType === 'date') return [dayToDateString(start), dayToDateString(end)];
    return [startOfLocalDay(start, timeZone).toISOString(), startOfLocalDay(end, timeZone).toISOString()];
}
