/**
 * System (debug, assert*, now, today, currentTimeMillis), Assert, Test, Limits, UserInfo, and exception methods.
 */
import type { ApexHost } from './host.js';
import { apexEquals } from '../apex/runtime/equality.js';
import { typeName, valueTypeName } from '../apex/runtime/types.js';
import {
    ApexList,
    ApexObject,
    DateValue,
    DatetimeValue,
    EnumValue,
    IdValue,
    TypeValue,
} from '../apex/runtime/values.js';
import type { DmlFailure } from '../apex/runtime/values.js';
import { prim } from '../apex/runtime/types.js';
import { BUILTIN_ENUMS } from '../apex/runtime/type-names.js';
import type { Value } from '../apex/runtime/values.js';
import { exceptionTypeName } from '../apex/runtime/exceptions.js';
import type { Registry } from './registry.js';
import { Limits } from '../apex/runtime/limits.js';
import { measureHeap } from '../apex/runtime/heap.js';
import { setMock } from './http.js';
import { compileError } from '../apex/errors.js';
import { localFields } from '../apex/runtime/datetime-math.js';
import { textOf } from '../apex/runtime/format.js';

function msg(rt: ApexHost, m: Value | undefined): string {
    return m === undefined || m === null ? '' : ': ' + rt.stringOf(m);
}

function assertFail(rt: ApexHost, text: string): never {
    return rt.fail('AssertException', text);
}

/** assertEquals / Assert.areEqual compare Strings with case (equals()), everything else as == does. */
function assertEqual(a: Value, b: Value): boolean {
    if ((typeof a === 'string' || a instanceof IdValue) && (typeof b === 'string' || b instanceof IdValue)) {
        const x = typeof a === 'string' ? a : a.v;
        const y = typeof b === 'string' ? b : b.v;
        return a instanceof IdValue || b instanceof IdValue ? apexEquals(a, b) : x === y;
    }
    return apexEquals(a, b);
}

function equalsFailure(rt: ApexHost, expected: Value, actual: Value, m: Value | undefined): string {
    return `Assertion Failed: Expected: ${rt.stringOf(expected)}, Actual: ${rt.stringOf(actual)}${m === undefined || m === null ? '' : ': ' + rt.stringOf(m)}`;
}

