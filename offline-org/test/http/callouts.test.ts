import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { PlatformException } from '../../src/async/platform-exception.js';
import { CalloutService } from '../../src/http/callout-service.js';
import type { CalloutContext, HttpTransport } from '../../src/http/callout-service.js';
import { HeaderMap, newRequest, newResponse, setTimeoutMs } from '../../src/http/http-message.js';
import type { CalloutRequest } from '../../src/http/http-message.js';
import { MockRegistry } from '../../src/http/mock-registry.js';
import { EndpointTable } from '../../src/http/named-credentials.js';

// The fixture lives beside the sources; tests run from dist/test/http.
const fixture = join(fileURLToPath(new URL('.', import.meta.url)), '../../../test/http/fixture');

function ctx(over: Partial<CalloutContext> = {}): CalloutContext {
    return {
        isTest: true,
        isAsync: false,
        used: { callouts: 0 },
        calloutTime: { ms: 0 },
        hasUncommittedWork: () => false,
        calloutRestriction: () => null,
        ...over,
    };
}

function request(endpoint: string, method = 'GET', body = ''): CalloutRequest {
    const r = newRequest();
    r.endpoint = endpoint;
    r.method = method;
    r.body = body;
    return r;
}

const isCallout = (message: string) => (e: unknown) =>
    e instanceof PlatformException && e.exceptionType === 'CalloutException' && e.message === message;

function setup(): {
    service: CalloutService;
    live: CalloutService;
    mocks: MockRegistry;
    seen: CalloutRequest[];
    endpoints: EndpointTable;
} {
    const endpoints = new EndpointTable();
    endpoints.loadJson(
        JSON.stringify({
            namedCredentials: { Resync_Target: { url: 'https://target.example.com/', headers: { 'X-Org': 'T1' } } },
            remoteSites: ['https://sites.example.com'],
        }),
    );
    endpoints.loadProject(fixture);
    const mocks = new MockRegistry();
    const seen: CalloutRequest[] = [];
    mocks.setMock('HttpCalloutMock', (req) => {
        seen.push(req);
        const res = newResponse(201, '{"ok":true}');
        res.headers.set('Content-Type', 'application/json');
        return res;
    });
    const live = new CalloutService(endpoints, new MockRegistry(), {
        send: (req) => {
            seen.push(req);
            const res = newResponse(201, '{"ok":true}');
            res.headers.set('Content-Type', 'application/json');
            return { response: res, elapsedMs: 1 };
        },
    });
    return { service: new CalloutService(endpoints, mocks), live, mocks, seen, endpoints };
}

test('headers are case-insensitive and keep their first spelling', () => {
    const h = new HeaderMap();
    h.set('Content-Type', 'text/plain');
    h.set('content-type', 'application/json');
    assert.equal(h.get('CONTENT-TYPE'), 'application/json');
    assert.deepEqual(h.names(), ['Content-Type']);
});

test('timeout defaults to 10 s and accepts 1..120,000 ms', () => {
    const r = newRequest();
    assert.equal(r.timeoutMs, 10_000);
    setTimeoutMs(r, 120_000);
    assert.equal(r.timeoutMs, 120_000);
    assert.throws(
        () => setTimeoutMs(r, 120_001),
        (e: unknown) => e instanceof PlatformException,
    );
    assert.throws(
        () => setTimeoutMs(r, 0),
        (e: unknown) => e instanceof PlatformException,
    );
});

test('callout:Name/path resolves through the named-credential table and adds its headers', () => {
    const { live, seen } = setup();
    const c = ctx({ isTest: false });
    const res = live.send(request('callout:Resync_Target/services/data/v61.0/composite?x=1', 'POST', '{}'), c);
    assert.equal(res.statusCode, 201);
    assert.equal(res.status, 'Created');
    assert.equal(res.headers.get('content-type'), 'application/json');
    assert.equal(seen[0].endpoint, 'https://target.example.com/services/data/v61.0/composite?x=1');
    assert.equal(seen[0].headers.get('x-org'), 'T1');
    assert.equal(c.used.callouts, 1);
});

test('named credentials and remote sites are read from project metadata', () => {
    const { live, seen } = setup();
    live.send(request('callout:Legacy/v1/items'), ctx({ isTest: false }));
    live.send(request('callout:target_org/services/data'), ctx({ isTest: false }));
    assert.deepEqual(
        seen.map((r) => r.endpoint),
        ['https://legacy.example.com/api/v1/items', 'https://target.my.salesforce.com/services/data'],
    );
    const echo = new CalloutService(setup().endpoints, new MockRegistry(), {
        send: (req) => ({ response: newResponse(200, req.endpoint), elapsedMs: 5 }),
    });
    const res = echo.send(request('https://partner.example.com/x'), ctx({ isTest: false }));
    assert.equal(res.body, 'https://partner.example.com/x');
});

