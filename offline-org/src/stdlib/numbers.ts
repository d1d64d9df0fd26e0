/**
 * Integer, Long, Double, Decimal (static and instance methods) and Math.
 */
import { textOf } from '../apex/runtime/format.js';
import type { ApexHost } from './host.js';
import { ApexDouble, EnumValue } from '../apex/runtime/values.js';
import type { Value } from '../apex/runtime/values.js';
import { Decimal } from '../apex/runtime/decimal.js';
import type { RoundingMode } from '../apex/runtime/decimal.js';
import type { Registry } from './registry.js';
import { formatDouble } from '../apex/runtime/format.js';

function num(v: Value): number {
    if (typeof v === 'number') return v;
    if (typeof v === 'bigint') return Number(v);
    if (v instanceof ApexDouble) return v.v;
    if (v instanceof Decimal) return v.toNumber();
    return NaN;
}

function dec(v: Value): Decimal {
    if (v instanceof Decimal) return v;
    if (typeof v === 'number' || typeof v === 'bigint') return Decimal.fromInt(v);
    return Decimal.fromDouble(num(v));
}

function parseIntStrict(rt: ApexHost, s: Value): number {
    if (s === null) return rt.npe();
    const t = textOf(s).trim();
    if (!/^[+-]?\d+$/.test(t)) return rt.fail('TypeException', `Invalid integer: ${textOf(s)}`);
    const n = Number(t);
    if (n > 2147483647 || n < -2147483648) return rt.fail('TypeException', `Invalid integer: ${textOf(s)}`);
    return n;
}

function mode(v: Value | undefined): RoundingMode {
    return v instanceof EnumValue ? (v.name as RoundingMode) : 'HALF_EVEN';
}

