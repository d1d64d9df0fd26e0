/**
 * A method activation: local slots, the receiver, and the current line (for stack traces and coverage).
 */
import type { ApexObject, Value } from './values.js';
import type { RtClass } from './classes.js';

export class Frame {
    line = 0;
    ret: Value = null;
    constructor(
        readonly l: Value[],
        readonly self: ApexObject | null,
        readonly cls: RtClass | null,
        /** `Class.Outer.method` or `AnonymousBlock`, as stack traces print it. */
        readonly where: string,
        readonly prev: Frame | null,
        readonly file: string,
        /** Local slots by lower-cased name, for binds in dynamic SOQL. */
        readonly names: Map<string, number> | null,
    ) {}
}

/** Statement completion codes. */
export const NORMAL = 0;
export const BREAK = 1;
export const CONTINUE = 2;
export const RETURN = 3;
export type Completion = 0 | 1 | 2 | 3;

export type Ev = (f: Frame) => Value;
export type Ex = (f: Frame) => Completion;
