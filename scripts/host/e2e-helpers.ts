/**
 * Helpers of the end-to-end tests of the host: start the host as `npm start` does (a separate process on a free
 * port, fresh data in a temporary folder), drive Debian's Chromium through playwright-core like a user, collect every
 * page console error, uncaught page error, failed request and HTTP error status (the test fails on any), query the
 * orgs' records through the host's debug endpoint, and save full-page screenshots under artifacts/screenshots/.
 *
 * A user flow reads like: `await page.openTab('Execute'); await page.clickButton('Start');
 * await host.waitForRun((r) => r.State__c === 'Completed'); assert.equal(await host.count('Resync_Target', 'Account'), 100)`.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { repoRoot } from '../lib/project.js';

export const SCREENSHOTS = join(repoRoot, 'artifacts', 'screenshots');

export type Row = Record<string, unknown>;

/** The host, started as a process of its own. */
export class HostProcess {
    readonly lines: string[] = [];
    url = '';
    private readonly waiters: { re: RegExp; resolve: (line: string) => void }[] = [];

    private constructor(
        private readonly proc: ChildProcess,
        readonly dataDir: string,
    ) {}

    /** Starts `scripts/host/start.ts --port 0 --reset --fast-delays` on fresh data; resolves once it serves. */
    static async start(options: { timeoutMs?: number; extraArgs?: string[] } = {}): Promise<HostProcess> {
        const dataDir = mkdtempSync(join(tmpdir(), 'resync-host-e2e-'));
        const proc = spawn(
            process.execPath,
            [
                '--import',
                'tsx',
                'scripts/host/start.ts',
                '--port',
                '0',
                '--data',
                dataDir,
                '--reset',
                '--fast-delays',
                ...(options.extraArgs ?? []),
            ],
            { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
        );
        const host = new HostProcess(proc, dataDir);
        const onData = (chunk: Buffer): void => {
            for (const line of chunk.toString('utf8').split('\n')) {
                if (line.trim() === '') continue;
                host.lines.push(line);
                if (process.env['E2E_VERBOSE']) console.log(`  host| ${line}`);
                for (const w of [...host.waiters]) {
                    if (w.re.test(line)) {
                        host.waiters.splice(host.waiters.indexOf(w), 1);
                        w.resolve(line);
                    }
                }
            }
        };
        proc.stdout?.on('data', onData);
        proc.stderr?.on('data', onData);
        const exited = new Promise<never>((_, reject) =>
            proc.once('exit', (code) =>
                reject(new Error(`the host exited (${String(code)}):\n${host.lines.slice(-20).join('\n')}`)),
            ),
        );
        const ready = await Promise.race([
            host.waitForLine(/Resync is at (http:\S+)\//, options.timeoutMs ?? 150_000),
            exited,
        ]);
        host.url = /Resync is at (http:\S+?)\/?\s/.exec(ready + ' ')?.[1] ?? '';
        return host;
    }

    /** Resolves with the first host console line (from now on) matching `re`. */
    waitForLine(re: RegExp, timeoutMs = 30_000): Promise<string> {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(
                () => reject(new Error(`no host line ${re.source} within ${timeoutMs} ms`)),
                timeoutMs,
            );
            this.waiters.push({
                re,
                resolve: (line) => {
                    clearTimeout(timer);
                    resolve(line);
                },
            });
        });
    }

    /** Host console lines that report a failure the page may not show. */
    failures(): string[] {
        return this.lines.filter((l) => /^(ASYNC FAILURE|HOST ERROR|APEX )/.test(l));
    }

    async post<T>(path: string, body: unknown): Promise<T> {
        const r = await fetch(this.url + path, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify(body),
        });
        const answer = (await r.json()) as T & { message?: string };
        if (!r.ok) throw new Error(`${path}: ${answer.message ?? r.status}`);
        return answer;
    }

    async get<T>(path: string): Promise<T> {
        const r = await fetch(this.url + path);
        return (await r.json()) as T;
    }

    /** Rows of a SOQL query on the source org (`source`) or a target org (its named credential), in system mode. */
    async query(org: string, soql: string): Promise<Row[]> {
        return (await this.post<{ records: Row[] }>('/host/api/query', { org, soql })).records;
    }

    async count(org: string, objectName: string, where = ''): Promise<number> {
        const r = await this.post<{ totalSize: number }>('/host/api/query', {
            org,
            soql: `SELECT COUNT() FROM ${objectName}${where ? ` WHERE ${where}` : ''}`,
        });
        return r.totalSize;
    }

    /** Waits until a run (the latest by default) passes `until`; returns it. */
    async waitForRun(until: (run: Row) => boolean, timeoutMs = 30_000): Promise<Row> {
        const started = Date.now();
        for (;;) {
            const [run] = await this.query(
                'source',
                'SELECT Id, Name, Mode__c, State__c, StateReason__c, Inserted__c, Updated__c, Failed__c FROM SyncRun__c ORDER BY CreatedDate DESC, Name DESC LIMIT 1',
            );
            if (run && until(run)) return run;
            if (Date.now() - started > timeoutMs)
                throw new Error(`the run did not get there in ${timeoutMs} ms: ${JSON.stringify(run ?? null)}`);
            await new Promise((r) => setTimeout(r, 250));
        }
    }

    async stop(): Promise<void> {
        if (this.proc.exitCode === null) {
            const exited = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
            this.proc.kill('SIGINT');
            await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
            if (this.proc.exitCode === null) this.proc.kill('SIGKILL');
        }
        rmSync(this.dataDir, { recursive: true, force: true });
    }
}

