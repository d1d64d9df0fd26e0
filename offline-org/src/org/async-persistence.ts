/**
 * The org's async queue kept in its database file, so that a restarted org takes its queued work up again: the
 * engine's committed jobs and schedules (AsyncEngine.exportState) with each job's frozen Apex payload written as
 * JSON (below), and the time the org's clock has skipped, in a table `_async_queue` beside the records. The
 * AsyncApexJob / CronTrigger rows are records and persist by themselves.
 *
 * The payload codec writes the Apex object graph a job holds: user-class objects by class and field name, sObjects,
 * collections with their element types, Ids, Decimals, Longs, dates, times, blobs, enums, Type tokens; shared
 * references stay shared. A platform object (NativeObject: an HttpRequest, a Pattern, ...) cannot be written: the
 * save fails loudly naming it (NotSupportedError), and the job would not survive a restart.
 *
 * Saves happen between transactions (after a committed transaction and after each job step), so the saved queue is
 * the one that matches the committed records. A process killed in the middle of a step loses that step's
 * uncommitted work only; the job stays queued and runs again.
 */
import type { Runtime } from '../apex/interpreter/runtime.js';
import type { RtClass, RtMethod } from '../apex/runtime/classes.js';
import { keyOf } from '../apex/runtime/equality.js';
import type { RtType } from '../apex/runtime/types.js';
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
} from '../apex/runtime/values.js';
import type { ExceptionData, Value } from '../apex/runtime/values.js';
import type { EngineState } from '../async/engine.js';
import { NotSupportedError } from '../data/errors.js';
import { Decimal } from '../apex/runtime/decimal.js';
import type { OrgJob } from './async-host.js';
import type { OfflineOrg } from './open-org.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const WHERE = '<async persistence>:1';

/** A text field of a saved value. */
function str(j: Json | undefined): string {
    if (typeof j === 'string') return j;
    if (typeof j === 'number') return String(j);
    throw new Error('async persistence: a saved value is missing a text field');
}

function encodeType(t: RtType): Json {
    switch (t.k) {
        case 'list':
        case 'set':
            return { k: t.k, el: encodeType(t.el) };
        case 'map':
            return { k: 'map', key: encodeType(t.key), val: encodeType(t.val) };
        case 'class':
            return { k: 'class', name: t.cls.name };
        case 'prim':
            return { k: 'prim', p: t.p };
        case 'sobject':
            return { k: 'sobject', name: t.name };
        case 'enum':
        case 'native':
            return { k: t.k, name: t.name };
        case 'void':
            return { k: 'void' };
    }
}

function findClass(rt: Runtime, name: string): RtClass {
    const cls = rt.table.findClass(name.split('.'), null);
    if (!cls) throw new Error(`async persistence: the class ${name} of a saved job no longer exists`);
    return cls;
}

function decodeType(rt: Runtime, j: Json): RtType {
    const o = j as JsonObject;
    switch (o['k']) {
        case 'list':
        case 'set':
            return { k: o['k'], el: decodeType(rt, o['el']) };
        case 'map':
            return { k: 'map', key: decodeType(rt, o['key']), val: decodeType(rt, o['val']) };
        case 'class':
            return { k: 'class', cls: findClass(rt, str(o['name'])) };
        case 'prim':
            return { k: 'prim', p: o['p'] as Extract<RtType, { k: 'prim' }>['p'] };
        case 'sobject':
            return { k: 'sobject', name: (o['name'] as string | null) ?? null };
        case 'enum':
        case 'native':
            return { k: o['k'], name: str(o['name']) };
        default:
            return { k: 'void' };
    }
}

/** Writes an Apex value graph as JSON. */
export class ValueEncoder {
    private readonly refs = new Map<object, number>();

