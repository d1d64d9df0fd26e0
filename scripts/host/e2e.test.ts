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
import { readFileSync } from 'node:fs';
import { after, afterEach, before, test } from 'node:test';
import type { ShellModel } from '../../offline-org/src/index.js';
import { AppPage, HostProcess, parseCsv } from './e2e-helpers.js';

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

// E2E_VERBOSE=1: a screenshot after each test, to see where a failing one stopped.
afterEach(async () => {
    if (process.env['E2E_VERBOSE']) await app.screenshot('after-test');
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

// ---- User flows, in the order a new admin would take them. Each checks the target org's records after its step.

const ENDED = ['Completed', 'CompletedWithErrors', 'Failed', 'Cancelled', 'RolledBack'];
const SOURCE_OBJECTS = ['Account', 'Contact', 'Case', 'Opportunity', 'Office__c', 'Region__c'];

/** The latest run once it has ended. */
async function endedRun(mode: string, timeoutMs = 120_000): Promise<Record<string, unknown>> {
    return host.waitForRun((r) => r['Mode__c'] === mode && ENDED.includes(String(r['State__c'])), timeoutMs);
}

/** What a run's errors were, per object and code (for assertion messages). */
async function errorSummary(run: Record<string, unknown>): Promise<string> {
    const pages = await host.query(
        'source',
        `SELECT ObjectApiName__c, StatusCode__c, ErrorCount__c, Errors__c FROM RecordErrorPage__c WHERE Run__c = '${String(run['Id'])}'`,
    );
    const errors = pages[0]?.['Errors__c'];
    const first = typeof errors === 'string' ? errors.slice(0, 300) : '';
    return `${String(run['StateReason__c'])} ${pages
        .map((p) => `${String(p['ObjectApiName__c'])} ${String(p['StatusCode__c'])} ×${String(p['ErrorCount__c'])}`)
        .join(', ')} ${first}`;
}

/** Records per object in an org. */
async function countsIn(org: string): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const o of SOURCE_OBJECTS) counts[o] = await host.count(org, o);
    return counts;
}

test('Settings: an admin sets the target to give up on transient errors at once', async () => {
    await app.openTab('Settings');
    await app.page.locator('c-target-settings [data-id="edit"]').first().click();
    const retries = app.page.locator('c-target-settings [data-field="maxTransientRetries"] input');
    await retries.fill('0');
    await app.page.locator('c-target-settings [data-id="save"]').click();
    await app.waitForText('Target Offline sandbox saved.');
    const [target] = await host.query('source', 'SELECT MaxTransientRetries__c FROM SyncTarget__c');
    assert.equal(target?.['MaxTransientRetries__c'], 0, 'saved in the org');
    await app.screenshot('settings-target-saved');
    assertClean('settings');
});

