/**
 * An estimate of a transaction's Apex heap, for Limits.getHeapSize(): the values reachable from the running
 * method frames (locals and receivers) and from the classes' static variables, each object counted once.
 *
 * It is an estimate, not the platform's figure. The sizes follow what the platform is known to count: a String
 * one byte per UTF-16 unit, a number or date 8 bytes, a Blob its bytes, a reference to an object already
 * counted nothing. What it cannot see: temporaries in the middle of an expression, whether two variables share a
 * short String (counted at each occurrence; a long one is counted once, as if shared), and the platform's own
 * bookkeeping.
 */
import type { Frame } from './frame.js';
import type { StaticState, Transaction } from './transaction.js';
import type { RtClass } from './classes.js';
import {
    ApexDouble,
    ApexList,
    ApexMap,
    ApexObject,
    ApexSet,
    BlobValue,
    DateValue,
    DatetimeValue,
    EnumValue,
    IdValue,
    NativeObject,
    SObjectValue,
    TimeValue,
    TypeValue,
} from './values.js';
import type { Value } from './values.js';

/** What a collection, record or object costs besides its contents. */
const OBJECT_BYTES = 8;
/** A number, date, time or datetime. */
const SCALAR_BYTES = 8;
/** How deep the plain JavaScript state of a built-in object is followed. */
const NATIVE_STATE_DEPTH = 4;
/**
 * Strings this long are counted once however many variables hold them: passing a String to a method shares it on
 * the platform, and JavaScript strings have no identity to tell a shared one from an equal copy.
 */
const SHARED_STRING_LENGTH = 256;

class HeapWalk {
    bytes = 0;
    private readonly seen = new Set<object>();
    private readonly longStrings = new Set<string>();

    value(v: Value): void {
        if (v === null || v === undefined) return;
        switch (typeof v) {
            case 'string':
                if (v.length >= SHARED_STRING_LENGTH) {
                    if (this.longStrings.has(v)) return;
                    this.longStrings.add(v);
                }
                this.bytes += v.length;
                return;
            case 'boolean':
                this.bytes += 1;
                return;
            case 'number':
            case 'bigint':
                this.bytes += SCALAR_BYTES;
                return;
        }
        if (v instanceof ApexDouble || v instanceof DateValue || v instanceof DatetimeValue || v instanceof TimeValue) {
            this.bytes += SCALAR_BYTES;
            return;
        }
        if (v instanceof IdValue) {
            this.bytes += v.v.length;
            return;
        }
        if (v instanceof EnumValue || v instanceof TypeValue) return;
        if (this.seen.has(v)) return;
        this.seen.add(v);
        if (v instanceof BlobValue) {
            this.bytes += v.bytes.length;
        } else if (v instanceof ApexList) {
            this.bytes += OBJECT_BYTES;
            for (const item of v.items) this.value(item);
        } else if (v instanceof ApexSet) {
            this.bytes += OBJECT_BYTES;
            for (const item of v.entries.values()) this.value(item);
        } else if (v instanceof ApexMap) {
            this.bytes += OBJECT_BYTES;
            for (const [key, item] of v.entries.values()) {
                this.value(key);
                this.value(item);
            }
        } else if (v instanceof SObjectValue) {
            this.bytes += OBJECT_BYTES;
            for (const field of v.fields.values()) this.value(field.value);
        } else if (v instanceof ApexObject) {
            this.bytes += OBJECT_BYTES;
            for (const field of v.fields) this.value(field);
            if (v.exc) this.value(v.exc.message);
        } else if (v instanceof NativeObject) {
            this.bytes += OBJECT_BYTES;
            this.native(v.state, NATIVE_STATE_DEPTH);
        } else {
            // A Decimal (the only Value left).
            this.bytes += SCALAR_BYTES;
        }
    }

    /** The plain state of a built-in object (an HTTP response's body, a parser's tokens); platform objects are not followed. */
    private native(state: unknown, depth: number): void {
        if (state === null || state === undefined) return;
        if (typeof state !== 'object') {
            this.value(state as Value);
            return;
        }
        if (isValueObject(state)) {
            this.value(state as Value);
            return;
        }
        if (depth === 0 || this.seen.has(state)) return;
        this.seen.add(state);
        if (state instanceof Uint8Array) {
            this.bytes += state.length;
        } else if (Array.isArray(state)) {
            for (const item of state) this.native(item, depth - 1);
        } else if (state instanceof Map) {
            for (const item of state.values()) this.native(item, depth - 1);
        } else if (Object.getPrototypeOf(state) === Object.prototype) {
            for (const item of Object.values(state)) this.native(item, depth - 1);
        }
    }
}

function isValueObject(o: object): boolean {
    return (
        o instanceof ApexList ||
        o instanceof ApexSet ||
        o instanceof ApexMap ||
        o instanceof SObjectValue ||
        o instanceof ApexObject ||
        o instanceof NativeObject ||
        o instanceof BlobValue ||
        o instanceof IdValue ||
        o instanceof ApexDouble ||
        o instanceof DateValue ||
        o instanceof DatetimeValue ||
        o instanceof TimeValue ||
        o instanceof EnumValue ||
        o instanceof TypeValue
    );
}

/**
 * The estimated heap in bytes of what the running frames and the static variables hold.
 * @param top the innermost running frame
 * @param statics the transaction's static variables
 */
export function estimateHeap(top: Frame | null, statics: Map<RtClass, StaticState>): number {
    const walk = new HeapWalk();
    for (let frame = top; frame; frame = frame.prev) {
        for (const local of frame.l) walk.value(local);
        walk.value(frame.self);
    }
    for (const state of statics.values()) {
        for (const slot of state.slots) walk.value(slot);
    }
    return walk.bytes;
}

/**
 * Estimates the heap now and keeps it as the transaction's peak when it is the largest yet.
 * @param top the innermost running frame
 * @param tx the running transaction
 */
export function measureHeap(top: Frame | null, tx: Transaction): number {
    const started = performance.now();
    const bytes = estimateHeap(top, tx.statics);
    if (bytes > tx.limits.peakHeap) tx.limits.peakHeap = bytes;
    tx.limits.uncountedMs += performance.now() - started;
    return bytes;
}
