/**
 * Binary operators compiled to closures: `+` and `-` with an Integer fast path, `*`, `/`, the comparisons (with
 * Apex's rules for null), `==` / `!=` / `<>` (case-insensitive on Strings), `===` / `!==` (identity) and the bitwise
 * and shift operators; `compoundFn` gives the operation of a compound assignment (`+=`, `-=`, ...).
 */
import { IdValue } from '../runtime/values.js';
import type { Value } from '../runtime/values.js';
import { apexEquals, apexIdentical } from '../runtime/equality.js';
import { add, arith, bitwise, compare } from '../runtime/operators.js';
import type { Ev } from '../runtime/frame.js';
import type { Runtime } from './runtime.js';

/** The operation of a compound assignment: `op` is the operator without its `=` (`+` for `+=`). */
export function compoundFn(rt: Runtime, op: string): (a: Value, b: Value) => Value {
    const fail = rt.fail;
    switch (op) {
        case '+':
            return (a, b) => add(a, b, fail, rt.stringOf);
        case '-':
        case '*':
        case '/':
            return (a, b) => arith(op, a, b, fail);
        default:
            return (a, b) => bitwise(op, a, b, fail);
    }
}

/** `l op r` as a closure over the compiled operands. */
export function binaryEv(rt: Runtime, op: string, l: Ev, r: Ev): Ev {
    const fail = rt.fail;
    switch (op) {
        case '+':
            return (f) => {
                const a = l(f);
                const b = r(f);
                if (typeof a === 'number' && typeof b === 'number') return (a + b) | 0;
                return add(a, b, fail, rt.stringOf);
            };
        case '-':
            return (f) => {
                const a = l(f);
                const b = r(f);
                if (typeof a === 'number' && typeof b === 'number') return (a - b) | 0;
                return arith('-', a, b, fail);
            };
        case '*':
            return (f) => arith('*', l(f), r(f), fail);
        case '/':
            return (f) => arith('/', l(f), r(f), fail);
        case '<':
            return (f) => {
                const a = l(f);
                const b = r(f);
                if (typeof a === 'number' && typeof b === 'number') return a < b;
                return cmpNull(a, b, '<') ?? compare(a, b, fail) < 0;
            };
        case '>':
            return (f) => {
                const a = l(f);
                const b = r(f);
                if (typeof a === 'number' && typeof b === 'number') return a > b;
                return cmpNull(a, b, '>') ?? compare(a, b, fail) > 0;
            };
        case '<=':
            return (f) => {
                const a = l(f);
                const b = r(f);
                if (typeof a === 'number' && typeof b === 'number') return a <= b;
                return cmpNull(a, b, '<=') ?? compare(a, b, fail) <= 0;
            };
        case '>=':
            return (f) => {
                const a = l(f);
                const b = r(f);
                if (typeof a === 'number' && typeof b === 'number') return a >= b;
                return cmpNull(a, b, '>=') ?? compare(a, b, fail) >= 0;
            };
        case '==':
            return (f) => apexEquals(l(f), r(f));
        case '!=':
        case '<>':
            return (f) => !apexEquals(l(f), r(f));
        case '===':
            return (f) => apexIdentical(l(f), r(f));
        case '!==':
            return (f) => !apexIdentical(l(f), r(f));
        default:
            return (f) => bitwise(op, l(f), r(f), fail);
    }
}

/**
 * Relational comparisons with null never throw: with numbers, dates and times they are false; a non-null String or
 * Id is greater than null. Returns the comparison as -1/0/1 semantics through `op`, or null when no operand is null.
 */
function cmpNull(a: Value, b: Value, op: '<' | '>' | '<=' | '>='): boolean | null {
    if (a !== null && b !== null) return null;
    const isText = (v: Value): boolean => typeof v === 'string' || v instanceof IdValue;
    if (a === null && isText(b)) return op === '<' || op === '<=';
    if (b === null && isText(a)) return op === '>' || op === '>=';
    return false;
}
