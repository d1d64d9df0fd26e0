import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { QueryException, SecurityException, type OrgStore } from '../../src/data/index.js';
import { newStore } from './helpers.js';

let store: OrgStore;
let standardUser: string;

function userWith(profile: string, permissionSets: string[] = []): string {
    const profileId = store.query('SELECT Id FROM Profile WHERE Name = :p', { p: profile }).rows[0]?.Id as string;
    const id = store.insert('User', [
        {
            Username: `${profile.replace(/\W/g, '')}${Math.random()}@x.test`,
            LastName: 'U',
            Alias: 'u',
            Email: 'u@x.test',
            ProfileId: profileId,
            TimeZoneSidKey: 'GMT',
            LocaleSidKey: 'en_US',
            EmailEncodingKey: 'UTF-8',
            LanguageLocaleKey: 'en_US',
        },
    ])[0]?.id as string;
    for (const name of permissionSets) {
        const ps = store.query('SELECT Id FROM PermissionSet WHERE Name = :n', { n: name }).rows[0]?.Id as string;
        store.insert('PermissionSetAssignment', [{ AssigneeId: id, PermissionSetId: ps }]);
    }
    return id;
}

beforeEach(() => {
    store = newStore();
    standardUser = userWith('Standard User');
    const acc = store.insert('Account', [{ Name: 'A', Tier__c: 'gold' }])[0]?.id;
    store.insert('Invoice__c', [{ Account__c: acc, Amount__c: 5, Code__c: 'C' }]);
});

test('the permission model answers object and field access per profile and permission sets', () => {
    const p = store.permissions;
    const invoice = store.schema.getObject('Invoice__c');
    const account = store.schema.getObject('Account');
    assert.ok(invoice && account);
    assert.ok(
        p.canRead(store.defaultUserId, invoice) && p.canDelete(store.defaultUserId, invoice),
        'System Administrator can do everything',
    );
    assert.ok(
        p.canRead(standardUser, account) && p.canCreate(standardUser, account) && p.canDelete(standardUser, account),
    );
    assert.ok(!p.canRead(standardUser, invoice), 'no access to custom objects without a permission set');
    assert.ok(
        !p.canReadField(standardUser, account, store.schema.getField('Account', 'Tier__c') as never),
        'custom fields need field permissions',
    );
    assert.ok(p.canReadField(standardUser, account, store.schema.getField('Account', 'Industry') as never));
    const reader = userWith('Standard User', ['Invoice_Reader']);
    assert.ok(p.canRead(reader, invoice) && !p.canCreate(reader, invoice) && !p.canEdit(reader, invoice));
    assert.ok(p.canReadField(reader, invoice, store.schema.getField('Invoice__c', 'Amount__c') as never));
    assert.ok(!p.canEditField(reader, invoice, store.schema.getField('Invoice__c', 'Amount__c') as never));
    assert.ok(!p.canReadField(reader, invoice, store.schema.getField('Invoice__c', 'Code__c') as never));
    assert.ok(
        p.canReadField(reader, invoice, store.schema.getField('Invoice__c', 'Status__c') as never),
        'required fields have no field-level security',
    );
    const minimum = userWith('Minimum Access - Salesforce');
    assert.ok(!p.canRead(minimum, account));
});

test('WITH USER_MODE reports every inaccessible field (select and where), WITH SYSTEM_MODE ignores permissions', () => {
    const reader = userWith('Standard User', ['Invoice_Reader']);
    assert.equal(
        store.query('SELECT Amount__c, Account__r.Name FROM Invoice__c WITH USER_MODE', undefined, { userId: reader })
            .rows.length,
        1,
    );
    assert.throws(
        () =>
            store.query("SELECT Amount__c, Code__c FROM Invoice__c WHERE Tags__c = 'x' WITH USER_MODE", undefined, {
                userId: reader,
            }),
        (e: unknown) =>
            e instanceof QueryException &&
            /No such column 'Code__c' on entity 'Invoice__c'/.test(e.message) &&
            JSON.stringify([...e.inaccessibleFields]) === JSON.stringify([['Invoice__c', ['Code__c', 'Tags__c']]]),
    );
    assert.throws(
        () => store.query('SELECT Id FROM Invoice__c WITH USER_MODE', undefined, { userId: standardUser }),
        /sObject type 'Invoice__c' is not supported/,
    );
    assert.equal(
        store.query('SELECT Code__c FROM Invoice__c WITH SYSTEM_MODE', undefined, {
            userId: standardUser,
            mode: 'user',
        }).rows.length,
        1,
    );
    assert.throws(
        () => store.query('SELECT Code__c FROM Invoice__c', undefined, { userId: reader, mode: 'user' }),
        QueryException,
        'mode: user works like WITH USER_MODE',
    );
    assert.equal(
        store.query('SELECT Code__c FROM Invoice__c', undefined, { userId: standardUser }).rows.length,
        1,
        'system mode by default',
    );
});

test('WITH SECURITY_ENFORCED checks the SELECT list only, including subqueries', () => {
    const reader = userWith('Standard User', ['Invoice_Reader']);
    assert.equal(
        store.query("SELECT Amount__c FROM Invoice__c WHERE Code__c = 'C' WITH SECURITY_ENFORCED", undefined, {
            userId: reader,
        }).rows.length,
        1,
    );
    assert.throws(
        () => store.query('SELECT Code__c FROM Invoice__c WITH SECURITY_ENFORCED', undefined, { userId: reader }),
        /^QueryException: Insufficient permissions: secure query included inaccessible field$/,
    );
    assert.throws(
        () =>
            store.query(
                'SELECT Name, (SELECT Code__c FROM Invoices__r) FROM Account WITH SECURITY_ENFORCED',
                undefined,
                { userId: reader },
            ),
        /Insufficient permissions/,
    );
});

test('user-mode DML enforces object and field permissions', () => {
    const reader = userWith('Standard User', ['Invoice_Reader']);
    const editor = userWith('Standard User', ['Invoice_Editor']);
    assert.throws(
        () => store.insert('Invoice__c', [{ Amount__c: 1 }], { mode: 'user', userId: reader }),
        (e: unknown) =>
            e instanceof SecurityException && e.message === 'DML operation INSERT not allowed on Invoice__c',
    );
    assert.throws(
        () => store.insert('Invoice__c', [{ Amount__c: 1, Code__c: 'x' }], { mode: 'user', userId: editor }),
        /fields being inaccessible on Sobject Invoice__c.*Code__c/,
    );
    const [ok] = store.insert('Invoice__c', [{ Amount__c: 1 }], { mode: 'user', userId: editor });
    assert.equal(ok?.success, true);
    assert.equal(
        store.query('SELECT CreatedById, OwnerId FROM Invoice__c WHERE Id = :id', { id: ok?.id }).rows[0]?.OwnerId,
        editor,
        'the running user owns what it creates',
    );
    const queried = store.query('SELECT Id, Name, Amount__c, CreatedDate FROM Invoice__c WHERE Id = :id', {
        id: ok?.id,
    }).rows[0];
    assert.equal(
        store.update('Invoice__c', [{ ...queried, Amount__c: 9 }], { mode: 'user', userId: editor })[0]?.success,
        true,
        'queried read-only fields do not trip user mode',
    );
    assert.throws(
        () => store.delete('Invoice__c', [ok?.id], { mode: 'user', userId: reader }),
        /DML operation DELETE not allowed on Invoice__c/,
    );
    assert.equal(
        store.delete('Invoice__c', [ok?.id as string], { mode: 'system', userId: reader })[0]?.success,
        true,
        'system mode ignores permissions',
    );
});
