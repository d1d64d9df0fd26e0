/**
 * The interpreter reaches SOQL / DML / async through the Platform seam: a fake platform records what it receives.
 */
import { textOf } from '../src/apex/runtime/format.js';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Runtime } from '../src/apex/interpreter/runtime.js';
import type { AsyncRequest, DmlRequest, Platform } from '../src/apex/platform.js';
import { IdValue, NativeObject, SObjectValue } from '../src/apex/runtime/values.js';
import type { Value } from '../src/apex/runtime/values.js';
import { testSchema } from './support/test-schema.js';
import { newResponse } from '../src/stdlib/http.js';

interface Recorded {
    queries: { soql: string; binds: Value[] }[];
    dml: DmlRequest[];
    enqueued: string[];
    requests: AsyncRequest[];
}

function fakePlatform(rec: Recorded): Platform {
    let n = 0;
    return {
        query: (soql, binds, ctx) => {
            rec.queries.push({ soql, binds });
            ctx.limits.used.queries++;
            if (soql.includes('Setting__mdt')) {
                return ['Mode', 'Size'].map((dev, i) => {
                    const r = new SObjectValue('Setting__mdt');
                    r.fields.set('id', { name: 'Id', value: new IdValue(`m0000000000000${i}AAA`) });
                    r.fields.set('developername', { name: 'DeveloperName', value: dev });
                    r.fields.set('value__c', { name: 'Value__c', value: dev === 'Mode' ? 'fast' : '200' });
                    return r;
                });
            }
            const a = new SObjectValue('Account');
            a.fields.set('id', { name: 'Id', value: new IdValue('001000000000009AAA') });
            a.fields.set('name', { name: 'Name', value: 'Stored' });
            a.queriedFields = new Set(['id', 'name']);
            return [a];
        },
        search: () => null,
        dml: (req, ctx) => {
            rec.dml.push(req);
            ctx.limits.used.dmlStatements++;
            return req.records.map((r) => {
                const ok = r.fields.get('name')?.value !== 'bad';
                return ok
                    ? { success: true, id: `00100000000${String(++n).padStart(4, '0')}`, created: true, errors: [] }
                    : {
                          success: false,
                          id: null,
                          created: false,
                          errors: [
                              {
                                  statusCode: 'REQUIRED_FIELD_MISSING',
                                  message: 'Required fields are missing: [Name]',
                                  fields: ['Name'],
                              },
                          ],
                      };
            });
        },
        enqueue: (req) => {
            rec.enqueued.push(req.kind);
            rec.requests.push(req);
            return '707000000000001AAA';
        },
        publish: (events) => events.map(() => ({ success: true, id: 'e00000000000001AAA', created: true, errors: [] })),
        callout: () => null,
        savepoint: () => 'sp',
        rollback: () => undefined,
    };
}

function run(source: string): { rt: Runtime; rec: Recorded; out: string[] } {
    const rec: Recorded = { queries: [], dml: [], enqueued: [], requests: [] };
    const rt = new Runtime({ schema: testSchema, platform: fakePlatform(rec) });
    rt.addClass(
        'Job.cls',
        "public class Job implements Queueable { public void execute(QueueableContext c) { System.debug(System.isQueueable() + ' ' + c.getJobId()); } }",
    );
    rt.addClass(
        'Later.cls',
        "@SuppressWarnings('PMD') public class Later { public static Integer runs = 0; @future public static void work(String s) { runs++; System.debug('ran ' + s); } }",
    );
    rt.addClass(
        'Sweep.cls',
        'public class Sweep implements Database.Batchable<SObject> { public Iterable<SObject> start(Database.BatchableContext c) { return null; } public void execute(Database.BatchableContext c, List<SObject> s) {} public void finish(Database.BatchableContext c) {} }',
    );
    rt.linkAll();
    rt.beginTransaction();
    rt.runAnonymous('anon.apex', source);
    return { rt, rec, out: rt.tx.debug.map((d) => d.message) };
}

test('inline SOQL hands over the text with :bindN placeholders and the evaluated binds', () => {
    const { rec, out } = run(
        "String n = 'Acme';\nList<Account> l = [SELECT Id, Name FROM Account WHERE Name = :n.toUpperCase() LIMIT :(1 + 1)];\nSystem.debug(l[0].Name);\nSystem.debug(Limits.getQueries());",
    );
    assert.equal(rec.queries[0].soql, 'SELECT Id, Name FROM Account WHERE Name = :bind0 LIMIT :bind1');
    assert.deepEqual(rec.queries[0].binds, ['ACME', 2]);
    assert.deepEqual(out, ['Stored', '1']);
});

