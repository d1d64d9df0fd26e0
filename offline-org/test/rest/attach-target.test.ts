/**
 * A target org attached to an offline org: Apex callouts to the named credential reach the REST face outside tests
 * (and only there), other URLs are still refused loudly, and `apex run --target-org` wires it from the command line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from '../../src/cli/main.js';
import { runAnonymousBlock } from '../../src/org/anonymous.js';
import { openOrg } from '../../src/org/open-org.js';
import { attachTargetOrg } from '../../src/rest/attach-target.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '..', '..', '..', 'test', 'fixtures');
const corpusOrg = join(fixtures, 'corpus-org');
const script = join(fixtures, 'rest-face', 'describe-callout.apex');

const callout = (endpoint: string): string => `
HttpRequest request = new HttpRequest();
request.setEndpoint('${endpoint}');
request.setMethod('GET');
HttpResponse response = new Http().send(request);
System.debug(response.getStatusCode() + ' ' + response.getHeader('Sforce-Limit-Info') + ' ' + response.getBody());
`;

test('Apex calls the target through its named credential; the answer is the REST face', () => {
    const org = openOrg([corpusOrg]);
    const target = attachTargetOrg(org, 'Resync_Target', { dailyAllowance: 100, usedBefore: 10 });
    assert.equal(target.baseUrl, 'https://resync-target.target.offline');
    const out = runAnonymousBlock(org, 'a.apex', callout('callout:Resync_Target/services/data/v66.0/limits'));
    assert.equal(out.error, null);
    assert.deepEqual(
        out.debug.map((d) => d.message),
        ['200 api-usage=11/100 {"DailyApiRequests":{"Max":100,"Remaining":89}}'],
    );
    const elsewhere = runAnonymousBlock(org, 'b.apex', callout('callout:Other/x'));
    assert.match(elsewhere.error ?? '', /named credential "Other" might not exist/);
    org.store.close();
});

test('an attached named credential is a NamedCredential row that Apex can query; an unknown name finds none', () => {
    const org = openOrg([corpusOrg]);
    attachTargetOrg(org, 'Resync_Target');
    attachTargetOrg(org, 'Resync_Target');
    const out = runAnonymousBlock(
        org,
        'a.apex',
        `String name = 'Resync_Target';
        List<NamedCredential> found = [SELECT DeveloperName, Endpoint FROM NamedCredential WHERE DeveloperName = :name];
        System.debug(found.size() + ' ' + found[0].DeveloperName + ' ' + found[0].Endpoint);
        System.debug([SELECT COUNT() FROM NamedCredential WHERE DeveloperName = 'Other']);`,
    );
    assert.equal(out.error, null);
    assert.deepEqual(
        out.debug.map((d) => d.message),
        ['1 Resync_Target https://resync-target.target.offline', '0'],
    );
    const write = runAnonymousBlock(
        org,
        'b.apex',
        `insert new NamedCredential(DeveloperName = 'X', MasterLabel = 'X');`,
    );
    assert.notEqual(write.error, null, 'a named credential is setup, not a record Apex inserts');
    org.store.close();
});

test('a URL that is no target is still refused loudly outside tests', () => {
    const org = openOrg([corpusOrg]);
    attachTargetOrg(org, 'Resync_Target');
    org.platform.http.endpoints.addRemoteSite('https://api.example.com');
    const out = runAnonymousBlock(org, 'a.apex', callout('https://api.example.com/v1'));
    assert.match(
        out.error ?? '',
        /not supported by the offline runtime: HTTP callout to https:\/\/api\.example\.com\/v1/,
    );
    org.store.close();
});

test('apex run --target-org attaches the REST face and reports the calls it answered', () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = runCommand(
        ['run', '--file', script, '--source-dir', corpusOrg, '--target-org', 'Resync_Target=:memory:'],
        (s) => out.push(s),
        (s) => err.push(s),
    );
    assert.equal(code, 0, err.join('\n'));
    assert.match(out.join('\n'), /USER_DEBUG\|\[7\]\|DEBUG\|200 Widget__c api-usage=1\/15000/);
    assert.match(
        out.join('\n'),
        /TARGET Resync_Target \(https:\/\/resync-target\.target\.offline\): 1 calls answered, 0 with an error status; api-usage=1\/15000/,
    );
    assert.equal(
        runCommand(
            ['run', '--file', script, '--target-org', 'no-equals-sign'],
            () => {},
            () => {},
        ),
        2,
    );
});

test('time spent waiting for a callout answer is not CPU time (the platform pauses the CPU timer)', () => {
    const org = openOrg([corpusOrg]);
    attachTargetOrg(org, 'Resync_Target');
    const face = org.platform.http.transport;
    org.platform.http.useTransport({
        send: (req, url) => {
            const until = performance.now() + 300;
            while (performance.now() < until) {
                // the target takes 300 ms to answer
            }
            return face.send(req, url);
        },
    });
    const out = runAnonymousBlock(
        org,
        'a.apex',
        `Integer before = Limits.getCpuTime();
        HttpRequest request = new HttpRequest();
        request.setEndpoint('callout:Resync_Target/services/data/v66.0/limits');
        request.setMethod('GET');
        Integer status = new Http().send(request).getStatusCode();
        System.debug(status + ' ' + (Limits.getCpuTime() - before));`,
    );
    assert.equal(out.error, null);
    const [status, cpu] = out.debug[0].message.split(' ').map(Number);
    assert.equal(status, 200);
    assert.ok(cpu < 150, `CPU time charged for a 300 ms callout: ${cpu} ms`);
    org.store.close();
});