    encode(v: Value): Json {
        if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
        if (typeof v === 'number') return v;
        if (typeof v === 'bigint') return { L: v.toString() };
        if (v instanceof Decimal) return { N: v.toPlainString() };
        if (v instanceof ApexDouble) return { D: v.v };
        if (v instanceof IdValue) return { I: v.v };
        if (v instanceof DateValue) return { Da: [v.y, v.m, v.d] };
        if (v instanceof DatetimeValue) return { Dt: v.ms };
        if (v instanceof TimeValue) return { T: v.ms };
        if (v instanceof BlobValue) return { B: Buffer.from(v.bytes).toString('base64') };
        if (v instanceof EnumValue) return { E: [v.enumType, v.name, v.ordinal] };
        if (v instanceof TypeValue) return { Ty: encodeType(v.type) };
        if (v instanceof NativeObject) throw new NotSupportedError(`saving a job that holds a ${v.typeName}`, WHERE);
        const known = this.refs.get(v);
        if (known !== undefined) return { back: known };
        const ref = this.refs.size;
        this.refs.set(v, ref);
        if (v instanceof ApexList)
            return { ref, List: encodeType(v.elType), items: v.items.map((x) => this.encode(x)) };
        if (v instanceof ApexSet)
            return { ref, Set: encodeType(v.elType), items: [...v.entries.values()].map((x) => this.encode(x)) };
        if (v instanceof ApexMap) {
            return {
                ref,
                Map: [encodeType(v.keyType), encodeType(v.valType)],
                ci: v.caseInsensitiveKeys,
                entries: [...v.entries.values()].map(([k, x]) => [this.encode(k), this.encode(x)]),
            };
        }
        if (v instanceof SObjectValue) {
            return {
                ref,
                SObj: v.objectName,
                fields: [...v.fields.values()].map((f) => [f.name, this.encode(f.value)]),
                queried: v.queriedFields ? [...v.queriedFields] : null,
            };
        }
        // ApexObject
        const fields: JsonObject = {};
        for (const f of v.cls.instanceFields.values()) fields[f.lname] = this.encode(v.fields[f.slot] ?? null);
        const out: JsonObject = { ref, Obj: v.cls.name, fields };
        if (v.exc) out['exc'] = this.exception(v.exc);
        if (v.stub) throw new NotSupportedError('saving a job that holds a Test.createStub stub', WHERE);
        return out;
    }

    private exception(e: ExceptionData): Json {
        return {
            message: this.encode(e.message),
            cause: this.encode(e.cause),
            line: e.line,
            stack: e.stack,
            dml: (e.dml ?? null) as unknown as Json,
            scriptThrown: e.scriptThrown ?? false,
        };
    }
}

/** Reads a value graph written by ValueEncoder. */
export class ValueDecoder {
    private readonly refs = new Map<number, Value>();

    constructor(private readonly rt: Runtime) {}

    decode(j: Json): Value {
        if (j === null || typeof j === 'string' || typeof j === 'boolean' || typeof j === 'number') return j;
        if (Array.isArray(j)) throw new Error('async persistence: a bare array in a saved value');
        const o = j;
        if ('back' in o) {
            const v = this.refs.get(Number(o['back']));
            if (v === undefined) throw new Error('async persistence: a reference to an unknown value');
            return v;
        }
        if ('L' in o) return BigInt(str(o['L']));
        if ('N' in o) return Decimal.parse(str(o['N'])) ?? null;
        if ('D' in o) return new ApexDouble(Number(o['D']));
        if ('I' in o) return new IdValue(str(o['I']));
        if ('Da' in o) {
            const [y, m, d] = o['Da'] as number[];
            return new DateValue(y, m, d);
        }
        if ('Dt' in o) return new DatetimeValue(Number(o['Dt']));
        if ('T' in o) return new TimeValue(Number(o['T']));
        if ('B' in o) return new BlobValue(new Uint8Array(Buffer.from(str(o['B']), 'base64')));
        if ('E' in o) {
            const [type, name, ordinal] = o['E'] as [string, string, number];
            return new EnumValue(type, name, ordinal);
        }
        if ('Ty' in o) return new TypeValue(decodeType(this.rt, o['Ty']));
        const ref = Number(o['ref']);
        if ('List' in o) {
            const list = new ApexList(decodeType(this.rt, o['List']), []);
            this.refs.set(ref, list);
            list.items = (o['items'] as Json[]).map((x) => this.decode(x));
            return list;
        }
        if ('Set' in o) {
            const set = new ApexSet(decodeType(this.rt, o['Set']));
            this.refs.set(ref, set);
            for (const x of o['items'] as Json[]) {
                const v = this.decode(x);
                set.entries.set(keyOf(v), v);
            }
            return set;
        }
        if ('Map' in o) {
            const [kt, vt] = o['Map'] as [Json, Json];
            const map = new ApexMap(decodeType(this.rt, kt), decodeType(this.rt, vt));
            map.caseInsensitiveKeys = o['ci'] === true;
            this.refs.set(ref, map);
            for (const [kj, vj] of o['entries'] as [Json, Json][]) {
                const k = this.decode(kj);
                const key = map.caseInsensitiveKeys && typeof k === 'string' ? k.toLowerCase() : keyOf(k);
                map.entries.set(key, [k, this.decode(vj)]);
            }
            return map;
        }
        if ('SObj' in o) {
            const s = new SObjectValue(str(o['SObj']));
            this.refs.set(ref, s);
            for (const [name, vj] of o['fields'] as [string, Json][]) {
                s.fields.set(name.toLowerCase(), { name, value: this.decode(vj) });
            }
            const queried = o['queried'] as string[] | null;
            s.queriedFields = queried ? new Set(queried) : null;
            return s;
        }
        if ('Obj' in o) {
            const cls = findClass(this.rt, str(o['Obj']));
            const obj = new ApexObject(cls, new Array<Value>(cls.instanceSlotCount).fill(null));
            this.refs.set(ref, obj);
            const fields = o['fields'] as JsonObject;
            for (const [lname, vj] of Object.entries(fields)) {
                const f = cls.instanceFields.get(lname);
                if (!f)
                    throw new Error(`async persistence: ${cls.name} no longer has the field ${lname} of a saved job`);
                obj.fields[f.slot] = this.decode(vj);
            }
            const exc = o['exc'] as JsonObject | undefined;
            if (exc) {
                obj.exc = {
                    message: this.decode(exc['message']),
                    cause: this.decode(exc['cause']),
                    line: Number(exc['line']),
                    stack: str(exc['stack']),
                    dml: (exc['dml'] as unknown as ExceptionData['dml']) ?? undefined,
                    scriptThrown: exc['scriptThrown'] === true,
                };
            }
            return obj;
        }
        throw new Error('async persistence: an unknown kind of saved value');
    }
}

