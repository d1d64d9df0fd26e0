import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import {
    DmlException,
    OrgStore,
    SObjectException,
    type DmlHookContext,
    type DmlResult,
    type Row,
} from '../../src/data/index.js';
import { FIXED_NOW, fixtureSchema, newStore } from './helpers.js';

let store: OrgStore;
beforeEach(() => {
    store = newStore();
});

function codes(results: DmlResult[]): (string | undefined)[] {
    return results.map((r) => r.errors[0]?.statusCode);
}

function firstError(fn: () => unknown): DmlException {
    try {
        fn();
    } catch (e) {
        if (e instanceof DmlException) return e;
        throw e;
    }
    throw new Error('expected a DmlException');
}

describe('insert', () => {
    test('maintains Id, audit fields, owner, defaults, auto-numbers and derived names', () => {
        const [r] = store.insert('Invoice__c', [{ Amount__c: 5 }, { Amount__c: 6 }]);
        assert.ok(r?.success && r.id?.startsWith('a03'));
        const row = store.query(
            'SELECT Name, Status__c, Paid__c, Code__c, CreatedDate, LastModifiedDate, SystemModstamp, CreatedById, OwnerId, IsDeleted FROM Invoice__c ORDER BY Name',
        ).rows[0];
        assert.equal(row?.Name, 'INV-0001');
        assert.equal(row?.Status__c, 'Draft', 'picklist default');
        assert.equal(row?.Paid__c, false);
        assert.equal(row?.Code__c, 'X1', 'formula default of a quoted literal');
        assert.equal(row?.CreatedDate, FIXED_NOW.toISOString());
        assert.equal(row?.SystemModstamp, FIXED_NOW.toISOString());
        assert.equal(row?.CreatedById, store.defaultUserId);
        assert.equal(row?.OwnerId, store.defaultUserId);
        assert.equal(row?.IsDeleted, false);
        store.insert('Contact', [{ FirstName: 'Ada', LastName: 'Lovelace' }]);
        assert.equal(store.query('SELECT Name FROM Contact').rows[0]?.Name, 'Ada Lovelace');
        const line = store.insert('Invoice_Line__c', [{ Invoice__c: r.id }])[0];
        assert.equal(
            store.query('SELECT Name FROM Invoice_Line__c').rows[0]?.Name,
            line?.id,
            'an unnamed custom record is named after its Id',
        );
    });

    test('REQUIRED_FIELD_MISSING lists the missing fields', () => {
        const e = firstError(() => store.insert('Account', [{ Industry: 'Banking' }]));
        assert.equal(
            e.message,
            'Insert failed. First exception on row 0; first error: REQUIRED_FIELD_MISSING, Required fields are missing: [Name]: [Name]',
        );
        const partial = store.insert('Opportunity', [{ Name: 'x' }], { allOrNone: false });
        assert.deepEqual(partial[0]?.errors[0]?.fields, ['StageName', 'CloseDate']);
    });

    test('STRING_TOO_LONG, INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST, INVALID_TYPE_ON_FIELD_IN_RECORD', () => {
        const r = store.insert(
            'Invoice__c',
            [{ Code__c: 'TOOLONG' }, { Status__c: 'Bogus' }, { Amount__c: 'ten' }, { Due__c: '15/03/2024' }],
            { allOrNone: false },
        );
        assert.deepEqual(codes(r), [
            'STRING_TOO_LONG',
            'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
            'INVALID_TYPE_ON_FIELD_IN_RECORD',
            'INVALID_TYPE_ON_FIELD_IN_RECORD',
        ]);
        assert.equal(r[0]?.errors[0]?.message, 'Code: data value too large: TOOLONG (max length=5)');
        assert.equal(r[1]?.errors[0]?.message, 'Status: bad value for restricted picklist field: Bogus');
    });

    test('references: MALFORMED_ID, FIELD_INTEGRITY_EXCEPTION, INVALID_CROSS_REFERENCE_KEY, ENTITY_IS_DELETED', () => {
        const [acc, gone] = store.insert('Account', [{ Name: 'A' }, { Name: 'B' }]).map((x) => x.id as string);
        store.delete('Account', [gone]);
        const contactId = store.insert('Contact', [{ LastName: 'C' }])[0]?.id as string;
        const missing = acc.slice(0, 8) + 'zzzzzzz';
        const r = store.insert(
            'Contact',
            [
                { LastName: 'x', AccountId: 'garbage' },
                { LastName: 'x', AccountId: contactId },
                { LastName: 'x', AccountId: missing },
                { LastName: 'x', AccountId: gone },
                { LastName: 'ok', AccountId: acc.slice(0, 15) },
            ],
            { allOrNone: false },
        );
        assert.deepEqual(codes(r), [
            'MALFORMED_ID',
            'FIELD_INTEGRITY_EXCEPTION',
            'INVALID_CROSS_REFERENCE_KEY',
            'ENTITY_IS_DELETED',
            undefined,
        ]);
        assert.equal(r[1]?.errors[0]?.message, `AccountId: id value of incorrect type: ${contactId}`);
        assert.equal(
            store.query("SELECT AccountId FROM Contact WHERE LastName = 'ok'").rows[0]?.AccountId,
            acc,
            'a 15-character reference is stored as 18',
        );
    });

    test('DUPLICATE_VALUE on unique fields (case-insensitive unless case-sensitive)', () => {
        store.insert('Invoice__c', [{ External_Key__c: 'K-1' }]);
        const r = store.insert(
            'Invoice__c',
            [{ External_Key__c: 'k-1' }, { External_Key__c: 'K-2' }, { External_Key__c: 'K-2' }],
            { allOrNone: false },
        );
        assert.deepEqual(codes(r), ['DUPLICATE_VALUE', undefined, 'DUPLICATE_VALUE']);
        assert.match(
            r[0]?.errors[0]?.message ?? '',
            /^duplicate value found: External_Key__c duplicates value on record with id: a03/,
        );
    });

    test('INVALID_FIELD_FOR_INSERT_UPDATE for an Id or read-only fields, INVALID_TYPE for objects that refuse DML', () => {
        const acc = store.insert('Account', [{ Name: 'A' }])[0]?.id as string;
        const r = store.insert(
            'Account',
            [
                { Name: 'B', Id: acc },
                { Name: 'C', CreatedDate: '2020-01-01T00:00:00.000Z' },
            ],
            { allOrNone: false },
        );
        assert.deepEqual(codes(r), ['INVALID_FIELD_FOR_INSERT_UPDATE', 'INVALID_FIELD_FOR_INSERT_UPDATE']);
        assert.equal(r[0]?.errors[0]?.message, 'cannot specify Id in an insert call');
        const inv = store.insert('Invoice__c', [{ Total_With_Tax__c: 3 }], { allOrNone: false });
        assert.deepEqual(inv[0]?.errors[0]?.fields, ['Total_With_Tax__c']);
        assert.deepEqual(codes(store.insert('Organization', [{ Name: 'x' }], { allOrNone: false })), ['INVALID_TYPE']);
        assert.deepEqual(codes(store.insert('Endpoint__mdt', [{ DeveloperName: 'x' }], { allOrNone: false })), [
            'INVALID_TYPE',
        ]);
        assert.throws(() => store.insert('Account', [{ Name: 'x', Bogus__c: 1 }]), SObjectException);
        assert.throws(() => store.insert('Nope__c', [{}]), /sObject type 'Nope__c' is not supported/);
    });

    test('allOrNone=true rolls back every record of the statement', () => {
        assert.throws(() => store.insert('Account', [{ Name: 'ok' }, {}]), DmlException);
        assert.equal(store.query('SELECT COUNT() FROM Account').totalSize, 0);
    });
});

