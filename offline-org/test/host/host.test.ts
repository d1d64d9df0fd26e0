/**
 * The LWC host's pieces: the app metadata it reads, the Apex bridge's answers in the platform's shapes, and the
 * async queue kept across a restart of the org.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readProjectUi, checkApp } from '../../src/host/app-metadata.js';
import { shellModel } from '../../src/host/build.js';
import { callApex } from '../../src/host/apex-bridge.js';
import { openOrg } from '../../src/org/open-org.js';
import { runAnonymousBlock } from '../../src/org/anonymous.js';
import type { OfflineOrg } from '../../src/org/open-org.js';
import { AsyncQueueStore } from '../../src/org/async-persistence.js';

const PROJECT = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'host-project', 'force-app');

test('the app, its tabs, FlexiPages, utility bar, labels and design property types are read from metadata', () => {
    const ui = readProjectUi([PROJECT]);
    assert.equal(ui.apps.length, 1);
    const app = ui.apps[0];
    assert.equal(app.label, 'Demo App');
    assert.deepEqual(
        app.tabs.map((t) => [t.name, t.flexiPage]),
        [
            ['Greeting', 'Greeting_Page'],
            ['standard-Account', null],
        ],
    );
    assert.equal(app.utilityBar, 'Demo_Utility_Bar');
    const page = ui.flexiPages.get('Greeting_Page');
    assert.deepEqual(
        page?.components.map((c) => [c.namespace, c.bundle]),
        [
            ['c', 'greeter'],
            ['flexipage', 'richText'],
        ],
    );
    assert.equal(ui.labels.get('Greeting_Title'), 'Hello from a label');
    assert.deepEqual(checkApp(ui, app), []);
    const model = shellModel(ui, app, ['Target']);
    const greeter = model.tabs[0].page?.components[0];
    assert.deepEqual(greeter?.properties, { who: 'World', loud: true }, 'Boolean design properties become booleans');
    assert.equal(greeter?.tag, 'c-greeter');
    assert.match(model.tabs[0].page?.components[1].error ?? '', /standard component, not available offline/);
    assert.equal(model.tabs[1].page, null);
    assert.deepEqual(
        model.utilityItems.map((u) => [u.label, u.component.properties['who']]),
        [['Greeter', 'Bar']],
    );
});

function org(file?: string): OfflineOrg {
    return openOrg([PROJECT], {}, file);
}

test('the bridge answers the return value as Lightning serializes it and commits', () => {
    const o = org();
    const id = callApex(o, { classname: 'GreeterController', method: 'addAccount', params: { name: 'Acme' } });
    assert.equal(id.status, 200);
    assert.match(String(id.body.returnValue), /^001/);
    const greet = callApex(o, {
        classname: 'GreeterController',
        method: 'greet',
        params: { who: 'Ada' },
        cacheable: true,
    });
    // Only @AuraEnabled members, nulls left out.
    assert.deepEqual(greet, { status: 200, body: { returnValue: { text: 'Hello, Ada', calls: 1 } } });
    const accounts = callApex(o, { classname: 'GreeterController', method: 'accounts' });
    assert.deepEqual(accounts.body.returnValue, [{ Id: id.body.returnValue, Name: 'Acme' }]);
    o.store.close();
});

test('an AuraHandledException answers {body: {message}}; another exception the generic shape, rolled back', () => {
    const o = org();
    assert.deepEqual(callApex(o, { classname: 'GreeterController', method: 'fail' }), {
        status: 500,
        body: { body: { message: 'Nothing to greet' } },
    });
    const other = callApex(o, { classname: 'GreeterController', method: 'failAfterInsert' });
    assert.equal(other.status, 500);
    const body = other.body.body as Record<string, unknown>;
    assert.equal(body['exceptionType'], 'System.NullPointerException');
    assert.equal(body['isUserDefinedException'], false);
    assert.match(String(body['stackTrace']), /GreeterController/);
    assert.equal(o.store.query('SELECT COUNT() FROM Account').totalSize, 0, 'the failed call was rolled back');
    const refused = callApex(o, { classname: 'GreeterController', method: 'addAccount', cacheable: true });
    assert.equal(refused.status, 400, 'a wire of a method that is not cacheable is refused');
    const missing = callApex(o, { classname: 'Nope', method: 'x' });
    assert.equal(missing.status, 400);
    o.store.close();
});

test('what the offline org cannot do is answered loudly as an offline-org error', () => {
    const o = org();
    const r = callApex(o, { classname: 'GreeterController', method: 'domain' });
    assert.equal(r.status, 500);
    assert.equal(r.body.offlineOrg, true);
    assert.match(JSON.stringify(r.body.body), /OfflineOrg\./);
    o.store.close();
});

test('a queued job survives a restart of the org and runs after it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'host-queue-'));
    const file = join(dir, 'source.sqlite');
    try {
        const first = org(file);
        const queue = new AsyncQueueStore(first);
        const made = runAnonymousBlock(
            first,
            'user.apex',
            `User u = new User(Alias = 'q', Email = 'q@example.com', EmailEncodingKey = 'UTF-8', LastName = 'Queuer',
            LanguageLocaleKey = 'en_US', LocaleSidKey = 'en_US', TimeZoneSidKey = 'Europe/London',
            Username = 'q@example.com.test', ProfileId = [SELECT Id FROM Profile WHERE Name = 'System Administrator'].Id);
            insert u;
            System.debug(u.Id);`,
        );
        assert.equal(made.error, null);
        const enqueuer = made.debug[0].message;
        assert.equal(callApex(first, { classname: 'GreeterController', method: 'enqueue' }, enqueuer).status, 200);
        queue.save();
        assert.equal(first.platform.async.engine.queued().length, 1);
        first.store.close();

        const second = org(file);
        assert.equal(new AsyncQueueStore(second).restore(), 1);
        const engine = second.platform.async.engine;
        assert.equal(engine.runNext(), false, 'the delay of 2 minutes is not over');
        const next = engine.nextDue();
        assert.ok(next !== null && next.kind === 'job');
        second.clock.advanceTo(next.at);
        assert.equal(engine.runNext(), true);
        assert.deepEqual(engine.backgroundErrors, []);
        const names = second.store.query('SELECT Name FROM Account').rows.map((r) => r['Name']);
        assert.deepEqual(names, ['queued 2026 1.50 Draft'], 'the job ran with its fields as enqueued');
        const [made2] = second.store.query('SELECT CreatedById FROM Account').rows;
        assert.equal(made2?.CreatedById, enqueuer, 'and as the user who enqueued it');
        second.store.close();
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
});