function findMethod(rt: Runtime, className: string, methodName: string, arity: number): RtMethod {
    const method = findClass(rt, className)
        .findMethods(methodName.toLowerCase())
        .find((m) => m.isStatic && m.params.length === arity);
    if (!method)
        throw new Error(`async persistence: ${className}.${methodName} of a saved future call no longer exists`);
    return method;
}

/** A job's frozen payload as JSON. */
export function encodeJob(job: OrgJob): Json {
    const enc = new ValueEncoder();
    switch (job.kind) {
        case 'object':
            return { kind: 'object', value: enc.encode(job.value) };
        case 'future':
            return {
                kind: 'future',
                className: job.method.owner.name,
                methodName: job.method.name,
                args: job.args.map((a) => enc.encode(a)),
            };
        case 'events':
            return { kind: 'events', objectName: job.objectName, events: job.events.map((e) => enc.encode(e)) };
    }
}

export function decodeJob(rt: Runtime, j: Json): OrgJob {
    const o = j as JsonObject;
    const dec = new ValueDecoder(rt);
    switch (o['kind']) {
        case 'object':
            return { kind: 'object', value: dec.decode(o['value']) };
        case 'future': {
            const args = (o['args'] as Json[]).map((a) => dec.decode(a));
            return {
                kind: 'future',
                method: findMethod(rt, str(o['className']), str(o['methodName']), args.length),
                args,
            };
        }
        case 'events':
            return {
                kind: 'events',
                objectName: str(o['objectName']),
                events: (o['events'] as Json[]).map((e) => dec.decode(e) as SObjectValue),
            };
        default:
            throw new Error('async persistence: an unknown kind of saved job');
    }
}

interface SavedQueue {
    version: 1;
    engine: EngineState;
    clockSkippedMs: number;
}

/** The org's queue in its database: `save()` after each change, `restore()` once after opening the org. */
export class AsyncQueueStore {
    private lastSaved = '';

    constructor(private readonly org: OfflineOrg) {
        org.store.db.exec('CREATE TABLE IF NOT EXISTS "_async_queue" (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    }

    /** Writes the committed queue (skipped inside a transaction, and when nothing changed). */
    save(): void {
        const engine = this.org.platform.async.engine;
        if (this.org.store.inTransaction || engine.inTransaction) return;
        const saved: SavedQueue = {
            version: 1,
            engine: engine.exportState((frozen) => encodeJob(frozen as OrgJob)),
            clockSkippedMs: this.org.clock.skipped(),
        };
        const text = JSON.stringify(saved);
        if (text === this.lastSaved) return;
        this.org.store.db
            .prepare('INSERT OR REPLACE INTO "_async_queue" (key, value) VALUES (?, ?)')
            .run('queue', text);
        this.lastSaved = text;
    }

    /** Takes the saved queue up into the org's engine and clock; returns the number of jobs and schedules. */
    restore(): number {
        const row = this.org.store.db.prepare('SELECT value FROM "_async_queue" WHERE key = ?').get('queue') as
            { value: string } | undefined;
        if (!row) return 0;
        const saved = JSON.parse(row.value) as SavedQueue;
        if (saved.version !== 1)
            throw new Error(`async persistence: unknown saved queue version ${String(saved.version)}`);
        this.org.clock.restoreSkipped(saved.clockSkippedMs);
        const taken = this.org.platform.async.engine.importState(saved.engine, (j) =>
            decodeJob(this.org.rt, j as Json),
        );
        this.lastSaved = row.value;
        return taken;
    }
}
