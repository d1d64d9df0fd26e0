/**
 * The interpreter reaches SOQL / DML / async through the Platform seam: a fake platform records what it receives.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Runtime } from '../src/apex/interpreter/runtime.js';
import type { DmlRequest, Platform } from '../src/apex/platform.js';
import { IdValue, SObjectValue } from '../src/apex/runtime/values.js';
import type { Value } from '../src/apex/runtime/values.js';
import { testSchema } from './support/test-schema.js';

interface Recorded {
  queries: { soql: string; binds: Value[] }[];
  dml: DmlRequest[];
  enqueued: string[];
}

function fakePlatform(rec: Recorded): Platform {
  let n = 0;
  return {
    query: (soql, binds, ctx) => {
      rec.queries.push({ soql, binds });
      ctx.limits.used.queries++;
      const a = new SObjectValue('Account');
      a.fields.set('id', { name: 'Id', value: new IdValue('001000000000009AAA') });
      a.fields.set('name', { name: 'Name', value: 'Stored' });
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
          : { success: false, id: null, created: false, errors: [{ statusCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [Name]', fields: ['Name'] }] };
      });
    },
    enqueue: (kind) => {
      rec.enqueued.push(kind);
      return '707000000000001AAA';
    },
    callout: () => null,
    savepoint: () => 'sp',
    rollback: () => undefined,
  };
}

function run(source: string): { rt: Runtime; rec: Recorded; out: string[] } {
  const rec: Recorded = { queries: [], dml: [], enqueued: [] };
  const rt = new Runtime({ schema: testSchema, platform: fakePlatform(rec) });
  rt.addClass('Job.cls', 'public class Job implements Queueable { public void execute(QueueableContext c) {} }');
  rt.linkAll();
  rt.beginTransaction();
  rt.runAnonymous('anon.apex', source);
  return { rt, rec, out: rt.tx.debug.map((d) => d.message) };
}

test('inline SOQL hands over the text with :bindN placeholders and the evaluated binds', () => {
  const { rec, out } = run("String n = 'Acme';\nList<Account> l = [SELECT Id, Name FROM Account WHERE Name = :n.toUpperCase() LIMIT :(1 + 1)];\nSystem.debug(l[0].Name);\nSystem.debug(Limits.getQueries());");
  assert.equal(rec.queries[0]!.soql, 'SELECT Id, Name FROM Account WHERE Name = :bind0 LIMIT :bind1');
  assert.deepEqual(rec.queries[0]!.binds, ['ACME', 2]);
  assert.deepEqual(out, ['Stored', '1']);
});

test('dynamic SOQL resolves binds by name in the calling frame', () => {
  const { rec } = run("String who = 'x';\nList<SObject> l = Database.query('SELECT Id FROM Account WHERE Name = :who AND Name != \\':notabind\\'');");
  assert.equal(rec.queries[0]!.soql, "SELECT Id FROM Account WHERE Name = :bind0 AND Name != ':notabind'");
  assert.deepEqual(rec.queries[0]!.binds, ['x']);
});

test('insert sets the new Id on the record; a failed row raises DmlException', () => {
  const ok = run("Account a = new Account(Name = 'ok');\ninsert a;\nSystem.debug(a.Id != null);");
  assert.deepEqual(ok.out, ['true']);
  assert.equal(ok.rec.dml[0]!.op, 'insert');
  assert.equal(ok.rec.dml[0]!.allOrNone, true);
  assert.throws(() => run("insert new Account(Name = 'bad');"), (e: unknown) => {
    const exc = (e as { exc?: { exc?: { message: Value } } }).exc?.exc;
    return String(exc?.message).startsWith('Insert failed. First exception on row 0; first error: REQUIRED_FIELD_MISSING');
  });
});

test('Database.insert with allOrNone=false returns SaveResults', () => {
  const { out } = run("List<Database.SaveResult> rs = Database.insert(new List<Account>{new Account(Name = 'ok'), new Account(Name = 'bad')}, false);\nSystem.debug(rs[0].isSuccess());\nSystem.debug(rs[1].isSuccess());\nSystem.debug(rs[1].getErrors()[0].getStatusCode());\nSystem.debug(Limits.getDmlStatements());");
  assert.deepEqual(out, ['true', 'false', 'REQUIRED_FIELD_MISSING', '1']);
});

test('System.enqueueJob goes through the seam; user classes implementing platform interfaces pass instanceof', () => {
  const { rec, out } = run('Object j = new Job();\nSystem.debug(j instanceof Queueable);\nId jobId = System.enqueueJob(new Job());\nSystem.debug(jobId);');
  assert.deepEqual(rec.enqueued, ['queueable']);
  assert.deepEqual(out, ['true', '707000000000001AAA']);
});

test('Test.startTest gives fresh limits; Test.stopTest restores them and lets the platform run queued async work', () => {
  let stopped = 0;
  const rec: Recorded = { queries: [], dml: [], enqueued: [] };
  const platform = { ...fakePlatform(rec), stopTest: () => { stopped++; } };
  const rt = new Runtime({ schema: testSchema, platform });
  rt.linkAll();
  rt.beginTransaction({ isTest: true });
  rt.runAnonymous('a.apex', `List<Account> a = [SELECT Id FROM Account];
System.debug(Limits.getQueries());
Test.startTest();
System.debug(Limits.getQueries());
a = [SELECT Id FROM Account];
System.debug(Limits.getQueries());
Test.stopTest();
System.debug(Limits.getQueries());`);
  assert.deepEqual(rt.tx.debug.map((d) => d.message), ['1', '0', '1', '1']);
  assert.equal(stopped, 1);
});

test('outside tests Http.send goes through Platform.callout; a callout after DML raises CalloutException', () => {
  const rec: Recorded = { queries: [], dml: [], enqueued: [] };
  const seen: string[] = [];
  const platform: Platform = {
    ...fakePlatform(rec),
    callout: (request) => {
      const state = (request as unknown as { state: { endpoint: string } }).state;
      seen.push(state.endpoint);
      const res = new Runtime().registry.constructors.get('httpresponse')!(new Runtime(), [], { file: 'x', line: 0 });
      return res;
    },
  };
  const rt = new Runtime({ schema: testSchema, platform });
  rt.linkAll();
  rt.beginTransaction();
  rt.runAnonymous('a.apex', "HttpRequest r = new HttpRequest();\nr.setEndpoint('callout:Target/x');\nr.setMethod('GET');\nSystem.debug(new Http().send(r).getStatusCode());\nSystem.debug(Limits.getCallouts());");
  assert.deepEqual(seen, ['callout:Target/x']);
  assert.deepEqual(rt.tx.debug.map((d) => d.message), ['0', '1']);
  rt.beginTransaction();
  rt.runAnonymous('b.apex', "insert new Account(Name = 'ok');\nHttpRequest r = new HttpRequest();\nr.setEndpoint('callout:Target/x');\ntry { new Http().send(r); } catch (CalloutException e) { System.debug(e.getMessage()); }");
  assert.deepEqual(rt.tx.debug.map((d) => d.message), ['You have uncommitted work pending. Please commit or rollback before calling out']);
});
