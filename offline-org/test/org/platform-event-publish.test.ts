/**
 * EventBus.publish honours the event's publishBehavior: Publish Immediately delivers even when the publishing
 * transaction rolls back; Publish After Commit delivers only after it commits. An object file without the element
 * publishes immediately (Setup's default).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAnonymousBlock } from '../../src/org/anonymous.js';
import { openOrg } from '../../src/org/open-org.js';

function eventObject(behavior: string | null): string {
    return `<?xml version="1.0" encoding="UTF-8"?>
<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">
    <deploymentStatus>Deployed</deploymentStatus>
    <eventType>HighVolume</eventType>
    <label>Note</label>
    <pluralLabel>Notes</pluralLabel>
    ${behavior === null ? '' : `<publishBehavior>${behavior}</publishBehavior>`}
</CustomObject>
`;
}

const FIELD = `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>Text__c</fullName>
    <label>Text</label>
    <length>80</length>
    <type>Text</type>
</CustomField>
`;

function project(): string {
    const root = mkdtempSync(join(tmpdir(), 'event-publish-'));
    const events: Record<string, string | null> = {
        Now__e: 'PublishImmediately',
        Later__e: 'PublishAfterCommit',
        Plain__e: null,
    };
    for (const [name, behavior] of Object.entries(events)) {
        const dir = join(root, 'objects', name);
        mkdirSync(join(dir, 'fields'), { recursive: true });
        writeFileSync(join(dir, `${name}.object-meta.xml`), eventObject(behavior));
        writeFileSync(join(dir, 'fields', 'Text__c.field-meta.xml'), FIELD);
    }
    mkdirSync(join(root, 'triggers'), { recursive: true });
    for (const name of Object.keys(events)) {
        writeFileSync(
            join(root, 'triggers', `On${name.replace('__e', '')}.trigger`),
            `trigger On${name.replace('__e', '')} on ${name} (after insert) { for (${name} e : Trigger.new) System.debug('${name} ' + e.Text__c); }`,
        );
    }
    return root;
}

const text = (value: string | null): string => value ?? '';

const PUBLISH = `EventBus.publish(new Now__e(Text__c = 'a'));
EventBus.publish(new Later__e(Text__c = 'b'));
EventBus.publish(new Plain__e(Text__c = 'c'));`;

test('a committed transaction delivers every event', () => {
    const org = openOrg([project()]);
    assert.equal(runAnonymousBlock(org, 'anon.apex', PUBLISH).error, null);
    org.platform.async.runQueued();
    assert.deepEqual(org.platform.async.host.debug.map((d) => d.message).sort(), [
        'Later__e b',
        'Now__e a',
        'Plain__e c',
    ]);
});

test('a rolled-back transaction delivers only the events published immediately', () => {
    const org = openOrg([project()]);
    assert.match(text(runAnonymousBlock(org, 'anon.apex', `${PUBLISH}\nInteger boom = 1 / 0;`).error), /MathException/);
    org.platform.async.runQueued();
    assert.deepEqual(org.platform.async.host.debug.map((d) => d.message).sort(), ['Now__e a', 'Plain__e c']);
});

test('a callout may follow an event published immediately, not one published after commit', () => {
    const callout = `HttpRequest r = new HttpRequest(); r.setEndpoint('https://example.invalid/ping'); r.setMethod('GET'); new Http().send(r);`;
    const afterImmediate = text(
        runAnonymousBlock(openOrg([project()]), 'now.apex', `EventBus.publish(new Now__e(Text__c = 'a'));\n${callout}`)
            .error,
    );
    const afterCommitEvent = text(
        runAnonymousBlock(
            openOrg([project()]),
            'later.apex',
            `EventBus.publish(new Later__e(Text__c = 'b'));\n${callout}`,
        ).error,
    );
    // The callout itself is made after an immediate event: what stops it is the endpoint, not the event.
    assert.doesNotMatch(afterImmediate, /uncommitted work/);
    assert.match(afterImmediate, /example\.invalid/);
    assert.match(afterCommitEvent, /You have uncommitted work pending/);
});