test("a test's mock sees the endpoint as written; outside tests an unknown named credential or unlisted URL fails", () => {
    const { live: liveNc, service, seen, endpoints } = setup();
    service.send(request('callout:Nope/x'), ctx());
    assert.equal(seen[0].endpoint, 'callout:Nope/x');
    assert.throws(
        () => liveNc.send(request('callout:Nope/x'), ctx({ isTest: false })),
        isCallout(
            'The callout couldn\'t access the endpoint. You might not have the required permissions, or the named credential "Nope" might not exist.',
        ),
    );
    const live = new CalloutService(endpoints, new MockRegistry(), {
        send: () => ({ response: newResponse(200), elapsedMs: 1 }),
    });
    assert.throws(
        () => live.send(request('https://evil.example.com/x'), ctx({ isTest: false })),
        isCallout(
            'Unauthorized endpoint, please check Setup->Security->Remote site settings. endpoint = https://evil.example.com/x',
        ),
    );
    // A remote site is a prefix at a path boundary, not any string prefix.
    assert.throws(() => live.send(request('https://sites.example.com.evil.io/'), ctx({ isTest: false })));
    live.send(request('https://SITES.example.com/a'), ctx({ isTest: false }));
});

test('uncommitted work and restricted contexts refuse the callout before counting it', () => {
    const { service } = setup();
    const c = ctx({ hasUncommittedWork: () => true });
    assert.throws(
        () => service.send(request('callout:Legacy/x'), c),
        isCallout('You have uncommitted work pending. Please commit or rollback before calling out'),
    );
    assert.equal(c.used.callouts, 0);
    assert.throws(
        () =>
            service.send(
                request('callout:Legacy/x'),
                ctx({ calloutRestriction: () => 'Callout from scheduled Apex not supported.' }),
            ),
        isCallout('Callout from scheduled Apex not supported.'),
    );
});

test('100 callouts per transaction, then LimitException', () => {
    const { service } = setup();
    const c = ctx();
    for (let i = 0; i < 100; i++) service.send(request('callout:Legacy/x'), c);
    assert.throws(
        () => service.send(request('callout:Legacy/x'), c),
        (e: unknown) =>
            e instanceof PlatformException &&
            e.exceptionType === 'LimitException' &&
            e.message === 'Too many callouts: 101',
    );
});

test('a test without a mock cannot call out; mocks are cleared between tests', () => {
    const { service, mocks } = setup();
    mocks.clear();
    assert.throws(
        () => service.send(request('callout:Legacy/x'), ctx()),
        isCallout('Methods defined as TestMethod do not support Web service callouts'),
    );
    assert.throws(() => mocks.setMock('WebServiceMock', () => null), /not supported by the offline runtime/);
});

test('request and response size limits: 6 MB synchronous, 12 MB asynchronous', () => {
    const { service, mocks } = setup();
    const big = 'x'.repeat(6_000_001);
    assert.throws(
        () => service.send(request('callout:Legacy/x', 'POST', big), ctx()),
        (e: unknown) => e instanceof PlatformException,
    );
    service.send(request('callout:Legacy/x', 'POST', big), ctx({ isAsync: true }));
    mocks.setMock('HttpCalloutMock', () => newResponse(200, big));
    assert.throws(
        () => service.send(request('callout:Legacy/x'), ctx()),
        (e: unknown) => e instanceof PlatformException,
    );
});

test('a transport counts callout time; past 120 s cumulative the transaction may not call out', () => {
    const { endpoints } = setup();
    const timeouts: number[] = [];
    const transport: HttpTransport = {
        send: (req) => {
            timeouts.push(req.timeoutMs);
            return { response: newResponse(200), elapsedMs: 50_000 };
        },
    };
    const live = new CalloutService(endpoints, new MockRegistry(), transport);
    const c = ctx({ isTest: false });
    const r = request('callout:Legacy/x');
    setTimeoutMs(r, 60_000);
    live.send(r, c);
    live.send(r, c);
    live.send(r, c);
    assert.deepEqual(timeouts, [60_000, 60_000, 20_000]);
    assert.equal(c.calloutTime.ms, 150_000);
    assert.throws(
        () => live.send(r, c),
        (e: unknown) => e instanceof PlatformException && e.exceptionType === 'LimitException',
    );
});

test('without a transport, a real callout is refused loudly', () => {
    const { endpoints } = setup();
    const live = new CalloutService(endpoints, new MockRegistry());
    assert.throws(
        () => live.send(request('callout:Legacy/x'), ctx({ isTest: false })),
        /not supported by the offline runtime/,
    );
});

test('method and endpoint are required', () => {
    const { service } = setup();
    assert.throws(() => service.send(request('', 'GET'), ctx()), isCallout('Endpoint URL is not set'));
    assert.throws(
        () => service.send(request('callout:Legacy/x', 'FETCH'), ctx()),
        isCallout('Invalid HTTP method: FETCH'),
    );
});
