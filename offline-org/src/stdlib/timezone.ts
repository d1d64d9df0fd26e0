/**
 * TimeZone: getTimeZone(id), getID, getOffset(Datetime), getDisplayName; UserInfo.getTimeZone() is the org zone.
 */
import { textOf } from '../apex/runtime/format.js';
import { DatetimeValue, NativeObject } from '../apex/runtime/values.js';
import type { Value } from '../apex/runtime/values.js';
import type { Registry } from './registry.js';
import { zoneOffsetMs } from '../apex/runtime/datetime-math.js';

const id = (v: Value): string => (v as NativeObject).state as string;

function isKnownZone(zone: string): boolean {
    try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return true;
    } catch {
        return false;
    }
}

export function registerTimeZone(reg: Registry): void {
    reg.staticMethods('TimeZone', {
        // The platform falls back to GMT for an unknown zone id.
        gettimezone: (_rt, a) =>
            new NativeObject('System.TimeZone', a[0] !== null && isKnownZone(textOf(a[0])) ? textOf(a[0]) : 'GMT'),
    });
    reg.instanceMethods('system.timezone', {
        getid: (_rt, s) => id(s),
        tostring: (_rt, s) => id(s),
        getoffset: (rt, s, a) => (a[0] instanceof DatetimeValue ? zoneOffsetMs(id(s), a[0].ms) : rt.npe()),
        getdisplayname: (_rt, s) =>
            new Intl.DateTimeFormat('en-US', { timeZone: id(s), timeZoneName: 'long' })
                .formatToParts(new Date())
                .find((p) => p.type === 'timeZoneName')?.value ?? id(s),
        equals: (_rt, s, a) =>
            a[0] instanceof NativeObject && a[0].typeName === 'System.TimeZone' && id(a[0]) === id(s),
        hashcode: (_rt, s) => id(s).length,
    });
}
