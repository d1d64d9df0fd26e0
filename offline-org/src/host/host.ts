/**
 * The LWC host: a project's real Lightning web components in a browser without an org. It opens the offline org
 * (the project's Apex and objects over a SQLite file in the data folder), attaches target orgs behind named
 * credentials (the REST face), builds the page bundle (build.ts) for one Lightning app of the project, and serves on
 * loopback:
 *
 * | route                         | what                                                                        |
 * | ----------------------------- | --------------------------------------------------------------------------- |
 * | `/`, `/lightning/...`         | the app's page (tabs, utility bar, record pages), `/host/settings`          |
 * | `/host/app.js`                | the bundle                                                                  |
 * | `/assets/...`                 | SLDS (CSS, icons, fonts) from @salesforce-ux/design-system                  |
 * | `POST /host/apex`             | the Apex bridge (apex-bridge.ts)                                            |
 * | `GET /host/events`            | platform events as server-sent events (event-stream.ts)                     |
 * | `GET/POST /host/api/settings` | fault injection of each target org, the async queue                         |
 * | `POST /host/api/query`        | debug: `{org: 'source' or a named credential, soql}` → rows (system mode)   |
 * | `GET /host/api/status`        | debug: the async queue, steps run, events sent                              |
 * | `GET /host/api/model`         | the app's tabs, pages and components as the page shows them                 |
 *
 * The org's async queue is run in the background by the pump (async-pump.ts) and saved to the data folder after
 * every step and every committed call (async-persistence in src/org), so a restart resumes it.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { openOrg } from '../org/open-org.js';
import type { OfflineOrg } from '../org/open-org.js';
import { attachTargetOrg } from '../rest/attach-target.js';
import type { AttachedTarget } from '../rest/attach-target.js';
import type { TargetEndpointOptions } from '../rest/target-endpoint.js';
import { AsyncQueueStore } from '../org/async-persistence.js';
import { callApex, parseApexCall } from './apex-bridge.js';
import { readProjectUi } from './app-metadata.js';
import { AsyncPump } from './async-pump.js';
import { buildHostBundle } from './build.js';
import type { BuildResult } from './build.js';
import { EventStream } from './event-stream.js';

export interface HostTarget {
    namedCredential: string;
    options?: TargetEndpointOptions;
}

export interface HostOptions {
    /** Package directories: the project's, plus any unpackaged source folder (demo objects) to load. */
    dirs: string[];
    /** The Lightning app to show (default: the first found). */
    app?: string;
    /** 0 picks a free port. */
    port: number;
    dataDir: string;
    /** Start from a fresh org (deletes the data folder's org files). */
    reset?: boolean;
    targets?: HostTarget[];
    /** Run once on a fresh org (demo data), after the targets are attached. */
    seed?: (org: OfflineOrg, targets: AttachedTarget[]) => void;
    fastDelays?: boolean;
    /** Where the bundle is written (default `<dataDir>/build`). */
    buildDir?: string;
    /** LWC mode (default development). */
    mode?: 'development' | 'production';
    log?: (line: string) => void;
    /** After every committed Apex call and every async step (to report state changes). */
    afterChange?: (org: OfflineOrg) => void;
}

export interface RunningHost {
    url: string;
    org: OfflineOrg;
    targets: AttachedTarget[];
    pump: AsyncPump;
    events: EventStream;
    build: BuildResult;
    /** Whether the org was created (and seeded) by this start. */
    fresh: boolean;
    /** Jobs taken up again from the data folder. */
    resumed: number;
    close(): Promise<void>;
}

const TYPES: Record<string, string> = {
    '.css': 'text/css; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.map': 'application/json; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2',
    '.html': 'text/html; charset=utf-8',
};

const PAGE_STYLE = `
[hidden] { display: none !important; }
body { background: #b0c4df; min-height: 100vh; margin: 0; }
.host-context-bar { position: sticky; top: 0; z-index: 10; }
.host-main { padding-bottom: 4rem; }
.host-utility-bar { position: fixed; left: 0; right: 0; bottom: 0; height: 2.5rem; background: #fff; z-index: 20; }
.host-utility-panel { position: fixed; left: 0.5rem; bottom: 2.5rem; z-index: 21; background: #fff; overflow: auto; }
.host-toasts { position: fixed; top: 3.5rem; left: 0; right: 0; z-index: 30; }
.host-error { margin-bottom: 0.5rem; }
`;

