/**
 * Attaches a target org to an offline org: a second org of the same schema (target-org.ts) served by the REST face
 * at `https://<credential>.target.offline`, with the named credential pointed there, so the package's callouts to
 * `callout:<credential>/services/data/...` outside tests reach it. Both orgs share the source org's clock.
 */
import type { OfflineOrg } from '../org/open-org.js';
import { RestFace } from './rest-face.js';
import { TargetEndpoint } from './target-endpoint.js';
import type { TargetEndpointOptions } from './target-endpoint.js';
import { TargetOrg } from './target-org.js';

export interface AttachOptions extends TargetEndpointOptions {
    /** `:memory:` (default) or a directory for the target's database file. */
    location?: string;
}

export interface AttachedTarget {
    namedCredential: string;
    baseUrl: string;
    org: TargetOrg;
    endpoint: TargetEndpoint;
}

/** The base URL the REST face serves a named credential's target at. */
export function targetBaseUrl(namedCredential: string): string {
    return `https://${namedCredential.toLowerCase().replace(/_/g, '-')}.target.offline`;
}

export function attachTargetOrg(org: OfflineOrg, namedCredential: string, options: AttachOptions = {}): AttachedTarget {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(namedCredential))
        throw new Error(`not a named credential name: ${namedCredential}`);
    const http = org.platform.http;
    const current = http.transport;
    const face = current instanceof RestFace ? current : new RestFace(current);
    if (face !== current) http.useTransport(face);
    const clock = (): number => org.clock.now();
    const target = new TargetOrg(namedCredential, org.store.schema, {
        location: options.location,
        clock,
        timeZone: org.store.timeZone,
    });
    const endpoint = new TargetEndpoint(target, clock, options);
    const baseUrl = targetBaseUrl(namedCredential);
    face.serve(baseUrl, endpoint);
    http.endpoints.addNamedCredential({ name: namedCredential, url: baseUrl, headers: {} });
    return { namedCredential, baseUrl, org: target, endpoint };
}