describe('update', () => {
    test('merges changes, bumps LastModifiedDate, reports MALFORMED_ID / missing / deleted records', () => {
        let now = new Date('2024-01-01T00:00:00.000Z');
        const clockStore = new OrgStore(fixtureSchema(), { clock: () => now });
        const [a, b] = clockStore
            .insert('Account', [{ Name: 'A', Industry: 'Banking' }, { Name: 'B' }])
            .map((r) => r.id as string);
        now = new Date('2024-02-01T00:00:00.000Z');
        clockStore.update('Account', [{ Id: a, Name: 'A2' }]);
        const row = clockStore.query(
            'SELECT Name, Industry, CreatedDate, LastModifiedDate FROM Account WHERE Id = :a',
            { a },
        ).rows[0];
        assert.deepEqual(
            [row?.Name, row?.Industry, row?.CreatedDate, row?.LastModifiedDate],
            ['A2', 'Banking', '2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z'],
        );
        clockStore.delete('Account', [b]);
        const contact = clockStore.insert('Contact', [{ LastName: 'x' }])[0]?.id as string;
        const r = clockStore.update(
            'Account',
            [
                { Id: 'bad', Name: 'x' },
                { Name: 'no id' },
                { Id: b, Name: 'x' },
                { Id: contact, Name: 'x' },
                { Id: a, Name: null },
            ],
            { allOrNone: false },
        );
        assert.deepEqual(codes(r), [
            'MALFORMED_ID',
            'MISSING_ARGUMENT',
            'ENTITY_IS_DELETED',
            'INVALID_ID_FIELD',
            'REQUIRED_FIELD_MISSING',
        ]);
        const e = firstError(() => clockStore.update('Account', [{ Id: a, Name: null }]));
        assert.match(
            e.message,
            new RegExp(`^Update failed\\. First exception on row 0 with id ${a}; first error: REQUIRED_FIELD_MISSING`),
        );
    });

    test('related records carried by a queried row are ignored', () => {
        const acc = store.insert('Account', [{ Name: 'A' }])[0]?.id as string;
        store.insert('Contact', [{ LastName: 'c', AccountId: acc }]);
        const account = store.query('SELECT Id, Name, (SELECT Id FROM Contacts) FROM Account').rows[0];
        const contact = store.query('SELECT Id, LastName, Account.Name FROM Contact').rows[0];
        assert.equal(store.update('Account', [{ ...account, Name: 'A2' }])[0]?.success, true);
        assert.equal(store.update('Contact', [{ ...contact, LastName: 'd' }])[0]?.success, true);
        assert.throws(() => store.update('Contact', [{ ...contact, Bogus: { x: 1 } }]), SObjectException);
    });

    test('fields that are not updateable are refused', () => {
        const inv = store.insert('Invoice__c', [{}])[0]?.id as string;
        const r = store.update('Invoice__c', [{ Id: inv, Name: 'INV-9' }], { allOrNone: false });
        assert.deepEqual(codes(r), ['INVALID_FIELD_FOR_INSERT_UPDATE']);
        const queried = store.query('SELECT Id, Name, CreatedDate, Amount__c FROM Invoice__c').rows[0];
        assert.equal(
            store.update('Invoice__c', [{ ...queried, Amount__c: 7 }])[0]?.success,
            true,
            'read-only fields holding their queried values are ignored',
        );
        const line = store.insert('Invoice_Line__c', [{ Invoice__c: inv }])[0]?.id as string;
        const other = store.insert('Invoice__c', [{}])[0]?.id as string;
        assert.deepEqual(
            codes(store.update('Invoice_Line__c', [{ Id: line, Invoice__c: other }], { allOrNone: false })),
            ['INVALID_FIELD_FOR_INSERT_UPDATE'],
            'master-detail is not reparentable by default',
        );
    });
});

