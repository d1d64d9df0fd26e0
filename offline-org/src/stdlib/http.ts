/**
 * HttpRequest, HttpResponse and Http.send. Http.send and Test.setMock only hand the values to the platform seam
 * (Platform.callout / Platform.setMock): the platform's callout rules (uncommitted work, the callout limit, named
 * credentials, the test's mock) are the http layer's (src/http/callout-service.ts).
 */
import { textOf } from '../apex/runtime/format.js';
import type { ApexHost } from './host.js';
import { prim } from '../apex/runtime/types.js';
import { ApexList, ApexObject, BlobValue, NativeObject, TypeValue } from '../apex/runtime/values.js';
import type { Value } from '../apex/runtime/values.js';
import type { Registry } from './registry.js';
import { typeName } from '../apex/runtime/types.js';

export interface HttpRequestState {
    endpoint: string | null;
    method: string | null;
    headers: Map<string, { name: string; value: string }>;
    body: string | null;
    bodyBlob: Uint8Array | null;
    timeoutMs: number;
    compressed: boolean;
}

export interface HttpResponseState {
    statusCode: number;
    status: string | null;
    headers: Map<string, { name: string; value: string }>;
    body: string | null;
    bodyBlob: Uint8Array | null;
}

export function newRequest(): NativeObject {
    return new NativeObject('HttpRequest', {
        endpoint: null,
        method: null,
        headers: new Map(),
        body: null,
        bodyBlob: null,
        timeoutMs: 10000,
        compressed: false,
    } satisfies HttpRequestState);
}

export function newResponse(): NativeObject {
    return new NativeObject('HttpResponse', {
        statusCode: 0,
        status: null,
        headers: new Map(),
        body: null,
        bodyBlob: null,
    } satisfies HttpResponseState);
}

const req = (v: Value): HttpRequestState => (v as NativeObject).state as HttpRequestState;
const res = (v: Value): HttpResponseState => (v as NativeObject).state as HttpResponseState;

function headerKeys(h: Map<string, { name: string }>): ApexList {
    return new ApexList(
        prim('string'),
        [...h.values()].map((x) => x.name),
    );
}

export function registerHttp(reg: Registry): void {
    reg.constructorOf('HttpRequest', () => newRequest());
    reg.constructorOf('HttpResponse', () => newResponse());
    reg.constructorOf('Http', () => new NativeObject('Http', null));
    reg.instanceMethods('httprequest', {
        setendpoint: (_rt, s, a) => {
            req(s).endpoint = a[0] === null ? null : textOf(a[0]);
            return null;
        },
        getendpoint: (_rt, s) => req(s).endpoint,
        setmethod: (_rt, s, a) => {
            req(s).method = a[0] === null ? null : textOf(a[0]).toUpperCase();
            return null;
        },
        getmethod: (_rt, s) => req(s).method,
        setheader: (rt, s, a) => {
            if (a[0] === null) return rt.npe();
            req(s).headers.set(textOf(a[0]).toLowerCase(), {
                name: textOf(a[0]),
                value: a[1] === null ? '' : textOf(a[1]),
            });
            return null;
        },
        getheader: (_rt, s, a) => req(s).headers.get(textOf(a[0]).toLowerCase())?.value ?? null,
        setbody: (_rt, s, a) => {
            req(s).body = a[0] === null ? null : textOf(a[0]);
            req(s).bodyBlob = null;
            return null;
        },
        getbody: (_rt, s) => req(s).body ?? (req(s).bodyBlob ? Buffer.from(req(s).bodyBlob!).toString('utf8') : ''),
        setbodyasblob: (_rt, s, a) => {
            req(s).bodyBlob = a[0] instanceof BlobValue ? a[0].bytes : null;
            req(s).body = null;
            return null;
        },
        getbodyasblob: (_rt, s) =>
            req(s).bodyBlob
                ? new BlobValue(req(s).bodyBlob!)
                : req(s).body !== null
                  ? new BlobValue(new Uint8Array(Buffer.from(req(s).body!, 'utf8')))
                  : null,
        settimeout: (rt, s, a) => {
            const ms = a[0] as number;
            if (ms <= 0 || ms > 120000)
                return rt.fail(
                    'CalloutException',
                    `Timeout value must be between 1 and 120000 milliseconds, was ${ms}`,
                );
            req(s).timeoutMs = ms;
            return null;
        },
        setcompressed: (_rt, s, a) => {
            req(s).compressed = a[0] === true;
            return null;
        },
        getcompressed: (_rt, s) => req(s).compressed,
        tostring: (_rt, s) =>
            `System.HttpRequest[Endpoint=${req(s).endpoint ?? 'null'}, Method=${req(s).method ?? 'null'}]`,
    });
    reg.instanceMethods('httpresponse', {
        getstatuscode: (_rt, s) => res(s).statusCode,
        setstatuscode: (_rt, s, a) => {
            res(s).statusCode = a[0] as number;
            return null;
        },
        getstatus: (_rt, s) => res(s).status,
        setstatus: (_rt, s, a) => {
            res(s).status = a[0] === null ? null : textOf(a[0]);
            return null;
        },
        getbody: (_rt, s) => res(s).body ?? (res(s).bodyBlob ? Buffer.from(res(s).bodyBlob!).toString('utf8') : null),
        setbody: (_rt, s, a) => {
            res(s).body = a[0] === null ? null : textOf(a[0]);
            res(s).bodyBlob = null;
            return null;
        },
        getbodyasblob: (_rt, s) =>
            res(s).bodyBlob
                ? new BlobValue(res(s).bodyBlob!)
                : res(s).body !== null
                  ? new BlobValue(new Uint8Array(Buffer.from(res(s).body!, 'utf8')))
                  : null,
        setbodyasblob: (_rt, s, a) => {
            res(s).bodyBlob = a[0] instanceof BlobValue ? a[0].bytes : null;
            res(s).body = null;
            return null;
        },
        getheader: (_rt, s, a) => res(s).headers.get(textOf(a[0]).toLowerCase())?.value ?? null,
        setheader: (_rt, s, a) => {
            res(s).headers.set(textOf(a[0]).toLowerCase(), { name: textOf(a[0]), value: textOf(a[1]) });
            return null;
        },
        getheaderkeys: (_rt, s) => headerKeys(res(s).headers),
        tostring: (_rt, s) => `System.HttpResponse[Status=${res(s).status ?? 'null'}, StatusCode=${res(s).statusCode}]`,
    });
    reg.instanceMethods('http', {
        send: (rt, _s, a, pos) => send(rt, a[0], pos),
    });
}

function send(rt: ApexHost, request: Value, pos: { file: string; line: number }): Value {
    if (!(request instanceof NativeObject) || request.typeName !== 'HttpRequest') return rt.npe();
    const response = rt.platform.callout(request, { limits: rt.tx.limits, pos });
    rt.enforceLimits();
    return response;
}

/** Test.setMock(HttpCalloutMock.class, mock): handed to the platform's callout layer, which answers with it. */
export function setMock(rt: ApexHost, args: Value[], pos: { file: string; line: number }): Value {
    const [type, mock] = args;
    if (!(type instanceof TypeValue)) return rt.npe();
    const name = typeName(type.type);
    if (!(mock instanceof ApexObject))
        return rt.fail('TypeException', 'The mock must be an instance of a class implementing ' + name);
    if (!rt.platform.setMock) return rt.unsupported(`Test.setMock for ${name}`, pos);
    rt.platform.setMock(name, mock, { limits: rt.tx.limits, pos });
    return null;
}
