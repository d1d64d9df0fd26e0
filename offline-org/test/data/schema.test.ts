import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadSchema, MetadataError } from '../../src/data/index.js';
import { writeFixtureProject } from './fixture-project.js';
import { fixtureSchema } from './helpers.js';

test('standard objects carry their real key prefixes and relationships', () => {
    const schema = loadSchema([]);
    const prefixes: Record<string, string> = {
        Account: '001',
        Contact: '003',
        Opportunity: '006',
        Case: '500',
        Lead: '00Q',
        User: '005',
        Task: '00T',
        RecordType: '012',
        Profile: '00e',
        Organization: '00D',
        AsyncApexJob: '707',
        CronTrigger: '08e',
        CronJobDetail: '08a',
        ApexClass: '01p',
        PermissionSet: '0PS',
        PermissionSetAssignment: '0Pa',
        Group: '00G',
        ContentVersion: '068',
    };
    for (const [name, prefix] of Object.entries(prefixes))
        assert.equal(schema.getObject(name)?.keyPrefix, prefix, name);
    assert.equal(schema.objectByKeyPrefix('003')?.name, 'Contact');
    const contactAccount = schema.getField('Contact', 'accountid');
    assert.equal(contactAccount?.relationshipName, 'Account');
    assert.deepEqual(contactAccount?.referenceTo, ['Account']);
    assert.equal(schema.getField('Account', 'ParentId')?.relationshipName, 'Parent');
    const account = schema.getObject('account');
    assert.ok(account);
    const names = account.childRelationships.map((c) => c.relationshipName);
    for (const rel of ['Contacts', 'Opportunities', 'Cases', 'ChildAccounts', 'Tasks'])
        assert.ok(names.includes(rel), rel);
    assert.equal(schema.getField('Case', 'OwnerId')?.referenceTo.length, 2, 'Case owner is polymorphic');
    assert.equal(schema.getField('User', 'IsDeleted'), undefined, 'setup objects have no recycle bin');
});

test('custom objects get stable generated key prefixes by sorted name', () => {
    const schema = fixtureSchema();
    const custom = schema
        .objectNames()
        .filter((n) => schema.getObject(n)?.custom)
        .sort();
    assert.deepEqual(custom, ['Endpoint__mdt', 'Invoice_Line__c', 'Invoice__c', 'Sync_Event__e', 'Sync_Settings__c']);
    assert.deepEqual(
        custom.map((n) => schema.getObject(n)?.keyPrefix),
        ['a01', 'a02', 'a03', 'a04', 'a05'],
    );
});

test('field types, flags and defaults come from field metadata', () => {
    const s = fixtureSchema();
    const f = (name: string) => s.getField('Invoice__c', name);
    assert.equal(f('Name')?.autoNumber, true);
    assert.equal(f('Name')?.createable, false);
    assert.equal(f('Amount__c')?.type, 'currency');
    assert.equal(f('Amount__c')?.scale, 2);
    assert.equal(f('Status__c')?.type, 'picklist');
    assert.equal(f('Status__c')?.nillable, false);
    assert.equal(f('Status__c')?.restrictedPicklist, true);
    assert.equal(f('Status__c')?.defaultValue, 'Draft');
    assert.deepEqual(
        f('Status__c')?.picklistValues.map((p) => p.value),
        ['Draft', 'Sent', 'Paid'],
    );
    assert.equal(f('Tags__c')?.type, 'multipicklist');
    assert.equal(f('External_Key__c')?.externalId, true);
    assert.equal(f('External_Key__c')?.unique, true);
    assert.equal(f('External_Key__c')?.length, 20);
    assert.equal(f('Due__c')?.type, 'date');
    assert.equal(f('Sent_At__c')?.type, 'datetime');
    assert.equal(f('Paid__c')?.type, 'boolean');
    assert.equal(f('Paid__c')?.defaultValue, false);
    assert.equal(f('Notes__c')?.filterable, false);
    assert.equal(f('Code__c')?.defaultValue, 'X1');
    assert.equal(f('Total_With_Tax__c')?.calculated, true);
    assert.equal(f('Total_With_Tax__c')?.createable, false);
    assert.equal(f('Contact_Email__c')?.type, 'email');
    assert.equal(f('Account__c')?.relationshipName, 'Account__r');
    assert.equal(f('Account__c')?.restrictedDelete, true);
    assert.ok(f('OwnerId'), 'a ReadWrite custom object has an owner');
    assert.equal(s.getField('Invoice_Line__c', 'OwnerId'), undefined, 'a detail object has no owner');
    const md = s.getField('Invoice_Line__c', 'Invoice__c');
    assert.equal(md?.cascadeDelete, true);
    assert.equal(md?.nillable, false);
    assert.equal(s.getField('Account', 'Tier__c')?.custom, true, 'custom fields on standard objects');
    assert.equal(s.getField('Account', 'RecordTypeId')?.relationshipName, 'RecordType');
});

