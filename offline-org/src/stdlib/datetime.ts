/**
 * Date, Datetime and Time: constructors, accessors, arithmetic, parsing and formatting in the org time zone
 * (default America/Los_Angeles) or GMT.
 */
import { textOf } from '../apex/runtime/format.js';
import type { ApexHost } from './host.js';
import { DateValue, DatetimeValue, TimeValue } from '../apex/runtime/values.js';
import type { Value } from '../apex/runtime/values.js';
import type { Registry } from './registry.js';
import {
    addMonths,
    civilFromDays,
    daysFromCivil,
    daysInMonth,
    instantFromLocal,
    isLeapYear,
    localFields,
    zoneOffsetMs,
} from '../apex/runtime/datetime-math.js';
import { formatPattern } from './date-format.js';
import type { WallClock } from './date-format.js';
import { formatDate, formatTime } from '../apex/runtime/format.js';

const n = (v: Value | undefined): number => (typeof v === 'bigint' ? Number(v) : (v as number));

function dateOf(y: number, m: number, d: number): DateValue {
    const days = daysFromCivil(y, m, 1) + (d - 1);
    const c = civilFromDays(days);
    return new DateValue(c.y, c.m, c.d);
}

function toDays(d: DateValue): number {
    return daysFromCivil(d.y, d.m, d.d);
}

function fromDays(days: number): DateValue {
    const c = civilFromDays(days);
    return new DateValue(c.y, c.m, c.d);
}

export function wallClock(tz: string, ms: number): WallClock {
    const l = localFields(tz, ms);
    const days = daysFromCivil(l.y, l.m, l.d);
    return {
        ...l,
        dow: (((days + 4) % 7) + 7) % 7,
        doy: days - daysFromCivil(l.y, 1, 1) + 1,
        offsetMinutes: Math.round(zoneOffsetMs(tz, ms) / 60000),
        zoneName: tz,
    };
}

function parseDate(rt: ApexHost, s: string): DateValue {
    const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/.exec(s);
    if (m) return new DateValue(Number(m[1]), Number(m[2]), Number(m[3]));
    const us = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(s);
    if (us) return new DateValue(Number(us[3]), Number(us[1]), Number(us[2]));
    return rt.fail('TypeException', `Invalid date: ${s}`);
}

function parseDatetime(rt: ApexHost, s: string, tz: string): DatetimeValue {
    const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*$/.exec(s);
    if (!m) return rt.fail('TypeException', `Invalid date/time: ${s}`);
    const [y, mo, d, h, mi, sec] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [
        number,
        number,
        number,
        number,
        number,
        number,
    ];
    return new DatetimeValue(
        tz === 'GMT' ? Date.UTC(y, mo - 1, d, h, mi, sec) : instantFromLocal(tz, y, mo, d, h, mi, sec),
    );
}

function addLocal(rt: ApexHost, dt: DatetimeValue, months: number): DatetimeValue {
    const l = localFields(rt.orgTimeZone, dt.ms);
    const t = addMonths(l.y, l.m, l.d, months);
    return new DatetimeValue(instantFromLocal(rt.orgTimeZone, t.y, t.m, t.d, l.h, l.mi, l.s, l.ms));
}

