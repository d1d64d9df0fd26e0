/**
 * Callouts through the org: Http.send reaches the http layer's CalloutService (uncommitted work, the test's mock,
 * the callout limit, the running job's restriction); Test.setMock registers the Apex mock as its responder.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openOrg, orgTestHooks } from '../../src/org/open-org.js';
import { runTests } from '../../src/testing/test-runner.js';

const CLASSES: Record<string, string> = {
    'Client.cls': `public class Client {
  public static Integer call() {
    HttpRequest r = new HttpRequest();
    r.setEndpoint('callout:Target/ping');
    r.setMethod('GET');
    return new Http().send(r).getStatusCode();
  }
}`,
    'Echo.cls': `@isTest public class Echo implements HttpCalloutMock {
  public HttpResponse respond(HttpRequest req) {
    HttpResponse res = new HttpResponse();
    res.setStatusCode(req.getEndpoint() == 'callout:Target/ping' ? 200 : 404);
    return res;
  }
}`,
    'Caller.cls': `public class Caller implements Queueable {
  public void execute(QueueableContext c) { Client.call(); }
}`,
    'HttpTest.cls': `@isTest private class HttpTest {
  @isTest static void mockAnswers() {
    Test.setMock(HttpCalloutMock.class, new Echo());
    Assert.areEqual(200, Client.call());
    Assert.areEqual(1, Limits.getCallouts());
  }
  @isTest static void noMock() {
    try { Client.call(); Assert.fail('no error'); } catch (CalloutException e) { Assert.areEqual('Methods defined as TestMethod do not support Web service callouts', e.getMessage()); }
  }
  @isTest static void afterDml() {
    Test.setMock(HttpCalloutMock.class, new Echo());
    insert new Account(Name = 'x');
    try { Client.call(); Assert.fail('no error'); } catch (CalloutException e) { Assert.areEqual('You have uncommitted work pending. Please commit or rollback before calling out', e.getMessage()); }
  }
  @isTest static void startTestAllowsCalloutAfterSetupDml() {
    insert new Account(Name = 'x');
    Test.setMock(HttpCalloutMock.class, new Echo());
    Test.startTest();
    Assert.areEqual(200, Client.call());
    Test.stopTest();
  }
  @isTest static void queueableWithoutAllowsCallouts() {
    Test.setMock(HttpCalloutMock.class, new Echo());
    Test.startTest();
    System.enqueueJob(new Caller());
    Test.stopTest();
  }
}`,
};

test('Apex tests: mocks answer callouts; uncommitted work, a missing mock and restricted jobs are refused', () => {
    const root = mkdtempSync(join(tmpdir(), 'org-http-'));
    mkdirSync(join(root, 'classes'));
    for (const [file, text] of Object.entries(CLASSES)) writeFileSync(join(root, 'classes', file), text);
    const org = openOrg([root]);
    const results = new Map(
        runTests(org.rt, { tests: [], classNames: ['HttpTest'] }, orgTestHooks(org)).map((r) => [r.methodName, r]),
    );
    for (const name of ['mockAnswers', 'noMock', 'afterDml', 'startTestAllowsCalloutAfterSetupDml']) {
        assert.equal(results.get(name)?.outcome, 'Pass', `${name}: ${results.get(name)?.message ?? ''}`);
    }
    assert.match(
        results.get('queueableWithoutAllowsCallouts')?.message ?? '',
        /not supported by the offline runtime: callout from a queueable job without Database.AllowsCallouts/,
    );
});