function indexHtml(title: string): string {
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title.replace(/[<&]/g, '')}</title>
<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css">
<style>${PAGE_STYLE}</style>
</head>
<body class="slds-scope">
<div id="host-root"></div>
<script type="module" src="/host/app.js"></script>
</body>
</html>
`;
}

function readBody(req: IncomingMessage): Promise<string> {
    return new Promise((resolveBody, reject) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
        req.on('error', reject);
    });
}

function json(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'Content-Type': TYPES['.json'], 'Cache-Control': 'no-store' });
    res.end(JSON.stringify(body));
}

function sendFile(res: ServerResponse, file: string): void {
    if (!existsSync(file) || !statSync(file).isFile()) {
        json(res, 404, { message: 'not found' });
        return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
}

function numberOr(value: unknown, fallback: number): number {
    return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
    const log = options.log ?? ((line: string) => console.log(line));
    const dataDir = resolve(options.dataDir);
    const sourceFile = join(dataDir, 'source.sqlite');
    if (options.reset && existsSync(dataDir)) {
        for (const f of ['source.sqlite', ...(options.targets ?? []).map((t) => `${t.namedCredential}.sqlite`)]) {
            rmSync(join(dataDir, f), { force: true });
            rmSync(join(dataDir, `${f}-wal`), { force: true });
            rmSync(join(dataDir, `${f}-shm`), { force: true });
        }
    }
    mkdirSync(dataDir, { recursive: true });
    const fresh = !existsSync(sourceFile);
    const org = openOrg(options.dirs, {}, sourceFile);
    const queueStore = new AsyncQueueStore(org);
    const resumed = fresh ? 0 : queueStore.restore();
    const targets = (options.targets ?? []).map((t) =>
        attachTargetOrg(org, t.namedCredential, { ...t.options, location: dataDir }),
    );
    if (fresh && options.seed) {
        options.seed(org, targets);
        queueStore.save();
    }

    const ui = readProjectUi(options.dirs);
    const app = options.app ? ui.apps.find((a) => a.name === options.app) : ui.apps[0];
    if (!app) {
        throw new Error(
            options.app
                ? `no Lightning app ${options.app} in applications/ (found: ${ui.apps.map((a) => a.name).join(', ') || 'none'})`
                : 'the project has no Lightning app (applications/*.app-meta.xml)',
        );
    }
    const buildDir = resolve(options.buildDir ?? join(dataDir, 'build', app.name));
    const build = await buildHostBundle({
        ui,
        app,
        targets: targets.map((t) => t.namedCredential),
        userId: org.store.defaultUserId,
        outDir: buildDir,
        mode: options.mode,
    });
    for (const w of build.warnings) log(`build warning: ${w}`);
    for (const p of build.problems) log(`app problem: ${p}`);

    const events = new EventStream();
    org.platform.async.host.eventListeners.push((objectName, list) =>
        events.deliver(org.rt, objectName, list, org.platform.userId, org.clock.now()),
    );
    const changed = (): void => {
        queueStore.save();
        options.afterChange?.(org);
    };
    const pump = new AsyncPump(org, {
        fastDelays: options.fastDelays,
        afterStep: changed,
        onBackgroundError: (m) => log(`ASYNC FAILURE ${m}`),
    });

    const sldsAssets = join(
        createRequire(import.meta.url).resolve('@salesforce-ux/design-system/package.json'),
        '..',
        'assets',
    );
    const html = indexHtml(`${app.label} | Offline org`);

    const settings = (): unknown => ({
        targets: targets.map((t) => ({
            name: t.namedCredential,
            lockShare: t.endpoint.faults.lockShare,
            unavailableShare: t.endpoint.faults.unavailableShare,
            stormLeft: t.endpoint.faults.stormRemaining,
            dailyAllowance: t.endpoint.usage.allowance,
            used: t.endpoint.usage.used(),
            remaining: t.endpoint.usage.remaining(),
            calls: t.endpoint.log.length,
        })),
        async: {
            queued: org.platform.async.engine.queued().length,
            fastDelays: options.fastDelays === true,
            skippedMs: org.clock.skipped(),
        },
    });

    const changeSettings = (body: Record<string, unknown>): string | null => {
        const target = targets.find((t) => t.namedCredential === body['target']);
        if (!target) return `no target org behind ${String(body['target'])}`;
        const faults = target.endpoint.faults;
        const usage = target.endpoint.usage;
        const share = (name: 'lockShare' | 'unavailableShare'): string | null => {
            if (body[name] === undefined) return null;
            const v = numberOr(body[name], NaN);
            if (!(v >= 0 && v <= 1)) return `${name} must be between 0 and 1`;
            faults[name] = v;
            return null;
        };
        const problem = share('lockShare') ?? share('unavailableShare');
        if (problem) return problem;
        if (body['storm'] !== undefined) faults.storm(Math.max(0, Math.trunc(numberOr(body['storm'], 0))));
        if (body['dailyAllowance'] !== undefined) {
            const max = Math.trunc(numberOr(body['dailyAllowance'], NaN));
            if (!(max > 0)) return 'dailyAllowance must be a positive count';
            usage.allowance = max;
        }
        if (body['remaining'] !== undefined) {
            const left = Math.trunc(numberOr(body['remaining'], NaN));
            if (!(left >= 0)) return 'remaining must be a count';
            usage.reset();
            usage.preset(Math.max(0, usage.allowance - left));
        }
        log(
            `host settings: ${target.namedCredential} lockShare=${faults.lockShare} unavailableShare=${faults.unavailableShare} ` +
                `${usage.header()}` +
                (faults.stormRemaining > 0 ? `, storm of ${faults.stormRemaining} calls` : ''),
        );
        return null;
    };

    const storeOf = (name: unknown): OfflineOrg['store'] | null => {
        if (name === undefined || name === 'source') return org.store;
        return targets.find((t) => t.namedCredential === name)?.org.store ?? null;
    };

    const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
        const url = new URL(req.url ?? '/', 'http://host');
        const path = url.pathname;
        if (req.method === 'POST' && path === '/host/apex') {
            let call;
            try {
                call = parseApexCall(await readBody(req));
            } catch (e) {
                json(res, 400, { body: { message: (e as Error).message } });
                return;
            }
            const answer = callApex(org, call);
            if (answer.status === 200) changed();
            if (answer.body.offlineOrg) {
                log(`APEX ${call.classname}.${call.method}: ${JSON.stringify(answer.body.body)}`);
            }
            pump.poke();
            // As Lightning's own transport: HTTP 200 whatever the outcome; the call's status is in the answer.
            json(res, 200, { status: answer.status, ...answer.body });
            return;
        }
        if (path === '/host/events') {
            events.open(req, res);
            return;
        }
        if (path === '/host/api/settings') {
            if (req.method === 'POST') {
                const problem = changeSettings(JSON.parse(await readBody(req)) as Record<string, unknown>);
                if (problem) {
                    json(res, 400, { message: problem });
                    return;
                }
            }
            json(res, 200, settings());
            return;
        }
        if (path === '/host/api/query' && req.method === 'POST') {
            const body = JSON.parse(await readBody(req)) as { org?: string; soql?: string };
            const store = storeOf(body.org);
            if (!store || typeof body.soql !== 'string') {
                json(res, 400, { message: 'needs {org: "source" or a named credential, soql}' });
                return;
            }
            try {
                const r = store.query(body.soql);
                json(res, 200, { totalSize: r.totalSize, records: r.rows });
            } catch (e) {
                json(res, 400, { message: (e as Error).message });
            }
            return;
        }
        if (path === '/host/api/model') {
            json(res, 200, build.model);
            return;
        }
        if (path === '/host/api/status') {
            json(res, 200, {
                steps: pump.steps,
                queued: org.platform.async.engine.queued().map((j) => ({ id: j.Id, className: j.ApexClassName })),
                events: events.recent.length,
                clockSkippedMs: org.clock.skipped(),
            });
            return;
        }
        if (path === '/host/app.js' || path === '/host/app.js.map') {
            sendFile(res, join(buildDir, path.slice('/host/'.length)));
            return;
        }
        if (path.startsWith('/assets/')) {
            const file = normalize(join(sldsAssets, decodeURIComponent(path.slice('/assets/'.length))));
            if (!file.startsWith(sldsAssets)) json(res, 404, { message: 'not found' });
            else sendFile(res, file);
            return;
        }
        if (path === '/favicon.ico') {
            res.writeHead(204);
            res.end();
            return;
        }
        if (req.method === 'GET' && (path === '/' || path.startsWith('/lightning/') || path === '/host/settings')) {
            res.writeHead(200, { 'Content-Type': TYPES['.html'] });
            res.end(html);
            return;
        }
        json(res, 404, { message: `no such page: ${path}` });
    };

    const server: Server = createServer((req, res) => {
        handle(req, res).catch((e: unknown) => {
            log(
                `HOST ERROR ${req.method ?? ''} ${req.url ?? ''}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
            );
            if (!res.headersSent) json(res, 500, { message: e instanceof Error ? e.message : String(e) });
            else res.end();
        });
    });
    await new Promise<void>((ok, fail) => {
        server.once('error', fail);
        server.listen(options.port, '127.0.0.1', () => ok());
    });
    const port = (server.address() as AddressInfo).port;
    pump.start();

    const close = async (): Promise<void> => {
        pump.stop();
        events.close();
        const closed = new Promise<void>((ok) => server.close(() => ok()));
        server.closeAllConnections();
        await closed;
        queueStore.save();
        for (const t of targets) t.org.close();
        org.store.close();
    };
    return { url: `http://127.0.0.1:${port}`, org, targets, pump, events, build, fresh, resumed, close };
}