describe('upsert', () => {
    test('by external id: inserts new keys, updates existing ones, results in order with created', () => {
        store.insert('Invoice__c', [{ External_Key__c: 'K1', Amount__c: 1 }]);
        const r = store.upsert(
            'Invoice__c',
            [
                { External_Key__c: 'K2', Amount__c: 2 },
                { External_Key__c: 'k1', Amount__c: 10 },
            ],
            { externalIdField: 'External_Key__c' },
        );
        assert.deepEqual(
            r.map((x) => [x.success, x.created]),
            [
                [true, true],
                [true, false],
            ],
        );
        assert.deepEqual(
            store
                .query('SELECT External_Key__c, Amount__c FROM Invoice__c ORDER BY External_Key__c')
                .rows.map((x) => [x.External_Key__c, x.Amount__c]),
            [
                ['k1', 10],
                ['K2', 2],
            ],
            'the matched record takes the key as sent',
        );
        assert.throws(
            () => store.upsert('Invoice__c', [{ Amount__c: 1 }], { externalIdField: 'Amount__c' }),
            /must be an External Id/,
        );
        const missingKey = store.upsert('Invoice__c', [{ Amount__c: 3 }], {
            externalIdField: 'External_Key__c',
            allOrNone: false,
        });
        assert.deepEqual(codes(missingKey), ['MISSING_ARGUMENT']);
    });

    test('by Id: records without Id are inserted', () => {
        const a = store.insert('Account', [{ Name: 'A' }])[0]?.id as string;
        const r = store.upsert('Account', [{ Id: a, Name: 'A2' }, { Name: 'B' }]);
        assert.deepEqual(
            r.map((x) => x.created),
            [false, true],
        );
        assert.equal(store.query('SELECT COUNT() FROM Account').totalSize, 2);
    });
});