test('Execute: test the connection, read the migration order, validate, then start and watch to the end', async () => {
    await app.openTab('Execute');
    const execute = app.page.locator('c-execute-screen');
    await execute.locator('c-target-picker lightning-combobox').click();
    await app.page.getByRole('option', { name: 'Offline sandbox' }).click();
    await app.settle();
    await execute.getByRole('button', { name: 'Test Connection' }).click();
    await execute.locator('c-target-picker [data-id="status"] > span:text-is("Connected")').waitFor();
    await execute.getByRole('button', { name: 'Preview plan' }).click();
    const order = execute.locator('c-migration-order');
    await order.waitFor();
    await app.settle();
    const orderRows = await order.locator('tbody tr').allInnerTexts();
    assert.equal(orderRows.length, SOURCE_OBJECTS.length, 'one row per enabled object');
    assert.ok(orderRows[0]?.includes('Account'), `Account is written first: ${orderRows[0] ?? ''}`);
    assert.ok(
        orderRows.some((r) => r.includes('ParentId: written in a second pass because it points to its own object')),
        'the self lookup of Account is explained',
    );
    assert.ok(
        orderRows.some((r) => /written in a second pass because it closes a cycle/.test(r)),
        'the Office/Region cycle is explained',
    );
    await app.screenshot('execute-plan');

    await execute.getByRole('button', { name: 'Validate run' }).click();
    const validated = await endedRun('Validate');
    assert.equal(
        validated['State__c'],
        'Completed',
        `a first sync validates clean: ${String(validated['StateReason__c'])}`,
    );
    assert.equal(validated['Failed__c'], 0, 'nothing would fail');
    assert.deepEqual(
        Object.values(await countsIn('Resync_Target')).reduce((a, b) => a + b, 0),
        0,
        'Validate leaves nothing in the target',
    );
    await execute.locator('c-run-summary').waitFor();
    await app.screenshot('execute-validated');

    // Row locks on one write in five: with no retries left, those records fail and are reported.
    await host.post('/host/api/settings', { target: 'Resync_Target', lockShare: 0.2 });
    await execute.getByRole('button', { name: 'Start', exact: true }).click();
    await app.page.locator('c-confirm-dialog').getByRole('button', { name: 'Start', exact: true }).click();
    await app.waitForText('Run started.');
    await execute.locator('c-run-progress').waitFor();
    const run = await endedRun('Execute');
    assert.equal(run['State__c'], 'CompletedWithErrors', 'some writes met row locks');
    const failed = Number(run['Failed__c']);
    assert.ok(failed > 0, 'records failed');
    // The page reaches the end by itself (event stream or polling) and shows the summary and the errors.
    await execute.locator('c-run-summary').getByText('Completed with errors').first().waitFor({ timeout: 30_000 });
    const errorRows = execute.locator('c-error-viewer table[data-id="errors"] tbody tr');
    await errorRows.first().waitFor();
    const codes = new Set((await errorRows.allInnerTexts()).map((t) => /\b[A-Z_]{6,}\b/.exec(t)?.[0] ?? t));
    assert.ok(
        [...codes].every((c) => c === 'UNABLE_TO_LOCK_ROW' || c === 'PARENT_NOT_IN_TARGET'),
        `row locks, and children of a locked parent: ${[...codes].join()}`,
    );
    await app.screenshot('execute-ended-with-errors');

    // The errors' CSV, as the browser downloads it.
    const [download] = await Promise.all([
        app.page.waitForEvent('download'),
        execute.locator('c-error-viewer').getByRole('button', { name: 'Export errors (CSV)' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^errors_all_\d{8}T\d{6}Z\.csv$/, 'file name');
    const csv = readFileSync((await download.path()) ?? '', 'utf8').replace(/^\ufeff/, '');
    const rows = parseCsv(csv.trimEnd());
    const header = rows[0] ?? [];
    const column = (re: RegExp): number => {
        const i = header.findIndex((h) => re.test(h));
        assert.ok(i >= 0, `a column ${re.source} in ${header.join()}`);
        return i;
    };
    const [sourceIdAt, operationAt, codeAt] = [column(/source.*id/i), column(/operation/i), column(/code/i)];
    assert.equal(rows.length - 1, failed, 'one row per failed record');
    assert.ok(
        rows.every((r) => r.length === header.length),
        "every row has the header's columns",
    );
    assert.ok(
        rows.slice(1).every((r) => codes.has(r[codeAt] ?? '')),
        'the codes the page shows',
    );
    for (const line of csv.trimEnd().split(/\r?\n/).slice(1)) {
        // A field holding a comma or a quote is quoted, its quotes doubled.
        for (const f of parseCsv(line)[0] ?? []) {
            if (/[",]/.test(f)) assert.ok(line.includes(`"${f.replace(/"/g, '""')}"`), `quoted: ${f}`);
        }
    }
    const fileIds = new Set(rows.slice(1).map((r) => r[sourceIdAt]));
    for (const id of await execute.locator('c-error-viewer tbody tr th').allInnerTexts()) {
        assert.ok(fileIds.has(id.trim()), `the page's error ${id} is in the file`);
    }
    // A failed insert left no record; a failed second-pass update left the record without its lookup.
    const failedInserts = rows.slice(1).filter((r) => r[operationAt] === 'insert').length;
    const source = await countsIn('source');
    const target = await countsIn('Resync_Target');
    const total = (c: Record<string, number>): number => Object.values(c).reduce((a, b) => a + b, 0);
    assert.equal(total(target), total(source) - failedInserts, 'every record but the failed inserts is in the target');
    assert.equal(Number(run['Inserted__c']), total(target), 'the run counts what the target holds');
    assertClean('execute run');

    // Retry failed, the locks gone: every source record ends up in the target, once.
    await host.post('/host/api/settings', { target: 'Resync_Target', lockShare: 0 });
    await execute.locator('c-run-actions').getByRole('button', { name: 'Retry failed' }).click();
    await app.waitForText('Retry run started.');
    const retry = await endedRun('Retry');
    assert.equal(retry['State__c'], 'Completed', `the retry: ${String(retry['StateReason__c'])}`);
    assert.equal(Number(retry['Inserted__c']), failedInserts, 'the records whose insert failed are created');
    assert.deepEqual(await countsIn('Resync_Target'), source, 'the target now holds every source record');
    for (const [object, lookup] of [
        ['Account', 'ParentId'],
        ['Contact', 'ReportsToId'],
        ['Office__c', 'Region__c'],
    ] as const) {
        assert.equal(
            await host.count('Resync_Target', object, `${lookup} != null`),
            await host.count('source', object, `${lookup} != null`),
            `every ${object}.${lookup} is set in the target, second-pass failures included`,
        );
    }
    await execute.locator('c-run-summary').getByText('Completed', { exact: true }).first().waitFor({ timeout: 30_000 });
    await app.screenshot('execute-retried');
    assertClean('retry');

    // Roll back the retry: what it created leaves the target, the rest stays.
    await execute.locator('c-run-actions').getByRole('button', { name: 'Roll back' }).click();
    const dialog = app.page.locator('c-rollback-dialog');
    await dialog.getByText(`${failedInserts} record(s) the run created will be deleted from the target.`).waitFor();
    await app.screenshot('execute-rollback-preview');
    await dialog.getByRole('button', { name: 'Roll back', exact: true }).click();
    const rollback = await endedRun('Rollback');
    assert.equal(rollback['State__c'], 'Completed', `the rollback: ${String(rollback['StateReason__c'])}`);
    assert.deepEqual(await countsIn('Resync_Target'), target, 'the target is as it was before the retry');
    const [retried] = await host.query('source', `SELECT State__c FROM SyncRun__c WHERE Id = '${String(retry['Id'])}'`);
    assert.equal(retried?.['State__c'], 'RolledBack', 'the retry run is marked rolled back');
    await app.screenshot('execute-rolled-back');
    assertClean('rollback');
});

test('Data Resync: two entities in Failed & Missed mode, and both attempt dates change', async () => {
    await app.openTab('Data Resync');
    const screen = app.page.locator('c-data-resync');
    const table = screen.locator('lightning-datatable');
    await table.locator('tbody tr').first().waitFor();
    const cellOf = async (entity: string, column: number): Promise<string> =>
        (await table.locator('tbody tr', { hasText: entity }).first().locator('td, th').nth(column).innerText()).trim();
    const before = { account: await cellOf('Account', 2), contact: await cellOf('Contact', 2) };
    assert.equal(before.account, 'Never', 'no Failed & Missed attempt yet');
    await screen.locator('lightning-radio-group label', { hasText: 'Failed & Missed Data Resync' }).click();
    for (const entity of ['Account', 'Contact']) {
        await table.locator('tbody tr', { hasText: entity }).first().locator('.slds-checkbox').first().click();
    }
    await screen.getByText('2 of 6 entities selected').waitFor();
    await screen.getByRole('button', { name: 'Process', exact: true }).click();
    const confirm = app.page.locator('c-confirm-dialog');
    await confirm.getByText('Resync will start a Failed & Missed Data Resync of 2 entities').waitFor();
    await app.screenshot('data-resync-confirm');
    const targetBefore = await countsIn('Resync_Target');
    await confirm.getByRole('button', { name: 'Start', exact: true }).click();
    const run = await endedRun('FailedMissedResync');
    assert.equal(run['State__c'], 'Completed', await errorSummary(run));
    // The records the rollback removed from the target were the ones missing there: Failed & Missed sends them again.
    const targetAfter = await countsIn('Resync_Target');
    assert.equal(targetAfter['Account'], (await countsIn('source'))['Account'], 'Accounts back in the target');
    assert.equal(targetAfter['Contact'], (await countsIn('source'))['Contact'], 'Contacts back in the target');
    assert.equal(targetAfter['Case'], targetBefore['Case'], 'an entity not selected is left alone');
    await screen.locator('c-run-progress').waitFor();
    for (;;) {
        const now = { account: await cellOf('Account', 2), contact: await cellOf('Contact', 2) };
        if (now.account !== 'Never' && now.contact !== 'Never') break;
        await app.page.waitForTimeout(250);
    }
    assert.equal(await cellOf('Case', 2), 'Never', 'the unselected entity keeps its date');
    await app.screenshot('data-resync-done');
    assertClean('data resync');
});

test('the utility-bar launcher starts a run while another tab is shown', async () => {
    await app.openTab('Run History');
    const item = model.utilityItems.find((u) => u.component.bundle === 'resyncLauncher');
    assert.ok(item, 'the launcher is in the utility bar');
    await app.page.click('button[data-utility="resyncLauncher"]');
    const panel = app.page.locator('[data-utility-panel="resyncLauncher"]');
    await panel.waitFor({ state: 'visible' });
    await panel.locator('c-target-picker lightning-combobox').click();
    await app.page.getByRole('option', { name: 'Offline sandbox' }).click();
    await panel.locator('lightning-radio-group label', { hasText: 'Full Data Resync' }).click();
    assert.ok(await panel.getByRole('radio', { name: 'Full Data Resync' }).isChecked(), 'Full Data Resync chosen');
    const runsBefore = await host.count('source', 'SyncRun__c');
    await panel.getByRole('button', { name: 'Start resync' }).click();
    await panel.getByText(/^Following RUN-/).waitFor();
    const run = await endedRun('FullResync');
    assert.equal(run['State__c'], 'Completed', await errorSummary(run));
    assert.equal(await host.count('source', 'SyncRun__c'), runsBefore + 1, 'one run started');
    assert.deepEqual(await countsIn('Resync_Target'), await countsIn('source'), 'the target is in sync');
    await panel.getByText('Completed', { exact: true }).waitFor({ timeout: 30_000 });
    assert.ok(await app.page.locator('.host-page[data-page] c-run-history').isVisible(), 'Run History stays shown');
    await app.screenshot('launcher-run');
    assertClean('launcher');
});
