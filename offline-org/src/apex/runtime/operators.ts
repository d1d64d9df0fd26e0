/**
 * Apex arithmetic and comparison on runtime values: Integer (32-bit, wraps), Long (64-bit, wraps), Double, Decimal,
 * string concatenation (null prints as "null"), Date/Datetime arithmetic, integer division, bitwise and shift.
 */
import { Decimal, DecimalArithmeticError } from './decimal.js';
import { ApexDouble, DateValue, DatetimeValue, IdValue, TimeValue } from './values.js';
import type { Value } from './values.js';
import { compareNumbers } from './equality.js';
import { toApexString } from './format.js';
import { valueTypeName } from './types.js';
import { civilFromDays, daysFromCivil } from './datetime-math.js';

export type Thrower = (exception: string, message: string) => never;

const MASK64 = (1n << 64n) - 1n;
export function wrapLong(v: bigint): bigint {
    return BigInt.asIntN(64, v & MASK64);
}

function rank(v: Value): number {
    if (typeof v === 'number') return 1;
    if (typeof v === 'bigint') return 2;
    if (v instanceof Decimal) return 3;
    if (v instanceof ApexDouble) return 4;
    return 0;
}

function asDecimal(v: Value): Decimal {
    if (v instanceof Decimal) return v;
    if (typeof v === 'number' || typeof v === 'bigint') return Decimal.fromInt(v);
    return Decimal.fromDouble((v as ApexDouble).v);
}

function asNumber(v: Value): number {
    if (typeof v === 'number') return v;
    if (typeof v === 'bigint') return Number(v);
    if (v instanceof Decimal) return v.toNumber();
    return (v as ApexDouble).v;
}

type NumOp = '+' | '-' | '*' | '/';

function numeric(op: NumOp, a: Value, b: Value, fail: Thrower): Value {
    const r = Math.max(rank(a), rank(b));
    if (rank(a) === 0 || rank(b) === 0)
        return fail(
            'TypeException',
            `Arithmetic expression must use numeric arguments: ${valueTypeName(a)} ${op} ${valueTypeName(b)}`,
        );
    if (r === 1) {
        const x = a as number;
        const y = b as number;
        switch (op) {
            case '+':
                return (x + y) | 0;
            case '-':
                return (x - y) | 0;
            case '*':
                return Math.imul(x, y);
            case '/':
                if (y === 0) return fail('MathException', 'Divide by 0');
                return (x / y) | 0;
        }
    }
    if (r === 2) {
        const x = BigInt(a as number | bigint);
        const y = BigInt(b as number | bigint);
        switch (op) {
            case '+':
                return wrapLong(x + y);
            case '-':
                return wrapLong(x - y);
            case '*':
                return wrapLong(x * y);
            case '/':
                if (y === 0n) return fail('MathException', 'Divide by 0');
                return wrapLong(x / y);
        }
    }
    if (r === 4) {
        const x = asNumber(a);
        const y = asNumber(b);
        switch (op) {
            case '+':
                return new ApexDouble(x + y);
            case '-':
                return new ApexDouble(x - y);
            case '*':
                return new ApexDouble(x * y);
            case '/':
                if (y === 0) return fail('MathException', 'Divide by 0');
                return new ApexDouble(x / y);
        }
    }
    const x = asDecimal(a);
    const y = asDecimal(b);
    try {
        switch (op) {
            case '+':
                return x.add(y);
            case '-':
                return x.sub(y);
            case '*':
                return x.mul(y);
            case '/':
                return x.div(y);
        }
    } catch (e) {
        if (e instanceof DecimalArithmeticError) return fail('MathException', e.message);
        throw e;
    }
}

function toDays(d: DateValue): number {
    return daysFromCivil(d.y, d.m, d.d);
}

function fromDays(n: number): DateValue {
    const c = civilFromDays(n);
    return new DateValue(c.y, c.m, c.d);
}

