/**
 * Java SimpleDateFormat-style formatting, as Datetime.format(pattern) uses it.
 * Letters: y M d H h k K m s S a E D z Z X; text in single quotes is literal. Anything else is literal.
 */
import { pad } from '../apex/runtime/datetime-math.js';

const MONTHS = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export interface WallClock {
    y: number;
    m: number;
    d: number;
    h: number;
    mi: number;
    s: number;
    ms: number;
    /** 0 = Sunday. */
    dow: number;
    doy: number;
    offsetMinutes: number;
    zoneName: string;
}

function offset(mins: number, colon: boolean): string {
    const sign = mins < 0 ? '-' : '+';
    const a = Math.abs(mins);
    return `${sign}${pad(Math.floor(a / 60), 2)}${colon ? ':' : ''}${pad(a % 60, 2)}`;
}

export function formatPattern(pattern: string, c: WallClock): string {
    let out = '';
    for (let i = 0; i < pattern.length;) {
        const ch = pattern[i];
        if (ch === "'") {
            const end = pattern.indexOf("'", i + 1);
            if (end === i + 1) {
                out += "'";
                i += 2;
                continue;
            }
            out += pattern.slice(i + 1, end < 0 ? undefined : end);
            i = end < 0 ? pattern.length : end + 1;
            continue;
        }
        if (!/[A-Za-z]/.test(ch)) {
            out += ch;
            i++;
            continue;
        }
        let n = 1;
        while (pattern[i + n] === ch) n++;
        i += n;
        switch (ch) {
            case 'y':
                out += n === 2 ? pad(c.y % 100, 2) : pad(c.y, n);
                break;
            case 'M':
                out += n >= 4 ? MONTHS[c.m - 1] : n === 3 ? MONTHS[c.m - 1].slice(0, 3) : pad(c.m, n);
                break;
            case 'd':
                out += pad(c.d, n);
                break;
            case 'D':
                out += pad(c.doy, n);
                break;
            case 'H':
                out += pad(c.h, n);
                break;
            case 'k':
                out += pad(c.h === 0 ? 24 : c.h, n);
                break;
            case 'K':
                out += pad(c.h % 12, n);
                break;
            case 'h':
                out += pad(c.h % 12 === 0 ? 12 : c.h % 12, n);
                break;
            case 'm':
                out += pad(c.mi, n);
                break;
            case 's':
                out += pad(c.s, n);
                break;
            case 'S':
                out += pad(c.ms, 3).slice(0, Math.max(n, 3)).padEnd(n, '0');
                break;
            case 'a':
                out += c.h < 12 ? 'AM' : 'PM';
                break;
            case 'E':
                out += n >= 4 ? DAYS[c.dow] : DAYS[c.dow].slice(0, 3);
                break;
            case 'u':
                out += String(c.dow === 0 ? 7 : c.dow);
                break;
            case 'Z':
                out += offset(c.offsetMinutes, false);
                break;
            case 'X':
                out += c.offsetMinutes === 0 ? 'Z' : offset(c.offsetMinutes, n >= 3);
                break;
            case 'z':
                out += n >= 4 ? c.zoneName : c.zoneName;
                break;
            default:
                out += ch.repeat(n);
        }
    }
    return out;
}
