/**
 * The REST face of a target org, call by call: describe, query and its locators, sObject Collections, Composite,
 * limits and the daily API counter, fault injection, and the loud answers to what it does not serve.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NotSupportedError } from '../../src/data/index.js';
import { newRequest } from '../../src/http/http-message.js';
import { RestFace } from '../../src/rest/rest-face.js';
import { TargetEndpoint } from '../../src/rest/target-endpoint.js';
import type { TargetEndpointOptions } from '../../src/rest/target-endpoint.js';
import { openTargetOrg } from '../../src/rest/target-org.js';
import type { TargetOrg } from '../../src/rest/target-org.js';
import { BASE, call, q, v } from './rest-call.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = join(here, '..', '..', '..', 'test', 'fixtures', 'corpus-org');
const DAY = 24 * 60 * 60 * 1000;

interface Setup {
    face: RestFace;
    endpoint: TargetEndpoint;
    org: TargetOrg;
    clock: { now: number };
}

function setup(options: TargetEndpointOptions = {}): Setup {
    const clock = { now: Date.parse('2026-03-02T10:00:00Z') };
    const org = openTargetOrg('Target', [fixture], { clock: () => clock.now });
    const endpoint = new TargetEndpoint(org, () => clock.now, options);
    const face = new RestFace();
    face.serve(BASE, endpoint);
    return { face, endpoint, org, clock };
}

type Json = Record<string, unknown>;
const results = (json: unknown): Json[] => json as Json[];
const errorsOf = (r: Json): Json[] => r.errors as Json[];

function createAccounts(face: RestFace, names: string[]): string[] {
    const r = call(face, 'POST', v('/composite/sobjects'), {
        allOrNone: false,
        records: names.map((Name) => ({ attributes: { type: 'Account' }, Name })),
    });
    assert.equal(r.status, 200);
    return results(r.json).map((x) => x.id as string);
}

test('describe answers the object with REST field types; an unknown object is 404 NOT_FOUND', () => {
    const { face } = setup();
    const account = call(face, 'GET', v('/sobjects/Account/describe'));
    assert.equal(account.status, 200);
    const body = account.json as { name: string; keyPrefix: string; fields: Json[] };
    assert.equal(body.name, 'Account');
    assert.equal(body.keyPrefix, '001');
    const byName = new Map(body.fields.map((f) => [f.name, f]));
    assert.equal(byName.get('NumberOfEmployees')?.type, 'int', 'the REST describe calls an integer field int');
    assert.equal(byName.get('Name')?.nillable, false);
    assert.deepEqual(byName.get('ParentId')?.referenceTo, ['Account']);
    assert.equal(byName.get('ParentId')?.relationshipName, 'Parent');
    const widget = call(face, 'GET', v('/sobjects/Widget__c/describe')).json as { fields: Json[] };
    const code = widget.fields.find((f) => f.name === 'Code__c');
    assert.equal(code?.externalId, true);
    assert.equal(code?.unique, true);
    const missing = call(face, 'GET', v('/sobjects/Nope__c/describe'));
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.json, [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }]);
});

test('every answer carries Sforce-Limit-Info; each call counts once, a Composite request once in all', () => {
    const { face, endpoint } = setup({ dailyAllowance: 5000, usedBefore: 100 });
    assert.equal(call(face, 'GET', v('/limits')).header('Sforce-Limit-Info'), 'api-usage=101/5000');
    const composite = call(face, 'POST', v('/composite'), {
        allOrNone: false,
        compositeRequest: [
            { method: 'GET', url: v('/sobjects/Account/describe'), referenceId: 'd1' },
            { method: 'GET', url: v('/sobjects/Contact/describe'), referenceId: 'd2' },
        ],
    });
    assert.equal(composite.header('Sforce-Limit-Info'), 'api-usage=102/5000');
    const limits = call(face, 'GET', v('/limits'));
    assert.deepEqual(limits.json, { DailyApiRequests: { Max: 5000, Remaining: 4897 } });
    assert.equal(endpoint.usage.used(), 103);
});

test('usage is a rolling 24 hours; beyond the allowance calls are refused with REQUEST_LIMIT_EXCEEDED', () => {
    const { face, clock } = setup({ dailyAllowance: 3, usedBefore: 2 });
    assert.equal(call(face, 'GET', v('/limits')).status, 200);
    const refused = call(face, 'GET', v('/limits'));
    assert.equal(refused.status, 403);
    assert.equal(results(refused.json)[0].errorCode, 'REQUEST_LIMIT_EXCEEDED');
    assert.equal(refused.header('Sforce-Limit-Info'), 'api-usage=3/3', 'a refused call is not counted');
    clock.now += DAY + 1;
    const later = call(face, 'GET', v('/limits'));
    assert.equal(later.status, 200, 'the calls of yesterday have left the window');
    assert.equal(later.header('Sforce-Limit-Info'), 'api-usage=1/3');
});

test('query answers records with attributes, REST datetimes, nested parents and null empty child lists', () => {
    const { face } = setup();
    const [acme] = createAccounts(face, ['Acme']);
    const widget = call(face, 'POST', v('/composite/sobjects'), {
        records: [
            { attributes: { type: 'Widget__c' }, Name: 'W1', Colour__c: 'red', Code__c: 'W-1', Account__c: acme },
        ],
    });
    assert.equal(results(widget.json)[0].success, true);
    const rows = call(
        face,
        'GET',
        q("SELECT Name, Colour__c, Account__r.Name, CreatedDate FROM Widget__c WHERE Code__c = 'W-1'"),
    );
    assert.equal(rows.status, 200);
    const body = rows.json as { totalSize: number; done: boolean; records: Json[] };
    assert.equal(body.totalSize, 1);
    assert.equal(body.done, true);
    const row = body.records[0];
    assert.equal((row.attributes as Json).type, 'Widget__c');
    assert.match(
        String((row.attributes as Json).url),
        /^\/services\/data\/v66\.0\/sobjects\/Widget__c\/a\w{2}Tg\w{13}$/,
    );
    assert.equal((row.Account__r as Json).Name, 'Acme');
    assert.equal(((row.Account__r as Json).attributes as Json).type, 'Account');
    assert.match(String(row.CreatedDate), /^2026-03-02T10:00:00\.000\+0000$/);
    const parents = call(face, 'GET', q('SELECT Name, (SELECT Name FROM Widgets__r) FROM Account')).json as {
        records: Json[];
    };
    assert.equal(((parents.records[0].Widgets__r as Json).records as Json[]).length, 1);
    const none = call(face, 'GET', q('SELECT Name, (SELECT Name FROM Contacts) FROM Account')).json as {
        records: Json[];
    };
    assert.equal(none.records[0].Contacts, null);
    assert.deepEqual(call(face, 'GET', q('SELECT COUNT() FROM Account')).json, {
        totalSize: 1,
        done: true,
        records: [],
    });
});

test('a result larger than a batch is read through nextRecordsUrl, each batch one call; a stale locator is refused', () => {
    const { face, endpoint } = setup({ queryBatchLimit: 2 });
    createAccounts(face, ['A', 'B', 'C', 'D', 'E']);
    const seen: string[] = [];
    let page = call(face, 'GET', q('SELECT Name FROM Account ORDER BY Name')).json as {
        totalSize: number;
        done: boolean;
        nextRecordsUrl?: string;
        records: Json[];
    };
    const before = endpoint.usage.used();
    for (;;) {
        assert.equal(page.totalSize, 5);
        seen.push(...page.records.map((r) => r.Name as string));
        if (page.done) break;
        assert.match(page.nextRecordsUrl ?? '', /^\/services\/data\/v66\.0\/query\/01g\w{15}-\d+$/);
        page = call(face, 'GET', page.nextRecordsUrl ?? '').json as typeof page;
    }
    assert.deepEqual(seen, ['A', 'B', 'C', 'D', 'E']);
    assert.equal(endpoint.usage.used() - before, 2, 'two more batches, two more calls');
    assert.equal(endpoint.query.openLocators(), 0, 'a locator read to its end is gone');
    const stale = call(face, 'GET', v('/query/01gTg0000000001AAA-2'));
    assert.equal(stale.status, 400);
    assert.equal(results(stale.json)[0].errorCode, 'INVALID_QUERY_LOCATOR');
});

test('SOQL errors answer 400 with the platform code; SOQL the offline org lacks is refused loudly', () => {
    const { face } = setup();
    const code = (soql: string): unknown => results(call(face, 'GET', q(soql)).json)[0].errorCode;
    assert.equal(code('SELECT Nope__c FROM Account'), 'INVALID_FIELD');
    assert.equal(code('SELECT Id FROM Nope__c'), 'INVALID_TYPE');
    assert.equal(code('SELECT FROM WHERE'), 'MALFORMED_QUERY');
    assert.equal(code('SELECT Id FROM Account WHERE Name = :name'), 'MALFORMED_QUERY');
    const typeOf = call(face, 'GET', q('SELECT TYPEOF Owner WHEN User THEN Name END FROM Account'));
    assert.equal(typeOf.status, 400);
    assert.equal(results(typeOf.json)[0].errorCode, 'NOT_SUPPORTED_BY_OFFLINE_ORG');
});

test('collection create answers per record from the target org DML validation', () => {
    const { face, org } = setup();
    const neverSaved = org.store.newId('Account');
    call(face, 'POST', v('/composite/sobjects'), {
        records: [{ attributes: { type: 'Widget__c' }, Name: 'Old', Colour__c: 'red', Code__c: 'TAKEN' }],
    });
    const r = call(face, 'POST', v('/composite/sobjects'), {
        allOrNone: false,
        records: [
            { attributes: { type: 'Widget__c' }, Name: 'Ok', Colour__c: 'blue', Code__c: 'NEW-1', Quantity__c: '3' },
            { attributes: { type: 'Widget__c' }, Name: 'No colour', Code__c: 'NEW-2' },
            { attributes: { type: 'Widget__c' }, Name: 'Orphan', Colour__c: 'red', Account__c: neverSaved },
            { attributes: { type: 'Widget__c' }, Name: 'Taken', Colour__c: 'red', Code__c: 'taken' },
            { attributes: { type: 'Account' }, Name: 'Mixed types are fine' },
        ],
    });
    assert.equal(r.status, 200);
    const out = results(r.json);
    assert.equal(out[0].success, true);
    assert.match(String(out[0].id), /^a\w{2}Tg/);
    assert.deepEqual(errorsOf(out[1])[0], {
        statusCode: 'REQUIRED_FIELD_MISSING',
        message: 'Required fields are missing: [Colour__c]',
        fields: ['Colour__c'],
    });
    assert.equal(errorsOf(out[2])[0].statusCode, 'INVALID_CROSS_REFERENCE_KEY');
    assert.equal(errorsOf(out[3])[0].statusCode, 'DUPLICATE_VALUE');
    assert.equal(out[4].success, true);
    assert.equal('id' in out[1], false, 'a failed create has no id');
    const quantity = call(face, 'GET', q("SELECT Quantity__c FROM Widget__c WHERE Code__c = 'NEW-1'")).json as {
        records: Json[];
    };
    assert.equal(quantity.records[0].Quantity__c, 3);
});

test('a request the API refuses as a whole answers 400 and writes nothing', () => {
    const { face } = setup();
    const unknown = call(face, 'POST', v('/composite/sobjects'), {
        records: [
            { attributes: { type: 'Account' }, Name: 'Fine' },
            { attributes: { type: 'Account' }, Name: 'Bad', Colour__c: 'red' },
        ],
    });
    assert.equal(unknown.status, 400);
    assert.deepEqual(unknown.json, [
        { message: "No such column 'Colour__c' on sobject of type Account", errorCode: 'INVALID_FIELD' },
    ]);
    const many = call(face, 'POST', v('/composite/sobjects'), {
        records: Array.from({ length: 201 }, (_, i) => ({ attributes: { type: 'Account' }, Name: `A${i}` })),
    });
    assert.equal(many.status, 400);
    assert.equal(results(many.json)[0].errorCode, 'EXCEEDED_ID_LIMIT');
    const badNumber = call(face, 'POST', v('/composite/sobjects'), {
        records: [{ attributes: { type: 'Account' }, Name: 'X', NumberOfEmployees: 'many' }],
    });
    assert.equal(badNumber.status, 400);
    assert.equal(results(badNumber.json)[0].errorCode, 'JSON_PARSER_ERROR');
    assert.deepEqual(call(face, 'GET', q('SELECT COUNT() FROM Account')).json, {
        totalSize: 0,
        done: true,
        records: [],
    });
});

test('allOrNone rolls the whole request back and marks the valid records ALL_OR_NONE_OPERATION_ROLLED_BACK', () => {
    const { face } = setup();
    const r = call(face, 'POST', v('/composite/sobjects'), {
        allOrNone: true,
        records: [
            { attributes: { type: 'Account' }, Name: 'Valid' },
            { attributes: { type: 'Account' }, Name: null },
        ],
    });
    const out = results(r.json);
    assert.equal(out[0].success, false);
    assert.equal(errorsOf(out[0])[0].statusCode, 'ALL_OR_NONE_OPERATION_ROLLED_BACK');
    assert.equal(errorsOf(out[1])[0].statusCode, 'REQUIRED_FIELD_MISSING');
    assert.equal((call(face, 'GET', q('SELECT COUNT() FROM Account')).json as Json).totalSize, 0);
});

test('upsert on an external id answers created; update and delete answer per record', () => {
    const { face } = setup();
    const upsert = (name: string): Json[] =>
        results(
            call(face, 'PATCH', v('/composite/sobjects/Widget__c/Code__c'), {
                allOrNone: false,
                records: [{ attributes: { type: 'Widget__c' }, Code__c: 'K-1', Name: name, Colour__c: 'red' }],
            }).json,
        );
    const first = upsert('First')[0];
    assert.equal(first.created, true);
    const second = upsert('Second')[0];
    assert.equal(second.created, false);
    assert.equal(second.id, first.id);
    const notKey = call(face, 'PATCH', v('/composite/sobjects/Widget__c/Colour__c'), {
        records: [{ attributes: { type: 'Widget__c' }, Colour__c: 'red' }],
    });
    assert.equal(notKey.status, 404);
    const id = String(first.id);
    const noId = results(
        call(face, 'PATCH', v('/composite/sobjects'), {
            records: [{ attributes: { type: 'Widget__c' }, Name: 'no id' }],
        }).json,
    )[0];
    assert.equal(errorsOf(noId)[0].statusCode, 'MISSING_ARGUMENT');
    const deleted = results(call(face, 'DELETE', v(`/composite/sobjects?ids=${id},bogus&allOrNone=false`)).json);
    assert.deepEqual(deleted[0], { id, success: true, errors: [] });
    assert.equal(errorsOf(deleted[1])[0].statusCode, 'MALFORMED_ID');
    const again = results(
        call(face, 'PATCH', v('/composite/sobjects'), {
            records: [{ attributes: { type: 'Widget__c' }, Id: id, Name: 'gone' }],
        }).json,
    )[0];
    assert.equal(again.success, false);
    assert.equal(again.id, id);
    assert.equal(errorsOf(again)[0].statusCode, 'ENTITY_IS_DELETED');
});

test('Composite answers each subrequest by referenceId; allOrNone halts and rolls back the rest', () => {
    const { face } = setup();
    const ok = call(face, 'POST', v('/composite'), {
        allOrNone: false,
        compositeRequest: [
            {
                method: 'POST',
                url: v('/composite/sobjects'),
                referenceId: 'write0',
                body: { allOrNone: false, records: [{ attributes: { type: 'Account' }, Name: 'One' }] },
            },
            { method: 'GET', url: q('SELECT Name FROM Account'), referenceId: 'read' },
            { method: 'GET', url: v('/sobjects/Nope__c/describe'), referenceId: 'missing' },
        ],
    });
    const parts = (ok.json as { compositeResponse: Json[] }).compositeResponse;
    assert.deepEqual(
        parts.map((p) => [p.referenceId, p.httpStatusCode]),
        [
            ['write0', 200],
            ['read', 200],
            ['missing', 404],
        ],
    );
    assert.deepEqual(parts[0].httpHeaders, {});
    assert.equal(results(parts[0].body)[0].success, true);
    const halted = call(face, 'POST', v('/composite'), {
        allOrNone: true,
        compositeRequest: [
            {
                method: 'POST',
                url: v('/composite/sobjects'),
                referenceId: 'good',
                body: { records: [{ attributes: { type: 'Account' }, Name: 'Two' }] },
            },
            {
                method: 'POST',
                url: v('/composite/sobjects'),
                referenceId: 'bad',
                body: { records: [{ attributes: { type: 'Account' }, Nope__c: 1 }] },
            },
            { method: 'GET', url: v('/limits'), referenceId: 'after' },
        ],
    });
    const halt = (halted.json as { compositeResponse: Json[] }).compositeResponse;
    assert.deepEqual(
        halt.map((p) => [p.httpStatusCode, results(p.body)[0].errorCode]),
        [
            [400, 'PROCESSING_HALTED'],
            [400, 'INVALID_FIELD'],
            [400, 'PROCESSING_HALTED'],
        ],
    );
    assert.equal(
        (call(face, 'GET', q('SELECT COUNT() FROM Account')).json as Json).totalSize,
        1,
        'Two was rolled back',
    );
    const six = call(face, 'POST', v('/composite'), {
        compositeRequest: Array.from({ length: 6 }, (_, i) => ({
            method: 'GET',
            url: q('SELECT Id FROM Account'),
            referenceId: `q${i}`,
        })),
    });
    assert.equal(six.status, 400, 'at most five collections or queries in one Composite request');
    const refs = call(face, 'POST', v('/composite'), {
        compositeRequest: [{ method: 'GET', url: v('/sobjects/@{x.id}/describe'), referenceId: 'r' }],
    });
    assert.equal(results(refs.json)[0].errorCode, 'NOT_SUPPORTED_BY_OFFLINE_ORG');
});

test('a storm answers HTTP 503 (not counted), then calls go through; a seeded lock share fails the same records', () => {
    const { face, endpoint } = setup();
    endpoint.faults.storm(2);
    const first = call(face, 'GET', v('/limits'));
    assert.equal(first.status, 503);
    assert.equal(results(first.json)[0].errorCode, 'SERVER_UNAVAILABLE');
    assert.equal(call(face, 'GET', v('/limits')).status, 503);
    assert.equal(call(face, 'GET', v('/limits')).status, 200);
    assert.equal(endpoint.usage.used(), 1, 'the two refused calls did not count');
    assert.equal(endpoint.faults.injected.unavailable, 2);

    const lockedNames = (seed: number): string[] => {
        const s = setup({ faults: { seed, lockShare: 0.3 } });
        const names = Array.from({ length: 40 }, (_, i) => `L${i}`);
        const out = results(
            call(s.face, 'POST', v('/composite/sobjects'), {
                records: names.map((Name) => ({ attributes: { type: 'Account' }, Name })),
            }).json,
        );
        return names.filter((_, i) => errorsOf(out[i])[0]?.statusCode === 'UNABLE_TO_LOCK_ROW');
    };
    const a = lockedNames(42);
    assert.deepEqual(lockedNames(42), a, 'the same seed fails the same records');
    assert.ok(a.length > 4 && a.length < 20, `about 30% of 40 records locked, got ${a.length}`);
});

test('what the face does not serve is refused loudly: 404 naming the subset, 405 for another method', () => {
    const { face } = setup();
    const record = call(face, 'GET', v('/sobjects/Account/001Tg0000000001AAA'));
    assert.equal(record.status, 404);
    assert.match(
        String(results(record.json)[0].message),
        /does not answer GET \/sobjects\/Account\/001Tg0000000001AAA .*it answers GET \/sobjects\/\{object\}\/describe/,
    );
    assert.equal(call(face, 'GET', '/services/apexrest/whatever').status, 404);
    const put = call(face, 'PUT', v('/composite/sobjects'), { records: [] });
    assert.equal(put.status, 405);
    assert.equal(results(put.json)[0].errorCode, 'METHOD_NOT_ALLOWED');
    assert.equal(call(face, 'GET', v('/composite/sobjects?ids=x')).status, 400);
    const elsewhere = { ...newRequest(), method: 'GET', endpoint: 'https://elsewhere.example/x' };
    assert.throws(
        () => face.send(elsewhere, elsewhere.endpoint),
        NotSupportedError,
        'a URL of no target goes to the loud "no transport" refusal',
    );
});

test('sObject Collections retrieve answers one entry per Id, null where there is none; bad input is 400', () => {
    const { face, endpoint } = setup();
    const [acme, globex] = createAccounts(face, ['Acme', 'Globex']);
    const before = endpoint.calls().length;
    const r = call(face, 'POST', v('/composite/sobjects/Account'), {
        ids: [globex, 'nope', acme.slice(0, 15), '001000000000000AAA'],
        fields: ['Name'],
    });
    assert.equal(r.status, 200);
    const got = r.json as (Json | null)[];
    assert.deepEqual(
        got.map((x) => (x === null ? null : x.Name)),
        ['Globex', null, 'Acme', null],
        'in the order asked',
    );
    assert.equal((got[0]?.attributes as Json).type, 'Account');
    assert.equal(endpoint.calls().length, before + 1, 'one call');
    const badField = call(face, 'POST', v('/composite/sobjects/Account'), { ids: [acme], fields: ['Nope__c'] });
    assert.equal(badField.status, 400);
    const tooMany = call(face, 'POST', v('/composite/sobjects/Account'), {
        ids: Array.from({ length: 2001 }, () => acme),
        fields: ['Name'],
    });
    assert.equal(tooMany.status, 400);
    assert.equal((tooMany.json as Json[])[0]?.errorCode, 'EXCEEDED_ID_LIMIT');
});

test('a URI over 16,384 bytes is answered 414 before anything is read, and is not counted', () => {
    const { face, endpoint } = setup();
    const used = endpoint.calls().filter((c) => c.counted).length;
    const long = q(
        `SELECT Id FROM Account WHERE Name IN (${Array.from({ length: 1200 }, (_, i) => `'Name ${i}'`).join(',')})`,
    );
    const r = call(face, 'GET', long);
    assert.equal(r.status, 414);
    assert.equal((r.json as Json[])[0]?.errorCode, 'URI_TOO_LONG');
    assert.equal(endpoint.calls().filter((c) => c.counted).length, used, 'not counted against the allowance');
});