export function add(a: Value, b: Value, fail: Thrower, str: (v: Value) => string = toApexString): Value {
    if (typeof a === 'number' && typeof b === 'number') return (a + b) | 0;
    if (typeof a === 'string' || typeof b === 'string' || a instanceof IdValue || b instanceof IdValue) {
        return str(a) + str(b);
    }
    if (a === null || b === null) return fail('NullPointerException', 'Attempt to de-reference a null object');
    if (a instanceof DateValue && rank(b) > 0) return fromDays(toDays(a) + Math.trunc(asNumber(b)));
    if (a instanceof DatetimeValue && rank(b) > 0) return new DatetimeValue(a.ms + Math.round(asNumber(b) * 86400000));
    if (a instanceof TimeValue && rank(b) > 0)
        return new TimeValue((((a.ms + asNumber(b)) % 86400000) + 86400000) % 86400000);
    return numeric('+', a, b, fail);
}

export function arith(op: '-' | '*' | '/', a: Value, b: Value, fail: Thrower): Value {
    if (typeof a === 'number' && typeof b === 'number' && op !== '/') return op === '-' ? (a - b) | 0 : Math.imul(a, b);
    if (a === null || b === null) return fail('NullPointerException', 'Attempt to de-reference a null object');
    if (op === '-') {
        if (a instanceof DateValue && rank(b) > 0) return fromDays(toDays(a) - Math.trunc(asNumber(b)));
        if (a instanceof DatetimeValue && rank(b) > 0)
            return new DatetimeValue(a.ms - Math.round(asNumber(b) * 86400000));
    }
    return numeric(op, a, b, fail);
}

export function negate(a: Value, fail: Thrower): Value {
    if (typeof a === 'number') return -a | 0;
    if (typeof a === 'bigint') return wrapLong(-a);
    if (a instanceof ApexDouble) return new ApexDouble(-a.v);
    if (a instanceof Decimal) return a.negate();
    if (a === null) return fail('NullPointerException', 'Attempt to de-reference a null object');
    return fail('TypeException', `Invalid operand for unary minus: ${valueTypeName(a)}`);
}

export function compare(a: Value, b: Value, fail: Thrower): number {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    if (a === null || b === null) return fail('NullPointerException', 'Attempt to de-reference a null object');
    const c = compareNumbers(a, b);
    if (c !== null) return c;
    if (typeof a === 'string' && typeof b === 'string') {
        // Relational operators compare strings case-insensitively (the context user's locale; en_US here).
        const x = a.toLowerCase();
        const y = b.toLowerCase();
        return x < y ? -1 : x > y ? 1 : 0;
    }
    if (a instanceof IdValue && b instanceof IdValue) return a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
    if (a instanceof DateValue && b instanceof DateValue) return toDays(a) - toDays(b);
    if (a instanceof DatetimeValue && b instanceof DatetimeValue) return a.ms - b.ms;
    if (a instanceof TimeValue && b instanceof TimeValue) return a.ms - b.ms;
    return fail(
        'TypeException',
        `Comparison arguments must be compatible types: ${valueTypeName(a)}, ${valueTypeName(b)}`,
    );
}

export function bitwise(op: string, a: Value, b: Value, fail: Thrower): Value {
    if (a === null || b === null) return fail('NullPointerException', 'Attempt to de-reference a null object');
    if (typeof a === 'boolean' && typeof b === 'boolean') {
        if (op === '&') return a && b;
        if (op === '|') return a || b;
        if (op === '^') return a !== b;
    }
    if (typeof a === 'number' && typeof b === 'number') {
        switch (op) {
            case '&':
                return a & b;
            case '|':
                return a | b;
            case '^':
                return a ^ b;
            case '<<':
                return a << b;
            case '>>':
                return a >> b;
            case '>>>':
                return (a >>> b) | 0;
        }
    }
    if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number')) {
        const x = BigInt(a);
        const y = BigInt(b);
        switch (op) {
            case '&':
                return x & y;
            case '|':
                return x | y;
            case '^':
                return x ^ y;
            case '<<':
                return wrapLong(x << (y & 63n));
            case '>>':
                return x >> (y & 63n);
            case '>>>':
                return BigInt.asIntN(64, BigInt.asUintN(64, x) >> (y & 63n));
        }
    }
    return fail('TypeException', `Invalid bitwise operands: ${valueTypeName(a)} ${op} ${valueTypeName(b)}`);
}
