/**
 * End to end: the Resync app's real screens in Chromium, served by the offline org's host (`npm start` with fresh
 * data on a free port), every Apex call answered by the package's Apex in the offline org. Any console error,
 * uncaught page error, failed request or HTTP error fails the test; the target org's records are checked after each
 * step; full-page screenshots land in artifacts/screenshots/.
 *
 * Smoke: each app tab opens and renders with no error; the utility bar's launcher opens; the host's Settings page
 * switches the target's fault injection. User flows (Execute, Data Resync, launcher) are added as tests below with
 * the helpers of e2e-helpers.ts.
 *
 * Run: node --import tsx --test scripts/host/e2e.test.ts   (E2E_VERBOSE=1 prints the host's console)
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ShellModel } from '../../offline-org/src/host/client/model.js';
import { AppPage, HostProcess } from './e2e-helpers.js';

let host: HostProcess;
let app: AppPage;
let model: ShellModel;

before(async () => {
    host = await HostProcess.start();
    model = await host.get<ShellModel>('/host/api/model');
    app = await AppPage.open(host);
});

after(async () => {
    await app?.close();
    await host?.stop();
});

/** Fails with everything that went wrong on the page or in the host since the last check. */
function assertClean(step: string): void {
    const problems = [...app.takeProblems(), ...host.failures()];
    assert.deepEqual(problems, [], `${step}: the page or the host reported problems`);
}

test('the demo org and an empty target are ready', async () => {
    assert.ok((await host.count('source', 'Account')) >= 100, 'demo Accounts in the source org');
    assert.ok((await host.count('source', 'Office__c')) > 0, 'demo Office__c records (demo-app objects)');
    assert.equal(await host.count('Resync_Target', 'Account'), 0, 'the target org starts empty');
    assert.ok(model.tabs.length >= 1, 'the app has tabs');
});

test('every app tab renders with no error', async () => {
    for (const tab of model.tabs) {
        await app.openTab(tab.label);
        const page = app.page.locator(`.host-page[data-page="${tab.page?.name ?? ''}"]`);
        await page.waitFor({ timeout: 10_000 });
        for (const c of tab.page?.components ?? []) {
            const element = page.locator(c.tag).first();
            await element.waitFor({ timeout: 10_000 });
            // Structural types: the scripts are type-checked without the DOM library.
            type Rendered = { shadowRoot: { childNodes: { length: number } } | null; childNodes: { length: number } };
            const rendered = await element.evaluate((node: unknown) => {
                const n = node as Rendered;
                return (n.shadowRoot?.childNodes.length ?? n.childNodes.length) > 0;
            });
            assert.ok(rendered, `${tab.label}: <${c.tag}> rendered something`);
        }
        await app.screenshot(`tab-${tab.name}`);
        assertClean(`tab ${tab.label}`);
        assert.equal(await host.count('Resync_Target', 'Account'), 0, `${tab.label}: opening a tab writes nothing`);
    }
});

test('the utility bar opens its components', async () => {
    for (const item of model.utilityItems) {
        await app.page.click(`button[data-utility="${item.component.bundle}"]`);
        const panel = app.page.locator(`[data-utility-panel="${item.component.bundle}"]`);
        await panel.waitFor({ state: 'visible', timeout: 10_000 });
        await app.settle();
        await app.screenshot(`utility-${item.component.bundle}`);
        assertClean(`utility item ${item.label}`);
        await app.page.click(`button[data-utility="${item.component.bundle}"]`);
    }
});

test('the host settings page switches the target fault injection', async () => {
    await app.openTab('Host settings');
    const card = app.page.locator('[data-target="Resync_Target"]');
    await card.waitFor();
    await card.locator('input[name="lockShare"]').fill('0.3');
    await card.locator('button[data-action="apply"]').click();
    await app.page.waitForFunction(
        `document.querySelector('[data-target="Resync_Target"] input[name="lockShare"]')?.value === '0.3'`,
    );
    const settings = await host.get<{ targets: { name: string; lockShare: number; remaining: number }[] }>(
        '/host/api/settings',
    );
    assert.equal(settings.targets[0].lockShare, 0.3);
    await card.locator('button[data-action="near-limit"]').click();
    await app.page.waitForFunction(
        `document.querySelector('[data-target="Resync_Target"] .host-target-status')?.textContent?.includes('(20 left)')`,
    );
    await app.screenshot('host-settings');
    await card.locator('button[data-action="clear"]').click();
    await app.settle();
    const cleared = await host.get<{ targets: { lockShare: number; remaining: number }[] }>('/host/api/settings');
    assert.equal(cleared.targets[0].lockShare, 0);
    assertClean('host settings');
});
