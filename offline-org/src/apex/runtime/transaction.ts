/**
 * The state of one Apex transaction (statics, debug lines, limits, the test block) and the options a runtime is
 * opened with: plain data the interpreter and the standard library both read, kept below both so neither imports the
 * other for it.
 */
import type { SchemaProvider } from '../../data/schema-types.js';
import type { TypeDecl } from '../ast.js';
import type { Platform } from '../platform.js';
import { Limits, type LimitUsage } from './limits.js';
import type { RtClass } from './classes.js';
import type { Value } from './values.js';

export interface RuntimeOptions {
    schema?: SchemaProvider;
    /**
     * A class that does not link (an unknown type in a signature, ...) is set aside with its error instead of stopping
     * the load: calling into it raises that error, and compileAll reports it. For running a project's tests as a
     * deploy would report them, class by class. Off by default: a load then fails on the first such class.
     */
    tolerantLink?: boolean;
    platform?: Platform;
    orgTimeZone?: string;
    /** The org's clock in epoch ms (System.now, Date.today, ...); default the real time. */
    clock?: () => number;
    userId?: string;
    userName?: string;
    orgId?: string;
    /** Record executed statement lines per file (for --code-coverage). */
    coverage?: boolean;
    /**
     * Estimate the heap (heap.ts) at every so many method returns and keep the largest in the transaction's
     * `limits.peakHeap`; off when absent. Costly: for benchmarks that report a transaction's peak heap.
     */
    heapSampleEvery?: number;
    /** Custom labels by lower-cased name (System.Label.X). */
    labels?: Map<string, string>;
    /** A cache of converted class ASTs (testing/ast-cache.ts), to skip parsing unchanged files. */
    astCache?: {
        get(file: string, source: string): TypeDecl | undefined;
        set(file: string, source: string, decl: TypeDecl): void;
    };
}

export interface StaticState {
    state: 0 | 1 | 2;
    slots: Value[];
}

export class Transaction {
    /** Static variables of each class: fresh per transaction, shared with the test by async code a test runs. */
    statics = new Map<RtClass, StaticState>();
    readonly debug: { line: number; level: string; message: string }[] = [];
    limits: Limits;
    /** Set between Test.startTest() and Test.stopTest(): the limits of the code before startTest. */
    outerLimits: Limits | null = null;
    /** What the code between Test.startTest() and Test.stopTest() used, frozen at stopTest. */
    testBlockUsage: LimitUsage | null = null;
    testStarted = false;
    isTest = false;
    /** The kind of asynchronous execution this transaction is, or null when synchronous. */
    asyncKind: 'queueable' | 'future' | 'batch' | 'schedule' | 'finalizer' | null = null;
    constructor(isAsync: boolean) {
        this.limits = new Limits(isAsync);
    }
}