export function registerSystem(reg: Registry): void {
    reg.staticMethods('System', {
        debug: (rt, a) => {
            if (a.length === 2) rt.debug(a[0] instanceof EnumValue ? a[0].name : 'DEBUG', a[1]);
            else rt.debug('DEBUG', a[0] ?? null);
            return null;
        },
        assert: (rt, a) => {
            if (a[0] !== true) assertFail(rt, `Assertion Failed${msg(rt, a[1])}`);
            return null;
        },
        assertequals: (rt, a) => {
            if (!assertEqual(a[0], a[1])) assertFail(rt, equalsFailure(rt, a[0], a[1], a[2]));
            return null;
        },
        assertnotequals: (rt, a) => {
            if (assertEqual(a[0], a[1]))
                assertFail(rt, `Assertion Failed: Same value: ${rt.stringOf(a[0])}${msg(rt, a[2])}`);
            return null;
        },
        now: (rt) => new DatetimeValue(rt.now()),
        today: (rt) => {
            const l = localFields(rt.orgTimeZone, rt.now());
            return new DateValue(l.y, l.m, l.d);
        },
        currenttimemillis: (rt) => BigInt(rt.now()),
        requestid: () => 'offline-request',
        isbatch: (rt) => rt.tx.asyncKind === 'batch',
        isfuture: (rt) => rt.tx.asyncKind === 'future',
        isqueueable: (rt) => rt.tx.asyncKind === 'queueable',
        isscheduled: (rt) => rt.tx.asyncKind === 'schedule',
    });
    reg.staticProps('Label', {
        '*': (rt, pos, member) => {
            const v = rt.options.labels?.get(member.toLowerCase());
            if (v === undefined) return compileError(`Field does not exist: ${member} on System.Label`, pos);
            return v;
        },
    });
    reg.staticMethods('Assert', {
        areequal: (rt, a) => {
            if (!assertEqual(a[0], a[1])) assertFail(rt, equalsFailure(rt, a[0], a[1], a[2]));
            return null;
        },
        arenotequal: (rt, a) => {
            if (assertEqual(a[0], a[1]))
                assertFail(rt, `Assertion Failed: Same value: ${rt.stringOf(a[0])}${msg(rt, a[2])}`);
            return null;
        },
        istrue: (rt, a) => {
            if (a[0] !== true)
                assertFail(rt, `Assertion Failed: Expected: true, Actual: ${rt.stringOf(a[0])}${msg(rt, a[1])}`);
            return null;
        },
        isfalse: (rt, a) => {
            if (a[0] !== false)
                assertFail(rt, `Assertion Failed: Expected: false, Actual: ${rt.stringOf(a[0])}${msg(rt, a[1])}`);
            return null;
        },
        isnull: (rt, a) => {
            if (a[0] !== null)
                assertFail(rt, `Assertion Failed: Expected: null, Actual: ${rt.stringOf(a[0])}${msg(rt, a[1])}`);
            return null;
        },
        isnotnull: (rt, a) => {
            if (a[0] === null) assertFail(rt, `Assertion Failed: Expected: not null, Actual: null${msg(rt, a[1])}`);
            return null;
        },
        fail: (rt, a) => assertFail(rt, a[0] === undefined || a[0] === null ? 'Assertion Failed' : rt.stringOf(a[0])),
        isinstanceoftype: (rt, a) => {
            const t = a[1];
            if (!(t instanceof TypeValue)) return rt.npe();
            if (!isInstanceOf(a[0], t))
                assertFail(
                    rt,
                    `Assertion Failed: Expected instance of ${typeName(t.type)}, Actual: ${valueTypeName(a[0])}${msg(rt, a[2])}`,
                );
            return null;
        },
        isnotinstanceoftype: (rt, a) => {
            const t = a[1];
            if (!(t instanceof TypeValue)) return rt.npe();
            if (isInstanceOf(a[0], t))
                assertFail(rt, `Assertion Failed: Not expected instance of ${typeName(t.type)}${msg(rt, a[2])}`);
            return null;
        },
    });
    reg.staticMethods('Test', {
        isrunningtest: (rt) => rt.tx.isTest,
        starttest: (rt, _a, pos) => {
            // Code between startTest and stopTest gets a fresh set of governor limits.
            if (rt.tx.testStarted) return rt.fail('FinalException', 'Testing already started');
            rt.tx.testStarted = true;
            rt.tx.outerLimits = rt.tx.limits;
            rt.tx.limits = new Limits(rt.tx.limits.isAsync);
            rt.platform.startTest?.({ limits: rt.tx.limits, pos });
            return null;
        },
        stoptest: (rt, _a, pos) => {
            if (!rt.tx.outerLimits) return rt.fail('FinalException', 'Test.stopTest() called without Test.startTest()');
            rt.platform.stopTest?.({ limits: rt.tx.limits, pos });
            rt.tx.testBlockUsage = rt.tx.limits.usage();
            rt.tx.limits = rt.tx.outerLimits;
            rt.tx.outerLimits = null;
            return null;
        },
        setmock: (rt, a, pos) => setMock(rt, a, pos),
        createstub: (rt, a, pos) => {
            const [type, provider] = a;
            if (!(type instanceof TypeValue) || type.type.k !== 'class')
                return rt.fail('TypeException', 'Test.createStub needs the Type of an Apex class or interface');
            if (
                !(provider instanceof ApexObject) ||
                !isInstance(provider, { k: 'native', name: 'System.StubProvider' })
            )
                return rt.fail('TypeException', 'Test.createStub needs a System.StubProvider');
            if (!rt.tx.isTest) return rt.unsupported('Test.createStub outside a test', pos);
            const cls = type.type.cls;
            rt.statics(cls);
            const stub = new ApexObject(cls, new Array<Value>(cls.instanceSlotCount).fill(null));
            stub.stub = provider;
            return stub;
        },
        setcreateddate: (rt, a, pos) => {
            // Only records the test created exist in a test's org; neither argument may be null (documented).
            if (!rt.tx.isTest) return rt.unsupported('Test.setCreatedDate outside a test', pos);
            const [id, when] = a;
            if (id === null || id === undefined || when === null || when === undefined) return rt.npe();
            if (!(when instanceof DatetimeValue))
                return rt.fail('TypeException', 'Test.setCreatedDate needs a Datetime');
            const recordId = id instanceof IdValue ? id.v : textOf(id);
            const set = rt.platform.setCreatedDate?.(recordId, new Date(when.ms).toISOString(), {
                limits: rt.tx.limits,
                pos,
            });
            if (set === undefined) return rt.unsupported('Test.setCreatedDate without a data layer', pos);
            if (!set) return rt.unsupported(`Test.setCreatedDate on ${recordId}, which is no record of this test`, pos);
            return null;
        },
        getstandardpricebookid: (rt, _a, pos) => rt.unsupported('Test.getStandardPricebookId', pos),
    });
    const limit = (used: (rt: ApexHost) => number) => (rt: ApexHost) => used(rt);
    reg.staticMethods('Limits', {
        getqueries: limit((rt) => rt.tx.limits.used.queries),
        getlimitqueries: limit((rt) => rt.tx.limits.max.queries),
        getqueryrows: limit((rt) => rt.tx.limits.used.queryRows),
        getlimitqueryrows: limit((rt) => rt.tx.limits.max.queryRows),
        getdmlstatements: limit((rt) => rt.tx.limits.used.dmlStatements),
        getlimitdmlstatements: limit((rt) => rt.tx.limits.max.dmlStatements),
        getdmlrows: limit((rt) => rt.tx.limits.used.dmlRows),
        getlimitdmlrows: limit((rt) => rt.tx.limits.max.dmlRows),
        getcallouts: limit((rt) => rt.tx.limits.used.callouts),
        getlimitcallouts: limit((rt) => rt.tx.limits.max.callouts),
        getqueueablejobs: limit((rt) => rt.tx.limits.used.queueableJobs),
        getlimitqueueablejobs: limit((rt) => rt.tx.limits.max.queueableJobs),
        getcputime: limit((rt) => rt.tx.limits.cpuTime()),
        getlimitcputime: limit((rt) => rt.tx.limits.max.cpuTime),
        getheapsize: limit((rt) => measureHeap(rt.top, rt.tx)),
        getlimitheapsize: limit((rt) => rt.tx.limits.max.heapSize),
        getfuturecalls: limit((rt) => rt.tx.limits.used.futureCalls),
        getlimitfuturecalls: limit((rt) => rt.tx.limits.max.futureCalls),
    });
    reg.staticMethods('UserInfo', {
        getuserid: (rt) => new IdValue(rt.platform.runningUserId?.() ?? rt.options.userId ?? '005000000000001AAA'),
        getusername: (rt) => rt.options.userName ?? 'offline.user@example.com',
        getname: () => 'Offline User',
        getfirstname: () => 'Offline',
        getlastname: () => 'User',
        getuseremail: () => 'offline.user@example.com',
        getorganizationid: (rt) =>
            new IdValue(rt.platform.organizationId?.() ?? rt.options.orgId ?? '00D000000000001AAA'),
        getorganizationname: () => 'Offline Org',
        gettimezone: (rt) => rt.callStatic('timezone', 'gettimezone', [rt.orgTimeZone]),
        gettimezoneid: (rt) => rt.orgTimeZone,
        getlocale: () => 'en_US',
        getlanguage: () => 'en_US',
        getdefaultcurrency: () => 'USD',
        getusertype: () => 'Standard',
        getprofileid: (rt) => new IdValue(rt.platform.runningProfileId?.() ?? '00e000000000001AAA'),
        isMultiCurrencyOrganization: () => false,
    });
    reg.instanceMethods('exception', {
        getmessage: (_rt, s) =>
            (s as ApexObject).exc!.scriptThrown ? 'Script-thrown exception' : (s as ApexObject).exc!.message,
        setmessage: (_rt, s, a) => {
            (s as ApexObject).exc!.message = a[0]!;
            (s as ApexObject).exc!.scriptThrown = false;
            return null;
        },
        getcause: (_rt, s) => (s as ApexObject).exc!.cause,
        initcause: (_rt, s, a) => {
            (s as ApexObject).exc!.cause = a[0]!;
            return null;
        },
        gettypename: (_rt, s) => exceptionTypeName((s as ApexObject).cls),
        getlinenumber: (_rt, s) => (s as ApexObject).exc!.line,
        getstacktracestring: (_rt, s) => (s as ApexObject).exc!.stack,
        tostring: (rt, s) => rt.stringOf(s),
        getnumdml: (_rt, s) => (s as ApexObject).exc!.dml?.length ?? 0,
        getdmlmessage: (rt, s, a) => dmlRow(rt, s, a).message,
        getdmlstatuscode: (rt, s, a) => dmlRow(rt, s, a).statusCode,
        getdmltype: (rt, s, a) => {
            const e = BUILTIN_ENUMS.get('system.statuscode')!;
            const code = dmlRow(rt, s, a).statusCode;
            return new EnumValue(e.qualified, code, e.values.indexOf(code));
        },
        getdmlindex: (rt, s, a) => dmlRow(rt, s, a).index,
        getdmlid: (rt, s, a) => {
            const id = dmlRow(rt, s, a).id;
            return id ? new IdValue(id) : null;
        },
        getdmlfieldnames: (rt, s, a) => new ApexList(prim('string'), dmlRow(rt, s, a).fields.slice()),
    });
    reg.instanceMethods('object', {
        equals: (_rt, s, a) => apexEquals(s, a[0]),
        hashcode: (_rt, s) => (s as ApexObject).identity,
        tostring: (rt, s) => rt.stringOf(s),
    });
}

function dmlRow(rt: ApexHost, s: Value, a: Value[]): DmlFailure {
    const rows = (s as ApexObject).exc!.dml;
    const i = a[0] as number;
    if (!rows)
        return rt.unsupported('DML row details of an exception that is not a DmlException', {
            file: rt.top?.file ?? '<builtin>',
            line: rt.top?.line ?? 0,
        });
    const row = rows[i];
    if (!row) return rt.fail('ListException', `List index out of bounds: ${i}`);
    return row;
}

function isInstanceOf(v: Value, t: TypeValue): boolean {
    return v !== null && (valueTypeName(v).toLowerCase() === typeName(t.type).toLowerCase() || isInst(v, t));
}

import { isInstance } from '../apex/runtime/types.js';
function isInst(v: Value, t: TypeValue): boolean {
    return isInstance(v, t.type);
}