export function registerDatetime(reg: Registry): void {
    reg.staticMethods('Date', {
        today: (rt) => {
            const l = localFields(rt.orgTimeZone, rt.now());
            return new DateValue(l.y, l.m, l.d);
        },
        newinstance: (_rt, a) => dateOf(n(a[0]), n(a[1]), n(a[2])),
        valueof: (rt, a) =>
            a[0] === null
                ? null
                : a[0] instanceof DatetimeValue
                  ? (() => {
                        const l = localFields(rt.orgTimeZone, a[0].ms);
                        return new DateValue(l.y, l.m, l.d);
                    })()
                  : parseDate(rt, textOf(a[0])),
        parse: (rt, a) => parseDate(rt, textOf(a[0])),
        isleapyear: (_rt, a) => isLeapYear(n(a[0])),
        daysinmonth: (_rt, a) => daysInMonth(n(a[0]), n(a[1])),
    });
    reg.instanceMethods('date', {
        year: (_rt, s) => (s as DateValue).y,
        month: (_rt, s) => (s as DateValue).m,
        day: (_rt, s) => (s as DateValue).d,
        dayofyear: (_rt, s) => toDays(s as DateValue) - daysFromCivil((s as DateValue).y, 1, 1) + 1,
        adddays: (_rt, s, a) => fromDays(toDays(s as DateValue) + n(a[0])),
        addmonths: (_rt, s, a) => {
            const d = s as DateValue;
            const t = addMonths(d.y, d.m, d.d, n(a[0]));
            return new DateValue(t.y, t.m, t.d);
        },
        addyears: (_rt, s, a) => {
            const d = s as DateValue;
            const t = addMonths(d.y, d.m, d.d, 12 * n(a[0]));
            return new DateValue(t.y, t.m, t.d);
        },
        daysbetween: (_rt, s, a) => toDays(a[0] as DateValue) - toDays(s as DateValue),
        monthsbetween: (_rt, s, a) => {
            const x = s as DateValue;
            const y = a[0] as DateValue;
            return (y.y - x.y) * 12 + (y.m - x.m);
        },
        issameday: (_rt, s, a) => a[0] instanceof DateValue && toDays(a[0]) === toDays(s as DateValue),
        tostartofmonth: (_rt, s) => new DateValue((s as DateValue).y, (s as DateValue).m, 1),
        tostartofweek: (_rt, s) => {
            const days = toDays(s as DateValue);
            const dow = (((days + 4) % 7) + 7) % 7;
            return fromDays(days - dow);
        },
        format: (_rt, s) => {
            const d = s as DateValue;
            return `${d.m}/${d.d}/${d.y}`;
        },
        tostring: (_rt, s) => formatDate(s as DateValue),
        hashcode: (_rt, s) => toDays(s as DateValue),
        equals: (_rt, s, a) => a[0] instanceof DateValue && toDays(a[0]) === toDays(s as DateValue),
    });
    reg.staticMethods('Datetime', {
        now: (rt) => new DatetimeValue(rt.now()),
        newinstance: (rt, a) => {
            if (a.length === 1) {
                if (a[0] instanceof DateValue)
                    return new DatetimeValue(instantFromLocal(rt.orgTimeZone, a[0].y, a[0].m, a[0].d, 0, 0, 0));
                return new DatetimeValue(n(a[0]));
            }
            if (a.length === 2 && a[0] instanceof DateValue && a[1] instanceof TimeValue) {
                const t = a[1].ms;
                return new DatetimeValue(
                    instantFromLocal(
                        rt.orgTimeZone,
                        a[0].y,
                        a[0].m,
                        a[0].d,
                        Math.floor(t / 3600000),
                        Math.floor(t / 60000) % 60,
                        Math.floor(t / 1000) % 60,
                        t % 1000,
                    ),
                );
            }
            return new DatetimeValue(
                instantFromLocal(rt.orgTimeZone, n(a[0]), n(a[1]), n(a[2]), n(a[3] ?? 0), n(a[4] ?? 0), n(a[5] ?? 0)),
            );
        },
        newinstancegmt: (_rt, a) => {
            if (a.length === 2 && a[0] instanceof DateValue && a[1] instanceof TimeValue)
                return new DatetimeValue(Date.UTC(a[0].y, a[0].m - 1, a[0].d) + a[1].ms);
            return new DatetimeValue(Date.UTC(n(a[0]), n(a[1]) - 1, n(a[2]), n(a[3] ?? 0), n(a[4] ?? 0), n(a[5] ?? 0)));
        },
        valueof: (rt, a) => (a[0] === null ? null : parseDatetime(rt, textOf(a[0]), rt.orgTimeZone)),
        valueofgmt: (rt, a) => (a[0] === null ? null : parseDatetime(rt, textOf(a[0]), 'GMT')),
    });
    const local = (rt: ApexHost, s: Value): WallClock => wallClock(rt.orgTimeZone, (s as DatetimeValue).ms);
    const gmt = (s: Value): WallClock => wallClock('GMT', (s as DatetimeValue).ms);
    const plus = (ms: number) => (_rt: ApexHost, s: Value, a: Value[]) =>
        new DatetimeValue((s as DatetimeValue).ms + n(a[0]) * ms);
    reg.instanceMethods('datetime', {
        gettime: (_rt, s) => BigInt((s as DatetimeValue).ms),
        year: (rt, s) => local(rt, s).y,
        month: (rt, s) => local(rt, s).m,
        day: (rt, s) => local(rt, s).d,
        hour: (rt, s) => local(rt, s).h,
        minute: (rt, s) => local(rt, s).mi,
        second: (rt, s) => local(rt, s).s,
        millisecond: (rt, s) => local(rt, s).ms,
        dayofyear: (rt, s) => local(rt, s).doy,
        yeargmt: (_rt, s) => gmt(s).y,
        monthgmt: (_rt, s) => gmt(s).m,
        daygmt: (_rt, s) => gmt(s).d,
        hourgmt: (_rt, s) => gmt(s).h,
        minutegmt: (_rt, s) => gmt(s).mi,
        secondgmt: (_rt, s) => gmt(s).s,
        millisecondgmt: (_rt, s) => gmt(s).ms,
        dayofyeargmt: (_rt, s) => gmt(s).doy,
        date: (rt, s) => {
            const l = local(rt, s);
            return new DateValue(l.y, l.m, l.d);
        },
        dategmt: (_rt, s) => {
            const l = gmt(s);
            return new DateValue(l.y, l.m, l.d);
        },
        time: (rt, s) => {
            const l = local(rt, s);
            return new TimeValue(((l.h * 60 + l.mi) * 60 + l.s) * 1000 + l.ms);
        },
        timegmt: (_rt, s) => {
            const l = gmt(s);
            return new TimeValue(((l.h * 60 + l.mi) * 60 + l.s) * 1000 + l.ms);
        },
        adddays: plus(86400000),
        addhours: plus(3600000),
        addminutes: plus(60000),
        addseconds: plus(1000),
        addmonths: (rt, s, a) => addLocal(rt, s as DatetimeValue, n(a[0])),
        addyears: (rt, s, a) => addLocal(rt, s as DatetimeValue, 12 * n(a[0])),
        format: (rt, s, a) => {
            if (a.length === 0) return formatPattern('M/d/yyyy h:mm a', local(rt, s));
            const tz = a.length > 1 ? textOf(a[1]) : rt.orgTimeZone;
            return formatPattern(textOf(a[0]), wallClock(tz, (s as DatetimeValue).ms));
        },
        formatgmt: (_rt, s, a) => formatPattern(textOf(a[0]), gmt(s)),
        formatlong: (rt, s) => formatPattern('M/d/yyyy h:mm:ss a z', local(rt, s)),
        issameday: (rt, s, a) => {
            const x = local(rt, s);
            const y = local(rt, a[0]);
            return x.y === y.y && x.m === y.m && x.d === y.d;
        },
        tostring: (rt, s) => rt.stringOf(s),
        hashcode: (_rt, s) => (s as DatetimeValue).ms | 0,
        equals: (_rt, s, a) => a[0] instanceof DatetimeValue && a[0].ms === (s as DatetimeValue).ms,
    });
    reg.staticMethods('Time', {
        newinstance: (_rt, a) =>
            new TimeValue((((n(a[0]) * 60 + n(a[1])) * 60 + n(a[2])) * 1000 + n(a[3] ?? 0)) % 86400000),
    });
    const tplus = (ms: number) => (_rt: ApexHost, s: Value, a: Value[]) =>
        new TimeValue(((((s as TimeValue).ms + n(a[0]) * ms) % 86400000) + 86400000) % 86400000);
    reg.instanceMethods('time', {
        hour: (_rt, s) => Math.floor((s as TimeValue).ms / 3600000),
        minute: (_rt, s) => Math.floor((s as TimeValue).ms / 60000) % 60,
        second: (_rt, s) => Math.floor((s as TimeValue).ms / 1000) % 60,
        millisecond: (_rt, s) => (s as TimeValue).ms % 1000,
        addhours: tplus(3600000),
        addminutes: tplus(60000),
        addseconds: tplus(1000),
        addmilliseconds: tplus(1),
        tostring: (_rt, s) => formatTime(s as TimeValue),
        equals: (_rt, s, a) => a[0] instanceof TimeValue && a[0].ms === (s as TimeValue).ms,
        hashcode: (_rt, s) => (s as TimeValue).ms,
    });
}