export function registerNumbers(reg: Registry): void {
    reg.staticMethods('Integer', {
        valueof: (rt, a) =>
            typeof a[0] === 'string' ? parseIntStrict(rt, a[0]) : a[0] === null ? null : Math.trunc(num(a[0])) | 0,
    });
    reg.staticMethods('Long', {
        valueof: (rt, a) => {
            if (a[0] === null) return null;
            if (typeof a[0] === 'string') {
                if (!/^[+-]?\d+$/.test(a[0].trim())) return rt.fail('TypeException', `Invalid long: ${a[0]}`);
                return BigInt(a[0].trim());
            }
            return BigInt(Math.trunc(num(a[0])));
        },
    });
    reg.staticMethods('Double', {
        valueof: (rt, a) => {
            if (a[0] === null) return null;
            const n = typeof a[0] === 'string' ? Number(a[0].trim()) : num(a[0]);
            if (Number.isNaN(n) && typeof a[0] === 'string') return rt.fail('TypeException', `Invalid double: ${a[0]}`);
            return new ApexDouble(n);
        },
    });
    reg.staticMethods('Decimal', {
        valueof: (rt, a) => {
            if (a[0] === null) return null;
            if (typeof a[0] === 'string')
                return Decimal.parse(a[0]) ?? rt.fail('TypeException', `Invalid decimal: ${a[0]}`);
            return dec(a[0]);
        },
    });
    const intMethods = {
        format: (_rt: ApexHost, s: Value) => num(s).toLocaleString('en-US'),
        intvalue: (_rt: ApexHost, s: Value) => Math.trunc(num(s)) | 0,
        longvalue: (_rt: ApexHost, s: Value) => BigInt(Math.trunc(num(s))),
        doublevalue: (_rt: ApexHost, s: Value) => new ApexDouble(num(s)),
        decimalvalue: (_rt: ApexHost, s: Value) => dec(s),
        hashcode: (_rt: ApexHost, s: Value) => Math.trunc(num(s)) | 0,
        equals: (_rt: ApexHost, s: Value, a: Value[]) => num(s) === num(a[0]),
        tostring: (rt: ApexHost, s: Value) => rt.stringOf(s),
    };
    reg.instanceMethods('integer', intMethods);
    reg.instanceMethods('long', { ...intMethods, format: (_rt, s) => (s as bigint).toLocaleString('en-US') });
    reg.instanceMethods('double', {
        ...intMethods,
        format: (_rt, s) => num(s).toLocaleString('en-US', { maximumFractionDigits: 3 }),
        round: (_rt, s) => BigInt(Math.round(num(s))),
        tostring: (_rt, s) => formatDouble(num(s)),
    });
    reg.instanceMethods('decimal', {
        ...intMethods,
        scale: (_rt, s) => (s as Decimal).scale,
        precision: (_rt, s) => (s as Decimal).precision(),
        setscale: (rt, s, a) => {
            try {
                return (s as Decimal).setScale(a[0] as number, a.length > 1 ? mode(a[1]) : 'HALF_EVEN');
            } catch {
                return rt.fail('MathException', 'Rounding necessary');
            }
        },
        round: (_rt, s, a) => BigInt((s as Decimal).setScale(0, a.length ? mode(a[0]) : 'HALF_EVEN').unscaled),
        abs: (_rt, s) => (s as Decimal).abs(),
        divide: (rt, s, a) => {
            try {
                return (s as Decimal).divide(dec(a[0]), a[1] as number, a.length > 2 ? mode(a[2]) : 'HALF_UP');
            } catch (e) {
                return rt.fail('MathException', (e as Error).message);
            }
        },
        multiply: (_rt, s, a) =>
            (s as Decimal).mul(dec(a[0])).setScale(a[1] as number, a.length > 2 ? mode(a[2]) : 'HALF_UP'),
        pow: (_rt, s, a) => {
            let r = Decimal.fromInt(1);
            for (let i = 0; i < (a[0] as number); i++) r = r.mul(s as Decimal);
            return r;
        },
        striptrailingzeros: (_rt, s) => (s as Decimal).stripTrailingZeros(),
        toplainstring: (_rt, s) => (s as Decimal).toPlainString(),
        format: (_rt, s) => {
            const d = s as Decimal;
            return Number(d.toPlainString()).toLocaleString('en-US', {
                minimumFractionDigits: Math.max(0, d.scale),
                maximumFractionDigits: Math.max(0, d.scale),
            });
        },
        signum: (_rt, s) => (s as Decimal).signum(),
    });
    const d = (n: number): ApexDouble => new ApexDouble(n);
    reg.staticMethods('Math', {
        abs: (rt, a) => {
            const v = a[0]!;
            if (typeof v === 'number') return Math.abs(v) | 0;
            if (typeof v === 'bigint') return v < 0n ? -v : v;
            if (v instanceof Decimal) return v.abs();
            if (v === null) return rt.npe();
            return d(Math.abs(num(v)));
        },
        max: (_rt, a) => pick(a[0], a[1], (x, y) => x >= y),
        min: (_rt, a) => pick(a[0], a[1], (x, y) => x <= y),
        mod: (rt, a) => {
            if (num(a[1]) === 0) return rt.fail('MathException', 'Divide by 0');
            if (typeof a[0] === 'bigint' || typeof a[1] === 'bigint')
                return BigInt(a[0] as number) % BigInt(a[1] as number);
            return (a[0] as number) % (a[1] as number);
        },
        pow: (_rt, a) => d(Math.pow(num(a[0]), num(a[1]))),
        sqrt: (_rt, a) => d(Math.sqrt(num(a[0]))),
        floor: (_rt, a) => (a[0] instanceof Decimal ? a[0].setScale(0, 'FLOOR') : d(Math.floor(num(a[0])))),
        ceil: (_rt, a) => (a[0] instanceof Decimal ? a[0].setScale(0, 'CEILING') : d(Math.ceil(num(a[0])))),
        round: (_rt, a) =>
            a[0] instanceof Decimal ? Number(a[0].setScale(0, 'HALF_EVEN').unscaled) : Math.round(num(a[0])),
        roundtolong: (_rt, a) => BigInt(Math.round(num(a[0]))),
        random: () => d(Math.random()),
        exp: (_rt, a) => d(Math.exp(num(a[0]))),
        log: (_rt, a) => d(Math.log(num(a[0]))),
        log10: (_rt, a) => d(Math.log10(num(a[0]))),
        sin: (_rt, a) => d(Math.sin(num(a[0]))),
        cos: (_rt, a) => d(Math.cos(num(a[0]))),
        tan: (_rt, a) => d(Math.tan(num(a[0]))),
        signum: (_rt, a) => d(Math.sign(num(a[0]))),
        cbrt: (_rt, a) => d(Math.cbrt(num(a[0]))),
    });
    reg.staticProps('Math', { pi: () => d(Math.PI), e: () => d(Math.E) });
}

function pick(a: Value, b: Value, keepA: (x: number, y: number) => boolean): Value {
    if (a instanceof Decimal || b instanceof Decimal) return keepA(num(a), num(b)) ? dec(a) : dec(b);
    if (a instanceof ApexDouble || b instanceof ApexDouble)
        return new ApexDouble(keepA(num(a), num(b)) ? num(a) : num(b));
    if (typeof a === 'bigint' || typeof b === 'bigint')
        return keepA(num(a), num(b)) ? BigInt(a as number) : BigInt(b as number);
    return keepA(num(a), num(b)) ? a : b;
}
