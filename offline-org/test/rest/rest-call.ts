/** Calls a REST face as the callout layer would, and reads the JSON answer (shared by the REST face's tests). */
import { newRequest } from '../../src/http/http-message.js';
import type { RestFace } from '../../src/rest/rest-face.js';

export const BASE = 'https://target.offline';

export interface Answer {
    status: number;
    json: unknown;
    header(name: string): string | null;
}

export function call(
    face: RestFace,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
): Answer {
    const req = newRequest();
    req.method = method;
    req.endpoint = BASE + path;
    req.body = body === undefined ? '' : JSON.stringify(body);
    for (const [k, v] of Object.entries(headers)) req.headers.set(k, v);
    const { response } = face.send(req, BASE + path);
    return {
        status: response.statusCode,
        json: response.body === '' ? undefined : JSON.parse(response.body),
        header: (name) => response.headers.get(name),
    };
}

/** `/services/data/v66.0` + path. */
export const v = (path: string): string => `/services/data/v66.0${path}`;

/** A query path. */
export const q = (soql: string): string => v(`/query?q=${encodeURIComponent(soql)}`);