test('dynamic SOQL resolves binds by name in the calling frame', () => {
    const { rec } = run(
        "String who = 'x';\nList<SObject> l = Database.query('SELECT Id FROM Account WHERE Name = :who AND Name != \\':notabind\\'');",
    );
    assert.equal(rec.queries[0].soql, "SELECT Id FROM Account WHERE Name = :bind0 AND Name != ':notabind'");
    assert.deepEqual(rec.queries[0].binds, ['x']);
});

test('insert sets the new Id on the record; a failed row raises DmlException', () => {
    const ok = run("Account a = new Account(Name = 'ok');\ninsert a;\nSystem.debug(a.Id != null);");
    assert.deepEqual(ok.out, ['true']);
    assert.equal(ok.rec.dml[0].op, 'insert');
    assert.equal(ok.rec.dml[0].allOrNone, true);
    assert.throws(
        () => run("insert new Account(Name = 'bad');"),
        (e: unknown) => {
            const exc = (e as { exc?: { exc?: { message: Value } } }).exc?.exc;
            return textOf(exc?.message).startsWith(
                'Insert failed. First exception on row 0; first error: REQUIRED_FIELD_MISSING',
            );
        },
    );
});

test('Database.insert with allOrNone=false returns SaveResults', () => {
    const { out } = run(
        "List<Database.SaveResult> rs = Database.insert(new List<Account>{new Account(Name = 'ok'), new Account(Name = 'bad')}, false);\nSystem.debug(rs[0].isSuccess());\nSystem.debug(rs[1].isSuccess());\nSystem.debug(rs[1].getErrors()[0].getStatusCode());\nSystem.debug(Limits.getDmlStatements());",
    );
    assert.deepEqual(out, ['true', 'false', 'REQUIRED_FIELD_MISSING', '1']);
});

test('System.enqueueJob goes through the seam; user classes implementing platform interfaces pass instanceof', () => {
    const { rec, out } = run(
        'Object j = new Job();\nSystem.debug(j instanceof Queueable);\nId jobId = System.enqueueJob(new Job());\nSystem.debug(jobId);',
    );
    assert.deepEqual(rec.enqueued, ['queueable']);
    assert.deepEqual(out, ['true', '707000000000001AAA']);
});

test('Test.startTest gives fresh limits; Test.stopTest restores them and lets the platform run queued async work', () => {
    let stopped = 0;
    const rec: Recorded = { queries: [], dml: [], enqueued: [], requests: [] };
    const platform = {
        ...fakePlatform(rec),
        stopTest: () => {
            stopped++;
        },
    };
    const rt = new Runtime({ schema: testSchema, platform });
    rt.linkAll();
    rt.beginTransaction({ isTest: true });
    rt.runAnonymous(
        'a.apex',
        `List<Account> a = [SELECT Id FROM Account];
System.debug(Limits.getQueries());
Test.startTest();
System.debug(Limits.getQueries());
a = [SELECT Id FROM Account];
System.debug(Limits.getQueries());
Test.stopTest();
System.debug(Limits.getQueries());`,
    );
    assert.deepEqual(
        rt.tx.debug.map((d) => d.message),
        ['1', '0', '1', '1'],
    );
    assert.equal(stopped, 1);
});

test("Http.send hands the request to Platform.callout (the callout rules are the http layer's: test/org/org-http.test.ts)", () => {
    const rec: Recorded = { queries: [], dml: [], enqueued: [], requests: [] };
    const seen: string[] = [];
    const platform: Platform = {
        ...fakePlatform(rec),
        callout: (request) => {
            const state = (request as unknown as { state: { endpoint: string } }).state;
            seen.push(state.endpoint);
            return newResponse();
        },
    };
    const rt = new Runtime({ schema: testSchema, platform });
    rt.linkAll();
    rt.beginTransaction();
    rt.runAnonymous(
        'a.apex',
        "HttpRequest r = new HttpRequest();\nr.setEndpoint('callout:Target/x');\nr.setMethod('GET');\nSystem.debug(new Http().send(r).getStatusCode());",
    );
    assert.deepEqual(seen, ['callout:Target/x']);
    assert.deepEqual(
        rt.tx.debug.map((d) => d.message),
        ['0'],
    );
});

test('@future calls are queued, not run; the async layer runs them later through the runtime', () => {
    // The future-call limit is counted by the platform's async layer (test/org/org-async.test.ts), not by the seam.
    const { rt, rec, out } = run("Later.work('x');\nSystem.debug(Later.runs);");
    assert.deepEqual(out, ['0']);
    const req = rec.requests[0];
    assert.equal(req.kind, 'future');
    rt.beginTransaction({ asyncKind: 'future' });
    rt.invoke(req.future!.method, null, req.future!.args, null);
    assert.deepEqual(
        rt.tx.debug.map((d) => d.message),
        ['ran x'],
    );
});

