import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fireTimes, nextFireTime, parseCron } from '../../src/async/cron.js';
import { PlatformException } from '../../src/async/platform-exception.js';

const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
const next = (expr: string, after: string, tz = 'UTC'): string | null =>
    iso(nextFireTime(parseCron(expr), at(after), tz));
const series = (expr: string, after: string, n: number, tz = 'UTC'): string[] =>
    fireTimes(parseCron(expr), at(after), tz, n).map((t) => new Date(t).toISOString());

function rejects(expr: string, message: string): void {
    assert.throws(
        () => parseCron(expr),
        (e: unknown) =>
            e instanceof PlatformException && e.exceptionType === 'StringException' && e.message === message,
        expr,
    );
}

test('daily at a fixed time, strictly after the given instant', () => {
    assert.equal(next('0 0 2 * * ?', '2026-05-01T01:00:00Z'), '2026-05-01T02:00:00.000Z');
    assert.equal(next('0 0 2 * * ?', '2026-05-01T02:00:00Z'), '2026-05-02T02:00:00.000Z');
    assert.equal(next('0 0 2 * * ?', '2026-05-01T02:00:00.500Z'), '2026-05-02T02:00:00.000Z');
});

test('hour lists, ranges, steps and wrapping ranges', () => {
    assert.deepEqual(series('0 15 8,12,18 * * ?', '2026-05-01T00:00:00Z', 3), [
        '2026-05-01T08:15:00.000Z',
        '2026-05-01T12:15:00.000Z',
        '2026-05-01T18:15:00.000Z',
    ]);
    assert.deepEqual(series('0 0 9-11 * * ?', '2026-05-01T10:30:00Z', 2), [
        '2026-05-01T11:00:00.000Z',
        '2026-05-02T09:00:00.000Z',
    ]);
    assert.deepEqual(series('0 0 */6 * * ?', '2026-05-01T00:00:00Z', 4), [
        '2026-05-01T06:00:00.000Z',
        '2026-05-01T12:00:00.000Z',
        '2026-05-01T18:00:00.000Z',
        '2026-05-02T00:00:00.000Z',
    ]);
    assert.deepEqual(series('0 0 22-1 * * ?', '2026-05-01T12:00:00Z', 4), [
        '2026-05-01T22:00:00.000Z',
        '2026-05-01T23:00:00.000Z',
        '2026-05-02T00:00:00.000Z',
        '2026-05-02T01:00:00.000Z',
    ]);
    assert.deepEqual(series('0 0 1 1/10 * ?', '2026-05-02T00:00:00Z', 3), [
        '2026-05-11T01:00:00.000Z',
        '2026-05-21T01:00:00.000Z',
        '2026-05-31T01:00:00.000Z',
    ]);
});

test('month and day names, case-insensitive', () => {
    assert.deepEqual(series('0 0 10 ? * mon-fri', '2026-05-01T11:00:00Z', 3), [
        '2026-05-04T10:00:00.000Z',
        '2026-05-05T10:00:00.000Z',
        '2026-05-06T10:00:00.000Z',
    ]);
    assert.equal(next('0 0 0 1 JUL,DEC ?', '2026-07-02T00:00:00Z'), '2026-12-01T00:00:00.000Z');
    assert.deepEqual(series('0 30 14 ? * SAT,SUN', '2026-05-01T00:00:00Z', 2), [
        '2026-05-02T14:30:00.000Z',
        '2026-05-03T14:30:00.000Z',
    ]);
});

test('L, L-n, LW and W in the day of month', () => {
    assert.deepEqual(series('0 0 12 L * ?', '2026-01-31T13:00:00Z', 3), [
        '2026-02-28T12:00:00.000Z',
        '2026-03-31T12:00:00.000Z',
        '2026-04-30T12:00:00.000Z',
    ]);
    assert.equal(next('0 0 12 L * ?', '2028-02-01T00:00:00Z'), '2028-02-29T12:00:00.000Z');
    assert.equal(next('0 0 12 L-2 * ?', '2026-04-01T00:00:00Z'), '2026-04-28T12:00:00.000Z');
    // 2026-05-31 is a Sunday: the last weekday is Friday the 29th.
    assert.equal(next('0 0 12 LW * ?', '2026-05-01T00:00:00Z'), '2026-05-29T12:00:00.000Z');
    // 2026-08-15 is a Saturday: nearest weekday is Friday the 14th; 2026-11-01 is a Sunday: Monday the 2nd.
    assert.equal(next('0 0 8 15W * ?', '2026-08-01T00:00:00Z'), '2026-08-14T08:00:00.000Z');
    assert.equal(next('0 0 8 1W * ?', '2026-10-20T00:00:00Z'), '2026-11-02T08:00:00.000Z');
    // 2026-08-01 is a Saturday: 1W does not leave the month, so Monday the 3rd.
    assert.equal(next('0 0 8 1W * ?', '2026-07-20T00:00:00Z'), '2026-08-03T08:00:00.000Z');
});