test('child relationships of custom lookups and master-detail use the __r names', () => {
    const s = fixtureSchema();
    const invoice = s.getObject('Invoice__c');
    assert.ok(invoice);
    const lines = s.childRelationship(invoice, 'lines__r');
    assert.equal(lines?.childSObject, 'Invoice_Line__c');
    assert.equal(lines?.cascadeDelete, true);
    const account = s.getObject('Account');
    assert.ok(account);
    assert.equal(s.childRelationship(account, 'Invoices__r')?.field, 'Account__c');
});

test('platform events, custom settings and custom metadata are recognised with their records', () => {
    const s = fixtureSchema();
    assert.equal(s.getObject('Sync_Event__e')?.platformEvent, true);
    assert.equal(s.getObject('Sync_Event__e')?.queryable, false);
    const settings = s.getObject('Sync_Settings__c');
    assert.equal(settings?.customSetting, true);
    assert.equal(settings?.customSettingsType, 'Hierarchy');
    assert.equal(s.getField('Sync_Settings__c', 'SetupOwnerId')?.type, 'reference');
    assert.equal(s.getField('Sync_Settings__c', 'Batch_Size__c')?.defaultValue, 200);
    const mdt = s.getObject('Endpoint__mdt');
    assert.equal(mdt?.customMetadata, true);
    assert.equal(mdt?.createable, false);
    const record = s.metadataRecords.find((r) => r.objectName === 'Endpoint__mdt');
    assert.deepEqual(record?.values, {
        DeveloperName: 'Primary',
        MasterLabel: 'Primary endpoint',
        Label: 'Primary endpoint',
        QualifiedApiName: 'Primary',
        Language: 'en_US',
        Url__c: 'https://example.com/a?x=1&y=2',
        Timeout__c: 30,
    });
    assert.ok(s.metadataRecords.some((r) => r.objectName === 'RecordType' && r.values.DeveloperName === 'Partner'));
    assert.deepEqual(s.permissionSets.map((p) => p.name).sort(), ['Invoice_Editor', 'Invoice_Reader']);
});

test('malformed metadata is an error naming the file', () => {
    const root = writeFixtureProject();
    const bad = join(root, 'force-app/main/default/objects/Invoice__c/fields/Amount__c.field-meta.xml');
    writeFileSync(bad, '<CustomField><fullName>Amount__c</fullName><type>Currency</CustomField>');
    assert.throws(
        () => loadSchema(root),
        (e: unknown) => e instanceof MetadataError && e.message.includes(bad) && /does not match/.test(e.message),
    );
    writeFileSync(bad, '<CustomField><fullName>Amount__c</fullName><type>Banana</type></CustomField>');
    assert.throws(
        () => loadSchema(root),
        (e: unknown) => e instanceof MetadataError && e.message.includes(bad) && e.message.includes('Banana'),
    );
    writeFileSync(
        bad,
        '<CustomField><fullName>Amount__c</fullName><type>Lookup</type><referenceTo>Nope__c</referenceTo></CustomField>',
    );
    assert.throws(
        () => loadSchema(root),
        (e: unknown) => e instanceof MetadataError && e.message.includes(bad) && e.message.includes('Nope__c'),
    );
    rmSync(root, { recursive: true, force: true });
});
