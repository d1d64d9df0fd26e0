/**
 * The named-credential and remote-site tables: `callout:Name/path` resolves against a named credential's URL (and
 * adds its headers); a plain URL must start with a remote site's URL. Loaded from a JSON file of the offline org's
 * config (`{ "namedCredentials": { "Name": { "url": "...", "headers": { ... } } }, "remoteSites": ["https://..."] }`)
 * and from the project's `namedCredentials/*.namedCredential-meta.xml` (`<endpoint>`, or a `Url` parameter) and
 * `remoteSiteSettings/*.remoteSite-meta.xml` (`<url>`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { raise } from '../async/platform-exception.js';

export interface NamedCredential {
    name: string;
    url: string;
    headers: Record<string, string>;
}

export interface ResolvedEndpoint {
    url: string;
    headers: Record<string, string>;
    namedCredential: string | null;
}

export class EndpointTable {
    private readonly credentials = new Map<string, NamedCredential>();
    private readonly remoteSites: string[] = [];

    private readonly listeners: ((c: NamedCredential) => void)[] = [];

    addNamedCredential(c: NamedCredential): void {
        this.credentials.set(c.name.toLowerCase(), c);
        for (const listener of this.listeners) listener(c);
    }

    /** The named credentials known so far. */
    namedCredentials(): NamedCredential[] {
        return [...this.credentials.values()];
    }

    /** Calls `listener` for each named credential added from now on. */
    onNamedCredential(listener: (c: NamedCredential) => void): void {
        this.listeners.push(listener);
    }

    addRemoteSite(url: string): void {
        this.remoteSites.push(url.replace(/\/+$/, '').toLowerCase());
    }

    /** Resolves an endpoint as Http.send would; `checkRemoteSites` is off for mocked callouts in tests. */
    resolve(endpoint: string, checkRemoteSites: boolean): ResolvedEndpoint {
        const m = /^callout:([A-Za-z0-9_]+(?:__[A-Za-z0-9_]+)?)(.*)$/.exec(endpoint);
        if (m) {
            const credential = this.credentials.get(m[1].toLowerCase());
            if (!credential) {
                raise(
                    'CalloutException',
                    `The callout couldn't access the endpoint. You might not have the required permissions, or the named credential "${m[1]}" might not exist.`,
                );
            }
            const rest = m[2];
            const base = credential.url.replace(/\/+$/, '');
            const url =
                rest === '' ? base : rest.startsWith('/') || rest.startsWith('?') ? base + rest : `${base}/${rest}`;
            return { url, headers: { ...credential.headers }, namedCredential: credential.name };
        }
        if (!/^https?:\/\//i.test(endpoint)) raise('CalloutException', `no protocol: ${endpoint}`);
        if (checkRemoteSites && !this.isRemoteSite(endpoint)) {
            raise(
                'CalloutException',
                `Unauthorized endpoint, please check Setup->Security->Remote site settings. endpoint = ${endpoint}`,
            );
        }
        return { url: endpoint, headers: {}, namedCredential: null };
    }

    private isRemoteSite(endpoint: string): boolean {
        const url = endpoint.toLowerCase();
        return this.remoteSites.some(
            (site) => url === site || url.startsWith(`${site}/`) || url.startsWith(`${site}?`),
        );
    }

    /** Reads the offline org's JSON config. */
    loadJson(text: string): void {
        const data = JSON.parse(text) as {
            namedCredentials?: Record<string, { url?: unknown; headers?: unknown }>;
            remoteSites?: unknown;
        };
        for (const [name, value] of Object.entries(data.namedCredentials ?? {})) {
            if (typeof value.url !== 'string') throw new Error(`named credential ${name}: "url" must be a string`);
            const headers: Record<string, string> = {};
            if (value.headers && typeof value.headers === 'object') {
                for (const [k, v] of Object.entries(value.headers)) headers[k] = String(v);
            }
            this.addNamedCredential({ name, url: value.url, headers });
        }
        if (Array.isArray(data.remoteSites)) for (const site of data.remoteSites) this.addRemoteSite(String(site));
    }

    /** Reads `namedCredentials/` and `remoteSiteSettings/` folders found anywhere under `dir`. */
    loadProject(dir: string): void {
        for (const file of walk(dir)) {
            if (file.endsWith('.namedCredential-meta.xml')) {
                const xml = readFileSync(file, 'utf8');
                const url = tag(xml, 'endpoint') ?? urlParameter(xml);
                if (url)
                    this.addNamedCredential({ name: basename(file, '.namedCredential-meta.xml'), url, headers: {} });
            } else if (file.endsWith('.remoteSite-meta.xml')) {
                const xml = readFileSync(file, 'utf8');
                const url = tag(xml, 'url');
                if (url && tag(xml, 'isActive') !== 'false') this.addRemoteSite(url);
            }
        }
    }
}

function tag(xml: string, name: string): string | null {
    const m = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml);
    return m ? m[1].trim() : null;
}

/** A newer named credential keeps its URL as `<namedCredentialParameters>` with parameterType Url. */
function urlParameter(xml: string): string | null {
    for (const m of xml.matchAll(/<namedCredentialParameters>([\s\S]*?)<\/namedCredentialParameters>/g)) {
        if (tag(m[1], 'parameterType') === 'Url') return tag(m[1], 'parameterValue');
    }
    return null;
}

function* walk(dir: string): Generator<string> {
    for (const entry of readdirSync(dir)) {
        if (entry === 'node_modules' || entry.startsWith('.')) continue;
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) yield* walk(path);
        else yield path;
    }
}
