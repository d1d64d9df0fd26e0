/**
 * Parses Salesforce cron expressions: `Seconds Minutes Hours Day_of_month Month Day_of_week [Optional_year]`.
 * The Apex scheduler is Quartz-based; invalid expressions raise System.StringException with Quartz's messages
 * (the Salesforce wording is confirmed for "Unexpected end of expression." only; the others are Quartz's own).
 * Salesforce documents no special characters for Seconds and Minutes: they must be integers.
 */
import { raise } from './platform-exception.js';

export type DayOfMonthSpec =
    | { kind: 'days'; days: ReadonlySet<number> }
    /** `L` (offset 0), `L-3`; `LW` = the last weekday of the month. */
    | { kind: 'last'; offset: number; weekday: boolean }
    /** `15W`: the weekday nearest the 15th, within the month. */
    | { kind: 'nearestWeekday'; day: number };

export type DayOfWeekSpec =
    | { kind: 'days'; days: ReadonlySet<number> }
    /** `6L`: the last Friday of the month. */
    | { kind: 'lastOf'; dow: number }
    /** `2#1`: the first Monday of the month. */
    | { kind: 'nth'; dow: number; n: number };

export interface CronSchedule {
    readonly expression: string;
    readonly seconds: readonly number[];
    readonly minutes: readonly number[];
    readonly hours: readonly number[];
    /** null: `?` in this position. */
    readonly dayOfMonth: DayOfMonthSpec | null;
    readonly months: readonly number[];
    readonly dayOfWeek: DayOfWeekSpec | null;
    /** null: any year (field omitted or `*`). */
    readonly years: readonly number[] | null;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface FieldRule {
    min: number;
    max: number;
    rangeMessage: string;
    names?: string[];
    nameMessage?: string;
}

const RULES: Record<'hour' | 'dom' | 'month' | 'dow' | 'year', FieldRule> = {
    hour: { min: 0, max: 23, rangeMessage: 'Hour values must be between 0 and 23' },
    dom: { min: 1, max: 31, rangeMessage: 'Day of month values must be between 1 and 31' },
    month: {
        min: 1,
        max: 12,
        rangeMessage: 'Month values must be between 1 and 12',
        names: MONTHS,
        nameMessage: 'Invalid Month value',
    },
    dow: {
        min: 1,
        max: 7,
        rangeMessage: 'Day-of-Week values must be between 1 and 7',
        names: DAYS,
        nameMessage: 'Invalid Day-of-Week value',
    },
    year: { min: 1970, max: 2099, rangeMessage: 'Year values must be between 1970 and 2099' },
};

function fail(message: string): never {
    return raise('StringException', message);
}

function parseValue(token: string, rule: FieldRule): number {
    if (/^\d+$/.test(token)) {
        const n = Number(token);
        if (n < rule.min || n > rule.max) fail(rule.rangeMessage);
        return n;
    }
    if (/^[A-Z]+$/.test(token) && rule.names) {
        const index = rule.names.indexOf(token);
        if (token.length !== 3 || index < 0) fail(`${rule.nameMessage ?? 'Invalid value'}: '${token}'`);
        return index + 1;
    }
    return fail(`Illegal characters for this position: '${token}'`);
}

/** `*`, `a`, `a-b` (wrapping when a > b), each optionally `/step`, comma-separated. */
function parseList(field: string, rule: FieldRule): number[] {
    const out = new Set<number>();
    for (const item of field.split(',')) {
        if (item === '') fail(`Illegal characters for this position: '${field}'`);
        const [rangePart, stepPart, extra] = item.split('/');
        if (extra !== undefined) fail(`Illegal characters for this position: '${item}'`);
        let step = 1;
        if (stepPart !== undefined) {
            if (!/^\d+$/.test(stepPart)) fail(`Illegal characters for this position: '${stepPart}'`);
            step = Number(stepPart);
            const span = rule.max - rule.min + 1;
            if (step <= 0 || step > span) fail(`Increment > ${span} : ${step}`);
        }
        let from: number;
        let to: number;
        if (rangePart === '*') {
            from = rule.min;
            to = rule.max;
        } else {
            const bounds = rangePart.split('-');
            if (bounds.length > 2) fail(`Illegal characters for this position: '${rangePart}'`);
            from = parseValue(bounds[0], rule);
            to = bounds.length === 2 ? parseValue(bounds[1], rule) : stepPart !== undefined ? rule.max : from;
        }
        const span = rule.max - rule.min + 1;
        const length = (((to - from) % span) + span) % span;
        for (let i = 0; i <= length; i += step) out.add(((from - rule.min + i) % span) + rule.min);
    }
    return [...out].sort((a, b) => a - b);
}

function parseDayOfMonth(field: string): DayOfMonthSpec | null {
    if (field === '?') return null;
    if (field.includes('L')) {
        const m = /^L(?:-(\d+))?(W)?$/.exec(field);
        if (!m) {
            if (field.includes(','))
                fail("Support for specifying 'L' and 'LW' with other days of the month is not implemented");
            fail(`Illegal characters for this position: '${field}'`);
        }
        const offset = m[1] === undefined ? 0 : Number(m[1]);
        if (offset > 30) fail('Offset from last day must be <= 30');
        return { kind: 'last', offset, weekday: m[2] === 'W' };
    }
    if (field.includes('W')) {
        const m = /^(\d+)W$/.exec(field);
        if (!m) {
            if (field.includes(',')) fail("Support for specifying 'W' with other days of the month is not implemented");
            fail(`Illegal characters for this position: '${field}'`);
        }
        const day = Number(m[1]);
        if (day < 1 || day > 31)
            fail("The 'W' option does not make sense with values larger than 31 (max number of days in a month)");
        return { kind: 'nearestWeekday', day };
    }
    return { kind: 'days', days: new Set(parseList(field, RULES.dom)) };
}

function parseDayOfWeek(field: string): DayOfWeekSpec | null {
    if (field === '?') return null;
    if (field.includes('#')) {
        const m = /^([A-Z]+|\d+)#(\d+)$/.exec(field);
        if (!m) {
            if (field.includes(',')) fail('Support for specifying multiple "nth" days is not implemented.');
            fail(`Illegal characters for this position: '${field}'`);
        }
        const n = Number(m[2]);
        if (n < 1 || n > 5) fail("A numeric value between 1 and 5 must follow the '#' option");
        return { kind: 'nth', dow: parseValue(m[1], RULES.dow), n };
    }
    if (field.includes('L')) {
        if (field === 'L') return { kind: 'days', days: new Set([7]) };
        const m = /^([A-Z]+|\d+)L$/.exec(field);
        if (!m) {
            if (field.includes(',')) fail("Support for specifying 'L' with other days of the week is not implemented");
            fail(`Illegal characters for this position: '${field}'`);
        }
        return { kind: 'lastOf', dow: parseValue(m[1], RULES.dow) };
    }
    return { kind: 'days', days: new Set(parseList(field, RULES.dow)) };
}

function parseSecondOrMinute(field: string, expression: string): number[] {
    if (!/^\d+$/.test(field)) fail(`Seconds and minutes must be specified as integers: ${expression}`);
    const n = Number(field);
    if (n > 59) fail('Minute and Second values must be between 0 and 59');
    return [n];
}

function checkQuestionMarks(fields: string[]): void {
    fields.forEach((f, i) => {
        if (f.includes('?') && (f !== '?' || (i !== 3 && i !== 5))) {
            if (i === 3 || i === 5)
                fail(`Illegal character after '?': ${f.slice(f.indexOf('?') + 1, f.indexOf('?') + 2)}`);
            fail("'?' can only be specified for Day-of-Month or Day-of-Week.");
        }
    });
}

/** Parses and validates; throws PlatformException(StringException) as System.schedule does. */
export function parseCron(expression: string): CronSchedule {
    const fields = expression
        .trim()
        .toUpperCase()
        .split(/\s+/)
        .filter((f) => f !== '');
    if (fields.length < 6) fail('Unexpected end of expression.');
    if (fields.length > 7) fail(`Illegal characters for this position: '${fields[7]}'`);
    checkQuestionMarks(fields);
    const [sec, min, hour, dom, month, dow, year] = fields;
    if (dom === '?' && dow === '?') fail("'?' can only be specified for Day-of-Month -OR- Day-of-Week.");
    if (dom !== '?' && dow !== '?') {
        fail('Support for specifying both a day-of-week AND a day-of-month parameter is not implemented.');
    }
    for (const [i, f] of fields.entries()) {
        const withoutNames = f.replace(/[A-Z]{3,}/g, '');
        if (i !== 3 && i !== 5 && withoutNames.includes('W')) fail(`'W' option is not valid here. (pos=${i})`);
        if (i !== 3 && i !== 5 && withoutNames.includes('L')) fail(`'L' option is not valid here. (pos=${i})`);
        if (i !== 5 && f.includes('#')) fail(`'#' option is not valid here. (pos=${i})`);
    }
    return {
        expression,
        seconds: parseSecondOrMinute(sec, expression),
        minutes: parseSecondOrMinute(min, expression),
        hours: parseList(hour, RULES.hour),
        dayOfMonth: parseDayOfMonth(dom),
        months: parseList(month, RULES.month),
        dayOfWeek: parseDayOfWeek(dow),
        years: year === undefined || year === '*' ? null : parseList(year, RULES.year),
    };
}
