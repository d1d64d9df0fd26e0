/**
 * Runs @isTest / testMethod methods, each in a fresh transaction (fresh statics), and collects results.
 */
import type { Runtime } from '../apex/interpreter/runtime.js';
import type { RtClass, RtMethod } from '../apex/runtime/classes.js';
import { ApexThrow } from '../apex/runtime/values.js';
import { ApexCompileError, NotSupportedError } from '../apex/errors.js';
import { exceptionTypeName } from '../apex/runtime/exceptions.js';
import type { LimitUsage } from '../apex/runtime/limits.js';

export interface TestResult {
    className: string;
    methodName: string;
    outcome: 'Pass' | 'Fail';
    message: string | null;
    stackTrace: string | null;
    timeMs: number;
    /**
     * Governor limits used by the test method's own transaction (code before Test.startTest() and after
     * Test.stopTest()), and separately by the code between them, which the platform gives fresh limits. Async work run
     * by stopTest has its own transactions and is in neither; @testSetup runs in its own transaction and is not counted.
     */
    limits: { test: LimitUsage; startTestBlock: LimitUsage | null };
}

export interface TestSelection {
    /** `Class.method` or `Class` entries; empty = all. */
    tests: string[];
    classNames: string[];
}

function testMethods(cls: RtClass): RtMethod[] {
    const out: RtMethod[] = [];
    for (const list of cls.methods.values()) for (const m of list) if (m.isTest && m.isStatic) out.push(m);
    return out.sort((a, b) => a.decl!.pos.line - b.decl!.pos.line);
}

export function selectTests(rt: Runtime, sel: TestSelection): { cls: RtClass; method: RtMethod }[] {
    const wantedClasses = new Set(sel.classNames.map((c) => c.toLowerCase()));
    const wantedTests = sel.tests.map((t) => t.toLowerCase());
    const out: { cls: RtClass; method: RtMethod }[] = [];
    for (const cls of rt.classes().sort((a, b) => a.name.localeCompare(b.name))) {
        if (!cls.isTest) continue;
        for (const m of testMethods(cls)) {
            const full = `${cls.lname}.${m.lname}`;
            const all = wantedClasses.size === 0 && wantedTests.length === 0;
            if (all || wantedClasses.has(cls.lname) || wantedTests.includes(full) || wantedTests.includes(cls.lname))
                out.push({ cls, method: m });
        }
    }
    return out;
}

/** Hooks for the layers around the interpreter, e.g. the data layer resetting the store between test methods. */
export interface TestHooks {
    beforeMethod?(rt: Runtime, cls: RtClass, method: RtMethod): void;
    afterMethod?(rt: Runtime, cls: RtClass, method: RtMethod, result: TestResult): void;
}

function setupMethods(cls: RtClass): RtMethod[] {
    const out: RtMethod[] = [];
    for (const list of cls.methods.values())
        for (const m of list) if (m.isStatic && m.annotations.includes('testsetup')) out.push(m);
    return out;
}

export function runTest(rt: Runtime, cls: RtClass, m: RtMethod, hooks: TestHooks = {}): TestResult {
    rt.beginTransaction({ isTest: true });
    hooks.beforeMethod?.(rt, cls, m);
    const result = { ...runIsolated(rt, cls, m), limits: limitsOfTest(rt) };
    hooks.afterMethod?.(rt, cls, m, result);
    return result;
}

/** Read right after the test method returns or throws, before the hooks end the transaction. */
function limitsOfTest(rt: Runtime): TestResult['limits'] {
    const tx = rt.tx;
    // A test that failed between startTest and stopTest is still on the block's limits.
    if (tx.outerLimits) return { test: tx.outerLimits.usage(), startTestBlock: tx.limits.usage() };
    return { test: tx.limits.usage(), startTestBlock: tx.testBlockUsage };
}

function runIsolated(rt: Runtime, cls: RtClass, m: RtMethod): Omit<TestResult, 'limits'> {
    const started = performance.now();
    const base = { className: cls.name, methodName: m.name };
    try {
        const setups = setupMethods(cls);
        if (setups.length > 0) {
            // @testSetup runs in its own transaction: its records stay (the data layer's concern), its statics do not.
            rt.statics(cls);
            for (const s of setups) rt.invoke(s, null, [], null);
            rt.beginTransaction({ isTest: true });
        }
        rt.statics(cls);
        rt.invoke(m, null, [], null);
        return {
            ...base,
            outcome: 'Pass',
            message: null,
            stackTrace: null,
            timeMs: Math.round(performance.now() - started),
        };
    } catch (e) {
        const timeMs = Math.round(performance.now() - started);
        if (e instanceof ApexThrow) {
            const exc = e.exc.exc!;
            return {
                ...base,
                outcome: 'Fail',
                message: `${exceptionTypeName(e.exc.cls)}: ${rt.stringOf(exc.message)}`,
                stackTrace: exc.stack,
                timeMs,
            };
        }
        if (e instanceof NotSupportedError || e instanceof ApexCompileError) {
            return { ...base, outcome: 'Fail', message: e.message, stackTrace: null, timeMs };
        }
        throw e;
    }
}

export function runTests(rt: Runtime, sel: TestSelection, hooks: TestHooks = {}): TestResult[] {
    return selectTests(rt, sel).map(({ cls, method }) => runTest(rt, cls, method, hooks));
}