describe('delete and undelete', () => {
    test('delete moves to the recycle bin, cascades master-detail, clears set-null lookups; undelete restores', () => {
        const acc = store.insert('Account', [{ Name: 'A' }])[0]?.id as string;
        const inv = store.insert('Invoice__c', [{}])[0]?.id as string;
        store.insert('Invoice_Line__c', [{ Invoice__c: inv }, { Invoice__c: inv }]);
        const contact = store.insert('Contact', [{ LastName: 'c', ReportsToId: null }])[0]?.id as string;
        const child = store.insert('Contact', [{ LastName: 'd', ReportsToId: contact }])[0]?.id as string;
        store.delete('Invoice__c', [inv]);
        assert.equal(store.query('SELECT COUNT() FROM Invoice_Line__c').totalSize, 0);
        assert.equal(store.query('SELECT COUNT() FROM Invoice_Line__c ALL ROWS').totalSize, 2);
        store.delete('Contact', [contact]);
        assert.equal(
            store.query('SELECT ReportsToId FROM Contact WHERE Id = :child', { child }).rows[0]?.ReportsToId,
            null,
        );
        store.undelete('Contact', [contact]);
        assert.equal(
            store.query('SELECT ReportsToId FROM Contact WHERE Id = :child', { child }).rows[0]?.ReportsToId,
            contact,
            'undelete restores cleared lookups',
        );
        const again = store.delete('Invoice__c', [inv], { allOrNone: false });
        assert.deepEqual(codes(again), ['ENTITY_IS_DELETED']);
        store.undelete('Invoice__c', [inv]);
        assert.equal(
            store.query('SELECT COUNT() FROM Invoice_Line__c').totalSize,
            2,
            'cascade-deleted children come back',
        );
        assert.deepEqual(codes(store.undelete('Invoice__c', [inv], { allOrNone: false })), ['UNDELETE_FAILED']);
        assert.deepEqual(codes(store.delete('Account', ['bad', acc.slice(0, 8) + 'zzzzzzz'], { allOrNone: false })), [
            'MALFORMED_ID',
            'INVALID_CROSS_REFERENCE_KEY',
        ]);
    });

    test('a restricted lookup refuses the delete with DELETE_FAILED', () => {
        const acc = store.insert('Account', [{ Name: 'A' }])[0]?.id as string;
        store.insert('Invoice__c', [{ Account__c: acc }]);
        const r = store.delete('Account', [acc], { allOrNone: false });
        assert.deepEqual(codes(r), ['DELETE_FAILED']);
        assert.match(r[0]?.errors[0]?.message ?? '', /associated with the following Invoices/);
    });

    test('standard cascades: deleting an account deletes its contacts and opportunities', () => {
        const acc = store.insert('Account', [{ Name: 'A' }])[0]?.id as string;
        store.insert('Contact', [{ LastName: 'c', AccountId: acc }]);
        store.insert('Opportunity', [{ Name: 'o', AccountId: acc, StageName: 'Prospecting', CloseDate: '2024-05-01' }]);
        store.delete('Account', [acc]);
        assert.equal(store.query('SELECT COUNT() FROM Contact').totalSize, 0);
        assert.equal(store.query('SELECT COUNT() FROM Opportunity').totalSize, 0);
    });
});