test('nL and n#k in the day of week', () => {
    assert.deepEqual(series('0 0 12 ? * 6L', '2026-01-01T00:00:00Z', 3), [
        '2026-01-30T12:00:00.000Z',
        '2026-02-27T12:00:00.000Z',
        '2026-03-27T12:00:00.000Z',
    ]);
    assert.deepEqual(series('0 0 6 ? * 2#1', '2026-01-01T00:00:00Z', 2), [
        '2026-01-05T06:00:00.000Z',
        '2026-02-02T06:00:00.000Z',
    ]);
    // The fifth Friday exists only in some months.
    assert.deepEqual(series('0 0 6 ? * FRI#5', '2026-01-01T00:00:00Z', 2), [
        '2026-01-30T06:00:00.000Z',
        '2026-05-29T06:00:00.000Z',
    ]);
    assert.equal(next('0 0 0 ? * L', '2026-05-01T00:00:00Z'), '2026-05-02T00:00:00.000Z');
});

test('the optional year, and a schedule that never fires again', () => {
    assert.equal(next('0 0 0 1 1 ? 2099', '2026-01-01T00:00:00Z'), '2099-01-01T00:00:00.000Z');
    assert.equal(next('0 0 0 1 1 ? 2020', '2026-01-01T00:00:00Z'), null);
    assert.equal(next('0 0 0 30 2 ?', '2026-01-01T00:00:00Z'), null);
    assert.deepEqual(series('0 0 0 1 1 ? 2027-2028', '2026-06-01T00:00:00Z', 3), [
        '2027-01-01T00:00:00.000Z',
        '2028-01-01T00:00:00.000Z',
    ]);
});

test('wall time in the given zone, DST-correct (America/Los_Angeles)', () => {
    // Spring forward 2026-03-08: 02:30 does not exist that day and is skipped.
    assert.deepEqual(series('0 30 2 * * ?', '2026-03-07T00:00:00Z', 3, 'America/Los_Angeles'), [
        '2026-03-07T10:30:00.000Z',
        '2026-03-09T09:30:00.000Z',
        '2026-03-10T09:30:00.000Z',
    ]);
    // Fall back 2026-11-01: 01:30 happens twice and fires once, at its first occurrence (PDT).
    assert.deepEqual(series('0 30 1 * * ?', '2026-10-31T12:00:00Z', 3, 'America/Los_Angeles'), [
        '2026-11-01T08:30:00.000Z',
        '2026-11-02T09:30:00.000Z',
        '2026-11-03T09:30:00.000Z',
    ]);
    assert.equal(next('0 0 9 * * ?', '2026-06-01T00:00:00Z', 'Asia/Kolkata'), '2026-06-01T03:30:00.000Z');
    assert.equal(next('0 0 0 * * ?', '2026-06-01T00:00:00Z', 'Europe/Paris'), '2026-06-01T22:00:00.000Z');
});

test('validation messages (System.StringException)', () => {
    rejects('0 0 2 * *', 'Unexpected end of expression.');
    rejects(
        '0 0 2 * * *',
        'Support for specifying both a day-of-week AND a day-of-month parameter is not implemented.',
    );
    rejects('0 0 2 ? * ?', "'?' can only be specified for Day-of-Month -OR- Day-of-Week.");
    rejects('0 0 ? * * 1', "'?' can only be specified for Day-of-Month or Day-of-Week.");
    rejects('0 0 24 * * ?', 'Hour values must be between 0 and 23');
    rejects('0 0 1 32 * ?', 'Day of month values must be between 1 and 31');
    rejects('0 0 1 1 13 ?', 'Month values must be between 1 and 12');
    rejects('0 0 1 ? * 8', 'Day-of-Week values must be between 1 and 7');
    rejects('0 0 1 1 FOO ?', "Invalid Month value: 'FOO'");
    rejects('0 0 1 ? * FUN', "Invalid Day-of-Week value: 'FUN'");
    rejects('0 60 1 * * ?', 'Minute and Second values must be between 0 and 59');
    rejects('0 */5 * * * ?', 'Seconds and minutes must be specified as integers: 0 */5 * * * ?');
    rejects('0 0 1L * * ?', "'L' option is not valid here. (pos=2)");
    rejects('0 0 1 ? * 2#6', "A numeric value between 1 and 5 must follow the '#' option");
    rejects('0 0 1 1,L * ?', "Support for specifying 'L' and 'LW' with other days of the month is not implemented");
    rejects('0 0 1 * * ? 1969', 'Year values must be between 1970 and 2099');
    rejects('0 0 1-x * * ?', "Illegal characters for this position: 'X'");
});
