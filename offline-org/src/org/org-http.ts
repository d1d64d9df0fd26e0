/**
 * Callouts of the org: the interpreter's HttpRequest / HttpResponse values converted to and from the http layer's
 * plain data, sent through the one CalloutService (its checks: uncommitted work, the running job's restriction, the
 * callout limit, sizes, named credentials and remote sites, the test's mock). Test.setMock(HttpCalloutMock.class, m)
 * registers `m.respond(HttpRequest)` as the service's responder. Named credentials and remote sites come from the
 * project's metadata and from the offline org's config file `config/offline-org.json` (see EndpointTable.loadJson).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CalloutService, noTransport } from '../http/callout-service.js';
import type { HttpTransport } from '../http/callout-service.js';
import { HeaderMap, newRequest as newCalloutRequest } from '../http/http-message.js';
import type { CalloutRequest, CalloutResponse } from '../http/http-message.js';
import { MockRegistry } from '../http/mock-registry.js';
import { EndpointTable } from '../http/named-credentials.js';
import type { Runtime, Transaction } from '../apex/interpreter/runtime.js';
import type { Limits } from '../apex/runtime/limits.js';
import { NativeObject } from '../apex/runtime/values.js';
import type { Value } from '../apex/runtime/values.js';
import { newRequest, newResponse } from '../stdlib/http.js';
import type { HttpRequestState, HttpResponseState } from '../stdlib/http.js';
import type { OrgAsync } from './org-async.js';

const CONFIG_FILE = join('config', 'offline-org.json');
const POS = { file: '<callout>', line: 0 };

function bodyOf(state: { body: string | null; bodyBlob: Uint8Array | null }): string {
    return state.body ?? (state.bodyBlob ? Buffer.from(state.bodyBlob).toString('utf8') : '');
}

function headerMap(h: Map<string, { name: string; value: string }>): HeaderMap {
    const out = new HeaderMap();
    for (const { name, value } of h.values()) out.set(name, value);
    return out;
}

function headerEntries(h: HeaderMap): Map<string, { name: string; value: string }> {
    return new Map(h.names().map((name) => [name.toLowerCase(), { name, value: h.get(name) ?? '' }]));
}

export function toCalloutRequest(v: NativeObject): CalloutRequest {
    const s = v.state as HttpRequestState;
    return {
        ...newCalloutRequest(),
        method: s.method ?? '',
        endpoint: s.endpoint ?? '',
        headers: headerMap(s.headers),
        body: bodyOf(s),
        timeoutMs: s.timeoutMs,
        compressed: s.compressed,
    };
}

function toApexRequest(r: CalloutRequest): NativeObject {
    const v = newRequest();
    Object.assign(v.state as HttpRequestState, {
        method: r.method,
        endpoint: r.endpoint,
        headers: headerEntries(r.headers),
        body: r.body,
        timeoutMs: r.timeoutMs,
        compressed: r.compressed,
    });
    return v;
}

function toApexResponse(r: CalloutResponse): NativeObject {
    const v = newResponse();
    Object.assign(v.state as HttpResponseState, {
        statusCode: r.statusCode,
        status: r.status,
        headers: headerEntries(r.headers),
        body: r.body,
    });
    return v;
}

function toCalloutResponse(v: NativeObject): CalloutResponse {
    const s = v.state as HttpResponseState;
    return { statusCode: s.statusCode, status: s.status ?? '', headers: headerMap(s.headers), body: bodyOf(s) };
}

/** Reads named credentials and remote sites from the package directories and the project's config file. */
export function loadEndpoints(dirs: string[]): EndpointTable {
    const table = new EndpointTable();
    for (const d of dirs) table.loadProject(d);
    const roots = new Set(dirs.map((d) => dirname(d)));
    for (const root of roots) {
        const file = join(root, CONFIG_FILE);
        if (existsSync(file)) table.loadJson(readFileSync(file, 'utf8'));
    }
    return table;
}

export class OrgHttp {
    readonly mocks = new MockRegistry();
    private serviceOf: CalloutService;
    private transportOf: HttpTransport;
    /** Cumulative callout time per Apex transaction. */
    private readonly time = new WeakMap<Transaction, { ms: number }>();

    constructor(
        private readonly rt: Runtime,
        private readonly async: OrgAsync,
        readonly endpoints: EndpointTable,
        transport: HttpTransport = noTransport,
    ) {
        this.transportOf = transport;
        this.serviceOf = new CalloutService(endpoints, this.mocks, transport);
    }

    get service(): CalloutService {
        return this.serviceOf;
    }

    /** What answers callouts outside tests (the REST face, or the loud refusal `noTransport`). */
    get transport(): HttpTransport {
        return this.transportOf;
    }

    /** Answers callouts outside tests with this transport from now on (e.g. the REST face of target orgs). */
    useTransport(transport: HttpTransport): void {
        this.transportOf = transport;
        this.serviceOf = new CalloutService(this.endpoints, this.mocks, transport);
    }

    send(request: Value, limits: Limits): Value {
        const rt = this.rt;
        if (!(request instanceof NativeObject) || request.typeName !== 'HttpRequest') return rt.npe();
        const tx = rt.tx;
        let calloutTime = this.time.get(tx);
        if (!calloutTime) this.time.set(tx, (calloutTime = { ms: 0 }));
        const started = performance.now();
        const response = this.service.send(toCalloutRequest(request), {
            isTest: tx.isTest,
            isAsync: limits.isAsync,
            used: limits.used,
            calloutTime,
            // DML since the transaction (or Test.startTest) began, or async work enqueued and not yet committed.
            hasUncommittedWork: () => limits.used.dmlStatements > 0 || this.async.hasUncommittedWork(),
            calloutRestriction: () => this.async.calloutRestriction(),
        });
        // The platform pauses the CPU timer while a callout is answered elsewhere (a test's mock runs as Apex here
        // and on the platform, so its time stays charged).
        if (!tx.isTest) limits.uncountedMs += performance.now() - started;
        return toApexResponse(response);
    }

    /** Test.setMock(HttpCalloutMock.class, mock). */
    setMock(mockType: string, mock: Value): void {
        const rt = this.rt;
        this.mocks.setMock(mockType, (req) => {
            const answer = rt.callMethod(mock, 'respond', [toApexRequest(req)], POS);
            if (answer === null) return null;
            if (!(answer instanceof NativeObject) || answer.typeName !== 'HttpResponse')
                return rt.fail('TypeException', 'HttpCalloutMock.respond must return an HttpResponse');
            return toCalloutResponse(answer);
        });
    }
}