/** Chromium driven like a user, recording everything that went wrong on the page. */
export class AppPage {
    /** Console errors, uncaught errors, failed requests, HTTP error statuses. */
    readonly problems: string[] = [];
    private shots = 0;

    private constructor(
        private readonly browser: BrowserContext,
        readonly page: Page,
        private readonly host: HostProcess,
        private readonly profile: string,
    ) {}

    static async open(host: HostProcess): Promise<AppPage> {
        const profile = mkdtempSync(join(tmpdir(), 'resync-chromium-'));
        // A fresh profile folder each time (Chromium's --user-data-dir).
        const browser = await chromium.launchPersistentContext(profile, {
            executablePath: '/usr/bin/chromium',
            viewport: { width: 1366, height: 900 },
            args: [
                '--headless',
                '--no-sandbox',
                '--disable-gpu',
                '--disable-background-networking',
                '--disable-component-update',
                '--disable-sync',
                '--no-first-run',
            ],
        });
        const page = browser.pages()[0] ?? (await browser.newPage());
        const app = new AppPage(browser, page, host, profile);
        page.on('console', (m) => {
            if (m.type() === 'error') app.problems.push(`console error: ${m.text()}`);
        });
        page.on('pageerror', (e) => app.problems.push(`page error: ${e.message}`));
        page.on('requestfailed', (r) => {
            // The event stream is cut when the page goes away: not a failure of the product.
            if (r.url().endsWith('/host/events')) return;
            app.problems.push(`request failed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`);
        });
        page.on('response', (r) => {
            if (r.status() >= 400) app.problems.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`);
        });
        rmSync(SCREENSHOTS, { recursive: true, force: true });
        mkdirSync(SCREENSHOTS, { recursive: true });
        await page.goto(host.url + '/');
        await page.waitForSelector('.host-context-bar');
        return app;
    }

    /** Clicks the app tab with this label and waits for its page to render and settle. */
    async openTab(label: string): Promise<void> {
        await this.page.click(`.host-context-bar a:text-is("${label}")`);
        await this.page.waitForSelector('.host-page, .host-settings, .host-error');
        await this.settle();
    }

    /** Waits until no Apex call is in flight for a moment (the page has its data). */
    async settle(quietMs = 400, timeoutMs = 20_000): Promise<void> {
        await this.page.waitForLoadState('networkidle', { timeout: timeoutMs }).catch(() => undefined);
        await this.page.waitForTimeout(quietMs);
    }

    /** Clicks the button with this label (lightning-button or a plain button), inside shadow trees too. */
    async clickButton(label: string): Promise<void> {
        await this.page.getByRole('button', { name: label, exact: true }).first().click();
    }

    async waitForText(text: string, timeoutMs = 20_000): Promise<void> {
        await this.page.getByText(text).first().waitFor({ timeout: timeoutMs });
    }

    /** The toasts on the page now, as `variant: title message`. */
    async toasts(): Promise<string[]> {
        return this.page.evaluate<string[]>(
            `[...document.querySelectorAll('.host-toasts .slds-notify_toast')].map(
                (n) => (n.getAttribute('data-variant') ?? '') + ': ' + (n.textContent ?? '').trim())`,
        );
    }

    /**
     * A full-page screenshot `NN-name.png` under artifacts/screenshots/; returns its path. The viewport is grown to
     * the page's height for the shot, so the utility bar (fixed to the window's bottom) is drawn at the bottom.
     */
    async screenshot(name: string): Promise<string> {
        const file = join(SCREENSHOTS, `${String(++this.shots).padStart(2, '0')}-${name}.png`);
        const viewport = this.page.viewportSize() ?? { width: 1366, height: 900 };
        const height = await this.page.evaluate<number>('document.documentElement.scrollHeight');
        await this.page.setViewportSize({ width: viewport.width, height: Math.max(viewport.height, height) });
        await this.page.screenshot({ path: file });
        await this.page.setViewportSize(viewport);
        return file;
    }

    /** Problems since the last call (and forgets them). */
    takeProblems(): string[] {
        return this.problems.splice(0, this.problems.length);
    }

    async close(): Promise<void> {
        await this.browser.close();
        rmSync(this.profile, { recursive: true, force: true });
        void this.host;
    }
}

/** The rows of a CSV text, RFC 4180: a quoted field may hold commas, line breaks and doubled quotes. */
export function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    const endField = (): void => {
        row.push(field);
        field = '';
    };
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quoted) {
            if (c === '"' && text[i + 1] === '"') {
                field += '"';
                i++;
            } else if (c === '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c === '"') {
            quoted = true;
        } else if (c === ',') {
            endField();
        } else if (c === '\n' || c === '\r') {
            if (c === '\r' && text[i + 1] === '\n') i++;
            endField();
            rows.push(row);
            row = [];
        } else {
            field += c;
        }
    }
    if (field !== '' || row.length > 0) {
        endField();
        rows.push(row);
    }
    return rows;
}
