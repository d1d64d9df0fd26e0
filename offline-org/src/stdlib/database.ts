/**
 * Database.*: dynamic SOQL (binds resolved by name in the calling frame, or from a map), DML methods with
 * allOrNone and SaveResult/DeleteResult/UpsertResult, savepoints; System.enqueueJob and Database.executeBatch.
 */
import { textOf } from '../apex/runtime/format.js';
import type { SourcePos } from '../apex/errors.js';
import type { ApexHost } from './host.js';
import type { DmlOperation, DmlRowResult } from '../apex/platform.js';
import { prim } from '../apex/runtime/types.js';
import { ApexList, ApexMap, EnumValue, IdValue, NativeObject, SObjectValue } from '../apex/runtime/values.js';
import type { Value } from '../apex/runtime/values.js';
import type { Registry } from './registry.js';
import { BUILTIN_ENUMS } from '../apex/runtime/type-names.js';
import { throwIfFailed } from './dml.js';

/** Replaces `:name.path` binds outside string literals with `:bindN`; returns the names in order. */
export function extractBinds(soql: string): { text: string; names: string[] } {
    let text = '';
    const names: string[] = [];
    for (let i = 0; i < soql.length; i++) {
        const c = soql[i];
        if (c === "'") {
            const start = i;
            for (i++; i < soql.length && soql[i] !== "'"; i++) if (soql[i] === '\\') i++;
            text += soql.slice(start, i + 1);
            continue;
        }
        const m = c === ':' ? /^:\s*([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)/.exec(soql.slice(i)) : null;
        if (m) {
            text += `:bind${names.length}`;
            names.push(m[1]);
            i += m[0].length - 1;
            continue;
        }
        text += c;
    }
    return { text, names };
}

function resolveName(rt: ApexHost, path: string, pos: SourcePos): Value {
    const [head, ...rest] = path.split('.');
    const l = head.toLowerCase();
    const f = rt.top;
    let v: Value;
    const slot = f?.names?.get(l);
    if (f && slot !== undefined) v = f.l[slot] ?? null;
    else if (f?.self && f.self.cls.instanceFields.has(l))
        v = rt.getField(f.self.cls.instanceFields.get(l)!, f.self, pos);
    else if (f?.cls && rt.compiler.findStaticInOuter(f.cls, l)) {
        const st = rt.compiler.findStaticInOuter(f.cls, l)!;
        v = rt.statics(st.owner)[st.slot] ?? null;
    } else return rt.fail('QueryException', `Variable does not exist: ${head}`);
    for (const part of rest) {
        if (v === null) return rt.npe();
        v = rt.compiler.getMember(v, part.toLowerCase(), part, pos);
    }
    return v;
}

function records(rt: ApexHost, v: Value): { list: SObjectValue[]; single: boolean } {
    if (v === null) return rt.npe();
    if (v instanceof SObjectValue) return { list: [v], single: true };
    if (v instanceof ApexList)
        return { list: v.items.filter((x): x is SObjectValue => x instanceof SObjectValue), single: false };
    if (v instanceof IdValue || typeof v === 'string') {
        const id = v instanceof IdValue ? v : rt.toId(v);
        const d = rt.schema.objectByKeyPrefix(id.v.slice(0, 3));
        if (!d) return rt.fail('TypeException', `Invalid id: ${id.v}`);
        const so = new SObjectValue(d.name);
        so.fields.set('id', { name: 'Id', value: id });
        return { list: [so], single: true };
    }
    return rt.fail('TypeException', 'DML requires an SObject or a list of SObjects');
}

function statusCode(code: string): EnumValue {
    const e = BUILTIN_ENUMS.get('system.statuscode')!;
    return new EnumValue(e.qualified, code, e.values.indexOf(code));
}

function resultObject(kind: string, r: DmlRowResult): NativeObject {
    return new NativeObject(kind, r);
}

function dml(rt: ApexHost, op: DmlOperation, a: Value[], pos: SourcePos, kind: string): Value {
    const { list, single } = records(rt, a[0]);
    const upsertField =
        op === 'upsert' && a[1] instanceof NativeObject ? String((a[1].state as { f: { name: string } }).f.name) : null;
    const level = a.find(
        (x): x is EnumValue => x instanceof EnumValue && x.enumType.toLowerCase() === 'system.accesslevel',
    );
    const flags = a.filter((x) => x !== level);
    const flagArg = op === 'upsert' ? flags[2] : flags[1];
    const allOrNone =
        flagArg === undefined || flagArg === null
            ? true
            : flagArg instanceof NativeObject
              ? ((flagArg.state as { allOrNone?: boolean }).allOrNone ?? true)
              : flagArg === true;
    const results = rt.platform.dml(
        {
            op,
            records: list,
            allOrNone,
            externalIdField: upsertField,
            mergeRecords: [],
            accessLevel: level ? (level.name === 'USER_MODE' ? 'user' : 'system') : null,
        },
        { limits: rt.tx.limits, pos },
    );
    rt.enforceLimits();
    results.forEach((r, i) => {
        if (r.success && r.id && (op === 'insert' || op === 'upsert'))
            list[i].fields.set('id', { name: 'Id', value: new IdValue(r.id) });
    });
    const failed = results.findIndex((r) => !r.success);
    if (allOrNone && failed >= 0) throwIfFailed(rt, op, results, list);
    const objs = results.map((r) => resultObject(kind, r));
    return single ? objs[0] : new ApexList({ k: 'native', name: kind }, objs);
}

/** The `AccessLevel` argument of a Database query method (USER_MODE / SYSTEM_MODE), if one was given. */
function accessLevelOf(args: Value[]): 'user' | 'system' | undefined {
    const level = args.find(
        (x): x is EnumValue => x instanceof EnumValue && x.enumType.toLowerCase() === 'system.accesslevel',
    );
    if (!level) return undefined;
    return level.name === 'USER_MODE' ? 'user' : 'system';
}

/** Database.query / countQuery: binds resolved from the caller's scope. */
function queryInScope(rt: ApexHost, a: Value[], pos: SourcePos): Value {
    const { text, names } = extractBinds(textOf(a[0]));
    return rt.query(
        text,
        names.map((n) => resolveName(rt, n, pos)),
        pos,
        accessLevelOf(a),
    );
}

/** Database.queryWithBinds / countQueryWithBinds: binds from the map (keys ignore case). */
function queryWithBindMap(rt: ApexHost, a: Value[], pos: SourcePos): Value {
    const { text, names } = extractBinds(textOf(a[0]));
    const m = a[1];
    if (!(m instanceof ApexMap)) return rt.npe();
    const byName = new Map([...m.entries.values()].map(([k, v]) => [textOf(k).toLowerCase(), v]));
    return rt.query(
        text,
        names.map((n) => {
            const key = n.toLowerCase();
            if (!byName.has(key)) return rt.fail('QueryException', `Key '${n}' does not exist in the bindMap`);
            return byName.get(key)!;
        }),
        pos,
        accessLevelOf(a),
    );
}

export function registerDatabase(reg: Registry): void {
    reg.inlineQueryArgs.add('database.getquerylocator');
    reg.staticMethods('Database', {
        query: (rt, a, pos) => queryInScope(rt, a, pos),
        querywithbinds: (rt, a, pos) => queryWithBindMap(rt, a, pos),
        countquery: (rt, a, pos) => queryInScope(rt, a, pos),
        countquerywithbinds: (rt, a, pos) => queryWithBindMap(rt, a, pos),
        insert: (rt, a, pos) => dml(rt, 'insert', a, pos, 'Database.SaveResult'),
        update: (rt, a, pos) => dml(rt, 'update', a, pos, 'Database.SaveResult'),
        upsert: (rt, a, pos) => dml(rt, 'upsert', a, pos, 'Database.UpsertResult'),
        delete: (rt, a, pos) => dml(rt, 'delete', a, pos, 'Database.DeleteResult'),
        undelete: (rt, a, pos) => dml(rt, 'undelete', a, pos, 'Database.UndeleteResult'),
        setsavepoint: (rt, _a, pos) =>
            new NativeObject('System.Savepoint', rt.platform.savepoint({ limits: rt.tx.limits, pos })),
        rollback: (rt, a, pos) => {
            rt.platform.rollback((a[0] as NativeObject).state, { limits: rt.tx.limits, pos });
            return null;
        },
        executebatch: (rt, a, pos) => {
            const scope = a.length > 1 && a[1] !== null ? (a[1] as number) : 200;
            if (scope < 1 || scope > 2000)
                return rt.fail('AsyncException', `Batchable instance's scope must be between 1 and 2000, was ${scope}`);
            return new IdValue(
                rt.platform.enqueue({ kind: 'batch', job: a[0]!, scope }, { limits: rt.tx.limits, pos }),
            );
        },
        getquerylocator: (rt, a, pos) => {
            const q = a[0];
            // `getQueryLocator([SELECT ...])`: the inline query arrives unexecuted (registered below).
            if (q instanceof NativeObject && q.typeName === 'InlineQuery')
                return new NativeObject('Database.QueryLocator', q.state);
            const { text, names } = extractBinds(textOf(q));
            return new NativeObject('Database.QueryLocator', {
                text,
                binds: names.map((n) => resolveName(rt, n, pos)),
            });
        },
    });
    reg.constructorOf('Database.DMLOptions', () => new NativeObject('Database.DMLOptions', { allOrNone: true }));
    reg.instanceMethods('database.dmloptions', {
        '.optallornone': (_rt, s) => ((s as NativeObject).state as { allOrNone: boolean }).allOrNone,
        '=optallornone': (_rt, s, a) => {
            ((s as NativeObject).state as { allOrNone: boolean }).allOrNone = a[0] === true;
            return null;
        },
    });
    const res = (s: Value): DmlRowResult => (s as NativeObject).state as DmlRowResult;
    const common = {
        issuccess: (_rt: ApexHost, s: Value) => res(s).success,
        getid: (_rt: ApexHost, s: Value) => (res(s).id ? new IdValue(res(s).id!) : null),
        geterrors: (_rt: ApexHost, s: Value) =>
            new ApexList(
                { k: 'native', name: 'Database.Error' },
                res(s).errors.map((e) => new NativeObject('Database.Error', e)),
            ),
    };
    reg.instanceMethods('database.saveresult', common);
    reg.instanceMethods('database.deleteresult', common);
    reg.instanceMethods('database.undeleteresult', common);
    reg.instanceMethods('database.upsertresult', { ...common, iscreated: (_rt, s) => res(s).created });
    const err = (s: Value): { statusCode: string; message: string; fields: string[] } =>
        (s as NativeObject).state as { statusCode: string; message: string; fields: string[] };
    reg.instanceMethods('database.error', {
        getmessage: (_rt, s) => err(s).message,
        getstatuscode: (_rt, s) => statusCode(err(s).statusCode),
        getfields: (_rt, s) => new ApexList(prim('string'), err(s).fields.slice()),
    });
    reg.staticMethods('System', {
        schedule: (rt, a, pos) =>
            new IdValue(
                rt.platform.enqueue(
                    { kind: 'schedule', job: a[2]!, name: textOf(a[0]), cron: textOf(a[1]) },
                    { limits: rt.tx.limits, pos },
                ),
            ),
        attachfinalizer: (rt, a, pos) => {
            if (rt.tx.asyncKind !== 'queueable')
                return rt.fail('AsyncException', 'System.attachFinalizer can only be called from a Queueable');
            rt.platform.enqueue({ kind: 'finalizer', job: a[0]! }, { limits: rt.tx.limits, pos });
            return null;
        },
    });
}
