/**
 * Salesforce cron expressions: parsing (cron-parse.ts) and the next fire time after an instant in a time zone.
 * DST: a wall time inside a spring-forward gap does not fire that day; a wall time repeated by a fall-back fires
 * once, at its first occurrence (our choice; the platform's behaviour there is not documented).
 */
import type { CronSchedule, DayOfMonthSpec, DayOfWeekSpec } from './cron-parse.js';
import { dayOfWeek, daysInMonth, instantToLocal, localToInstants } from '../time/time-zone.js';

export { parseCron } from './cron-parse.js';
export type { CronSchedule } from './cron-parse.js';

const LAST_YEAR = 2099;

function isWeekday(year: number, month: number, day: number): boolean {
    const dow = dayOfWeek(year, month, day);
    return dow !== 1 && dow !== 7;
}

/** The weekday nearest `day` without leaving the month (Quartz's `W`). */
function nearestWeekday(year: number, month: number, day: number): number {
    const last = daysInMonth(year, month);
    const target = Math.min(day, last);
    const dow = dayOfWeek(year, month, target);
    if (dow === 7) return target === 1 ? 3 : target - 1; // Saturday: Friday, or Monday the 3rd
    if (dow === 1) return target === last ? target - 2 : target + 1; // Sunday: Monday, or Friday before
    return target;
}

function matchesDayOfMonth(spec: DayOfMonthSpec, year: number, month: number, day: number): boolean {
    switch (spec.kind) {
        case 'days':
            return spec.days.has(day);
        case 'nearestWeekday':
            return nearestWeekday(year, month, spec.day) === day;
        case 'last': {
            const last = daysInMonth(year, month);
            if (spec.weekday) {
                let d = last;
                while (!isWeekday(year, month, d)) d--;
                return d === day;
            }
            return last - spec.offset === day;
        }
    }
}

function matchesDayOfWeek(spec: DayOfWeekSpec, year: number, month: number, day: number): boolean {
    const dow = dayOfWeek(year, month, day);
    switch (spec.kind) {
        case 'days':
            return spec.days.has(dow);
        case 'lastOf':
            return dow === spec.dow && day + 7 > daysInMonth(year, month);
        case 'nth':
            return dow === spec.dow && Math.ceil(day / 7) === spec.n;
    }
}

function matchesDay(s: CronSchedule, year: number, month: number, day: number): boolean {
    if (s.years && !s.years.includes(year)) return false;
    if (!s.months.includes(month)) return false;
    if (s.dayOfMonth) return matchesDayOfMonth(s.dayOfMonth, year, month, day);
    if (s.dayOfWeek) return matchesDayOfWeek(s.dayOfWeek, year, month, day);
    return false;
}

/**
 * The first instant strictly after `afterMs` (truncated to the second) at which the schedule fires, reading wall
 * time in `timeZone` (IANA). null when it never fires again (before the end of 2099).
 */
export function nextFireTime(s: CronSchedule, afterMs: number, timeZone: string): number | null {
    const start = instantToLocal(afterMs, timeZone);
    const cursor = new Date(Date.UTC(start.year, start.month - 1, start.day));
    const lastYear = s.years ? Math.min(LAST_YEAR, s.years[s.years.length - 1]) : LAST_YEAR;
    // A day before the start too: a fall-back overlap can put later instants on an earlier wall-clock day.
    cursor.setUTCDate(cursor.getUTCDate() - 1);
    while (cursor.getUTCFullYear() <= lastYear) {
        const year = cursor.getUTCFullYear();
        const month = cursor.getUTCMonth() + 1;
        const day = cursor.getUTCDate();
        if (matchesDay(s, year, month, day)) {
            for (const hour of s.hours) {
                for (const minute of s.minutes) {
                    for (const second of s.seconds) {
                        const instants = localToInstants({ year, month, day, hour, minute, second }, timeZone);
                        const first = instants[0];
                        if (first !== undefined && first > afterMs) return first;
                    }
                }
            }
        }
        cursor.setUTCDate(cursor.getUTCDate() + 1);
    }
    return null;
}

/** The next `count` fire times after `afterMs` (for CronTrigger previews and tests). */
export function fireTimes(s: CronSchedule, afterMs: number, timeZone: string, count: number): number[] {
    const out: number[] = [];
    let t = afterMs;
    while (out.length < count) {
        const next = nextFireTime(s, t, timeZone);
        if (next === null) break;
        out.push(next);
        t = next;
    }
    return out;
}
