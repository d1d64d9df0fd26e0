/**
 * Calendar arithmetic and time-zone conversion shared by Date, Datetime and Time.
 * Time zones use the JS Intl database (IANA names, as the platform's TimeZone class does), read through
 * time/time-zone.ts.
 */
import { instantToLocal, localKey } from '../../time/time-zone.js';

export function pad(n: number, width: number): string {
    return String(n).padStart(width, '0');
}

export function daysFromCivil(y: number, m: number, d: number): number {
    return Math.floor(Date.UTC(y, m - 1, d) / 86400000);
}

export function civilFromDays(days: number): { y: number; m: number; d: number } {
    const dt = new Date(days * 86400000);
    return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function isLeapYear(y: number): boolean {
    return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
    return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** Adds months the platform's way: the day is clamped to the last day of the target month. */
export function addMonths(y: number, m: number, d: number, months: number): { y: number; m: number; d: number } {
    const total = y * 12 + (m - 1) + months;
    const ny = Math.floor(total / 12);
    const nm = (((total % 12) + 12) % 12) + 1;
    return { y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) };
}

/** Offset of the zone from GMT at the given instant, in milliseconds. */
export function zoneOffsetMs(tz: string, utcMs: number): number {
    return localKey(instantToLocal(utcMs, tz)) - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

/** Local wall-clock fields of an instant in a zone. */
export function localFields(
    tz: string,
    utcMs: number,
): { y: number; m: number; d: number; h: number; mi: number; s: number; ms: number } {
    const local = utcMs + zoneOffsetMs(tz, utcMs);
    const dt = new Date(local);
    return {
        y: dt.getUTCFullYear(),
        m: dt.getUTCMonth() + 1,
        d: dt.getUTCDate(),
        h: dt.getUTCHours(),
        mi: dt.getUTCMinutes(),
        s: dt.getUTCSeconds(),
        ms: dt.getUTCMilliseconds(),
    };
}

/** The instant at which the zone's wall clock shows the given fields. */
export function instantFromLocal(
    tz: string,
    y: number,
    m: number,
    d: number,
    h: number,
    mi: number,
    s: number,
    ms = 0,
): number {
    const guess = Date.UTC(y, m - 1, d, h, mi, s, ms);
    let off = zoneOffsetMs(tz, guess);
    const second = zoneOffsetMs(tz, guess - off);
    if (second !== off) off = second;
    return guess - off;
}

/** Datetime.valueOf().format as System.debug prints a Datetime: `yyyy-MM-dd HH:mm:ss` in GMT. */
export function formatDatetimeGmt(ms: number): string {
    const dt = new Date(ms);
    return `${dt.getUTCFullYear()}-${pad(dt.getUTCMonth() + 1, 2)}-${pad(dt.getUTCDate(), 2)} ${pad(dt.getUTCHours(), 2)}:${pad(dt.getUTCMinutes(), 2)}:${pad(dt.getUTCSeconds(), 2)}`;
}

/** `yyyy-MM-dd HH:mm:ss` in the given zone (String.valueOf(Datetime) uses the context user's zone). */
export function formatDatetimeIn(tz: string, ms: number): string {
    const l = localFields(tz, ms);
    return `${l.y}-${pad(l.m, 2)}-${pad(l.d, 2)} ${pad(l.h, 2)}:${pad(l.mi, 2)}:${pad(l.s, 2)}`;
}