describe('trigger hooks', () => {
    test('order of save: before (mutable) -> validation -> write -> after (with Ids)', () => {
        const log: string[] = [];
        const hooks = {
            before(ctx: DmlHookContext) {
                log.push(`before ${ctx.operation} ${ctx.newRows?.length}`);
                for (const row of ctx.newRows ?? []) {
                    assert.equal(row.Id, undefined, 'no Id before insert');
                    row.Name = `${row.Name as string}!`;
                }
            },
            after(ctx: DmlHookContext) {
                log.push(`after ${ctx.operation} ${ctx.newRows?.map((r) => r.Name as string).join(',')}`);
                assert.ok(ctx.newRows?.every((r) => typeof r.Id === 'string'));
                assert.equal(
                    store.query('SELECT COUNT() FROM Account').totalSize,
                    2,
                    'rows are written before after-triggers',
                );
            },
        };
        store.insert('Account', [{ Name: 'a' }, { Name: 'b' }], { hooks });
        assert.deepEqual(log, ['before insert 2', 'after insert a!,b!']);
        const before = store.query('SELECT Id FROM Account').rows.map((r) => r.Id as string);
        const updates: DmlHookContext[] = [];
        store.update(
            'Account',
            before.map((Id) => ({ Id, Industry: 'Energy' })),
            { hooks: { before: (c) => updates.push(c), after: (c) => updates.push(c) } },
        );
        assert.equal(updates[0]?.oldRows?.[0]?.Industry, null);
        assert.equal(updates[0]?.newRows?.[0]?.Industry, 'Energy');
        assert.equal(updates[0]?.newRows?.[0]?.Name, 'a!', 'Trigger.new holds the whole record');
    });

    test('addError in before fails the record with FIELD_CUSTOM_VALIDATION_EXCEPTION; required checks run after before-triggers', () => {
        const hooks = {
            before(ctx: DmlHookContext) {
                ctx.newRows?.forEach((row, i) => {
                    if (row.Name === 'bad') ctx.addError(i, 'Name is bad', ['Name']);
                    if (row.Name === undefined) row.Name = 'filled by trigger';
                });
            },
        };
        const r = store.insert('Account', [{ Name: 'bad' }, {}, { Name: 'good' }], { allOrNone: false, hooks });
        assert.deepEqual(codes(r), ['FIELD_CUSTOM_VALIDATION_EXCEPTION', undefined, undefined]);
        assert.equal(r[0]?.errors[0]?.message, 'Name is bad');
        const e = firstError(() => store.insert('Account', [{ Name: 'bad' }], { hooks }));
        assert.equal(
            e.message,
            'Insert failed. First exception on row 0; first error: FIELD_CUSTOM_VALIDATION_EXCEPTION, Name is bad: [Name]',
        );
    });

    test('allOrNone=false undoes the failed rows only: an after-trigger error rolls back and retries the rest', () => {
        let attempts = 0;
        const hooks = {
            after(ctx: DmlHookContext) {
                attempts++;
                store.insert('Task', ctx.newRows?.map((r) => ({ Subject: `audit ${r.Name as string}` })) ?? []);
                ctx.newRows?.forEach((row, i) => {
                    if (row.Name === 'fail late') ctx.addError(i, 'late failure');
                });
            },
        };
        const r = store.insert('Account', [{ Name: 'one' }, { Name: 'fail late' }, { Name: 'two' }], {
            allOrNone: false,
            hooks,
        });
        assert.deepEqual(
            r.map((x) => x.success),
            [true, false, true],
        );
        assert.equal(attempts, 2, 'triggers fire again on the retry');
        assert.deepEqual(
            store.query('SELECT Name FROM Account ORDER BY Name').rows.map((x) => x.Name),
            ['one', 'two'],
        );
        assert.deepEqual(
            store.query('SELECT Subject FROM Task ORDER BY Subject').rows.map((x) => x.Subject),
            ['audit one', 'audit two'],
            "the failed record's trigger effects are undone",
        );
        assert.ok(r[1]?.id === null);
    });

    test('a hook may fail rows with another status code (an unhandled trigger exception)', () => {
        const hooks = {
            after: (c: DmlHookContext) =>
                c.newRows?.forEach((_, i) =>
                    c.addError(
                        i,
                        'AccountTrigger: execution of AfterInsert caused by: boom',
                        [],
                        'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY',
                    ),
                ),
        };
        const e = firstError(() => store.insert('Account', [{ Name: 'x' }], { hooks }));
        assert.equal(
            e.message,
            'Insert failed. First exception on row 0; first error: CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY, AccountTrigger: execution of AfterInsert caused by: boom: []',
        );
        assert.equal(store.query('SELECT COUNT() FROM Account').totalSize, 0);
    });

    test('an exception thrown by a hook undoes the statement and propagates', () => {
        assert.throws(
            () =>
                store.insert('Account', [{ Name: 'x' }], {
                    hooks: {
                        after: () => {
                            throw new Error('interpreter failure');
                        },
                    },
                }),
            /interpreter failure/,
        );
        assert.equal(store.query('SELECT COUNT() FROM Account').totalSize, 0);
    });

    test('delete and undelete hooks see old / new rows', () => {
        const id = store.insert('Account', [{ Name: 'x' }])[0]?.id as string;
        const seen: string[] = [];
        const name = (rows: Row[] | null) => rows?.[0]?.Name as string;
        const hooks = {
            before: (c: DmlHookContext) => seen.push(`before ${c.operation} ${name(c.oldRows)}`),
            after: (c: DmlHookContext) => seen.push(`after ${c.operation} ${name(c.oldRows ?? c.newRows)}`),
        };
        store.delete('Account', [id], { hooks });
        store.undelete('Account', [id], { hooks });
        assert.deepEqual(seen, ['before delete x', 'after delete x', 'after undelete x']);
    });
});

describe('system writes', () => {
    test('platform-owned rows (AsyncApexJob) are written without DML checks', () => {
        const [job] = store.systemInsert('AsyncApexJob', [{ JobType: 'Queueable', Status: 'Queued' }]);
        store.systemUpdate('AsyncApexJob', job, { Status: 'Completed', JobItemsProcessed: 1 });
        assert.deepEqual(store.query('SELECT Status, JobItemsProcessed FROM AsyncApexJob').rows[0], {
            Id: job,
            Status: 'Completed',
            JobItemsProcessed: 1,
        });
    });
});