test('Database.executeBatch passes the scope; a Queueable runs with its context in an async transaction', () => {
    const { rt, rec } = run('Database.executeBatch(new Sweep(), 50);\nSystem.enqueueJob(new Job());');
    assert.equal(rec.requests[0].kind, 'batch');
    assert.equal(rec.requests[0].scope, 50);
    const job = rec.requests[1].job;
    rt.beginTransaction({ asyncKind: 'queueable' });
    rt.callMethod(job, 'execute', [new NativeObject('System.QueueableContext', { jobId: '707000000000001AAA' })], {
        file: 'async',
        line: 0,
    });
    assert.deepEqual(
        rt.tx.debug.map((d) => d.message),
        ['true 707000000000001AAA'],
    );
});

test('EventBus.publish goes through the seam and returns SaveResults', () => {
    const { out } = run(
        "Database.SaveResult r = EventBus.publish(new Account(Name = 'evt'));\nSystem.debug(r.isSuccess());",
    );
    assert.deepEqual(out, ['true']);
});

test('reading a field the query did not select raises SObjectException', () => {
    const { out } = run(
        'Account a = [SELECT Id, Name FROM Account LIMIT 1];\ntry { System.debug(a.NumberOfEmployees); } catch (SObjectException e) { System.debug(e.getMessage()); }\na.NumberOfEmployees = 3;\nSystem.debug(a.NumberOfEmployees);',
    );
    assert.deepEqual(out, [
        'SObject row was retrieved via SOQL without querying the requested field: Account.NumberOfEmployees',
        '3',
    ]);
});

test('the 101st SOQL query of a transaction raises an uncatchable LimitException', () => {
    assert.throws(
        () =>
            run(
                "try { for (Integer i = 0; i < 101; i++) { List<Account> l = [SELECT Id FROM Account]; } } catch (Exception e) { System.debug('caught'); }",
            ),
        (e: unknown) =>
            textOf((e as { exc?: { exc?: { message: Value } } }).exc?.exc?.message) === 'Too many SOQL queries: 101',
    );
});

test('DmlException carries the failed rows (getNumDml, getDmlMessage, getDmlStatusCode, getDmlFieldNames)', () => {
    const { out } = run(`try {
    insert new List<Account>{ new Account(Name = 'ok'), new Account(Name = 'bad') };
} catch (DmlException e) {
    System.debug(e.getMessage());
    System.debug(e.getNumDml() + ' ' + e.getDmlIndex(0) + ' ' + e.getDmlStatusCode(0) + ' ' + e.getDmlType(0) + ' ' + e.getDmlFieldNames(0));
    System.debug(e.getDmlMessage(0));
}`);
    assert.deepEqual(out, [
        'Insert failed. First exception on row 1; first error: REQUIRED_FIELD_MISSING, Required fields are missing: [Name]: [Name]',
        '1 1 REQUIRED_FIELD_MISSING REQUIRED_FIELD_MISSING (Name)',
        'Required fields are missing: [Name]',
    ]);
});

test('custom metadata getAll / getInstance read through the platform without counting queries', () => {
    const { out } = run(
        "Map<String, Setting__mdt> all = Setting__mdt.getAll();\nSystem.debug(all.keySet());\nSystem.debug(Setting__mdt.getInstance('Size').Value__c);\nSystem.debug(Setting__mdt.getInstance('Nope'));\nSystem.debug(Limits.getQueries());",
    );
    assert.deepEqual(out, ['{Mode, Size}', '200', 'null', '0']);
});

test('aggregate queries give AggregateResult rows read by alias', () => {
    const rec: Recorded = { queries: [], dml: [], enqueued: [], requests: [] };
    const platform: Platform = {
        ...fakePlatform(rec),
        query: () => {
            const r = new SObjectValue('AggregateResult');
            r.fields.set('total', { name: 'total', value: 7 });
            r.fields.set('industry', { name: 'Industry', value: 'Tech' });
            return [r];
        },
    };
    const rt = new Runtime({ schema: testSchema, platform });
    rt.linkAll();
    rt.beginTransaction();
    rt.runAnonymous(
        'a.apex',
        "AggregateResult[] rows = [SELECT Industry, COUNT(Id) total FROM Account GROUP BY Industry];\nSystem.debug(rows[0].get('total'));\nSystem.debug(rows[0].get('INDUSTRY'));\ntry { rows[0].get('nope'); } catch (SObjectException e) { System.debug(e.getMessage()); }",
    );
    assert.deepEqual(
        rt.tx.debug.map((d) => d.message),
        ['7', 'Tech', 'Invalid field nope for AggregateResult'],
    );
});
