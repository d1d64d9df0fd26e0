/**
 * Wall-clock time in an IANA time zone, DST-correct, through Intl (no time-zone database of our own).
 * A local time is six integers; `localToInstants` answers every instant showing that wall time: none in a
 * spring-forward gap, two in a fall-back overlap.
 */
export interface LocalTime {
    year: number;
    month: number; // 1..12
    day: number; // 1..31
    hour: number;
    minute: number;
    second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
    let f = formatters.get(timeZone);
    if (!f) {
        f = new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
        });
        formatters.set(timeZone, f);
    }
    return f;
}

/** Throws RangeError for a zone Intl does not know. */
export function assertTimeZone(timeZone: string): void {
    formatterFor(timeZone);
}

/** The wall time shown in `timeZone` at the instant `ms` (whole seconds; milliseconds dropped). */
export function instantToLocal(ms: number, timeZone: string): LocalTime {
    const parts = formatterFor(timeZone).formatToParts(new Date(ms));
    const get = (type: Intl.DateTimeFormatPartTypes): number => {
        const part = parts.find((p) => p.type === type);
        return part ? Number(part.value) : 0;
    };
    return {
        year: get('year'),
        month: get('month'),
        day: get('day'),
        hour: get('hour') % 24, // midnight as 0 even where Intl writes 24
        minute: get('minute'),
        second: get('second'),
    };
}

/** The wall time read as if it were UTC, in ms: a monotonic key for comparing local times. */
export function localKey(t: LocalTime): number {
    return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
}

/** The zone's offset from UTC (ms) at the instant `ms`. */
export function offsetAt(ms: number, timeZone: string): number {
    const whole = Math.floor(ms / 1000) * 1000;
    return localKey(instantToLocal(whole, timeZone)) - whole;
}

/** Every instant (ascending) whose wall time in `timeZone` is `t`: [] in a DST gap, two in an overlap. */
export function localToInstants(t: LocalTime, timeZone: string): number[] {
    const key = localKey(t);
    // An offset is within +-18 h; the offsets around the wall time are the only candidates.
    const candidates = new Set<number>();
    for (const probe of [key - 86_400_000, key, key + 86_400_000]) candidates.add(offsetAt(probe, timeZone));
    const found: number[] = [];
    for (const off of candidates) {
        const instant = key - off;
        if (localKey(instantToLocal(instant, timeZone)) === key && !found.includes(instant)) found.push(instant);
    }
    return found.sort((a, b) => a - b);
}

export function daysInMonth(year: number, month: number): number {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 1 = Sunday .. 7 = Saturday, as cron's day-of-week counts. */
export function dayOfWeek(year: number, month: number, day: number): number {
    return new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;
}
