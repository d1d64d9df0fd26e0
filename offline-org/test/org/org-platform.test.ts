/**
 * The interpreter running against the data layer: SOQL, DML results and exceptions, triggers, savepoints, limits,
 * transaction rollback.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApexThrow } from '../../src/apex/runtime/values.js';
import { openOrg } from '../../src/org/open-org.js';
import { runCommitted } from '../support/run-committed.js';

function project(files: Record<string, string> = {}): string {
    const root = mkdtempSync(join(tmpdir(), 'org-platform-'));
    for (const [path, text] of Object.entries(files)) {
        const full = join(root, path);
        mkdirSync(join(full, '..'), { recursive: true });
        writeFileSync(full, text);
    }
    mkdirSync(join(root, 'classes'), { recursive: true });
    return root;
}

const run = runCommitted;

function apexError(fn: () => unknown): string {
    try {
        fn();
    } catch (e) {
        if (e instanceof ApexThrow)
            return `${e.exc.cls.name}: ${typeof e.exc.exc?.message === 'string' ? e.exc.exc.message : 'null'}`;
        throw e;
    }
    return 'no exception';
}

test('insert writes Ids back; SOQL reads parent fields, child subqueries, COUNT() and aggregates', () => {
    const org = openOrg([project()]);
    const out = run(
        org,
        `Account a = new Account(Name = 'Acme', AnnualRevenue = 12);
insert a;
insert new Contact(LastName = 'Smith', AccountId = a.Id);
Contact c = [SELECT Account.Name, Account.AnnualRevenue FROM Contact WHERE AccountId = :a.Id];
System.debug(c.Account.Name);
List<Account> withKids = [SELECT (SELECT LastName FROM Contacts) FROM Account WHERE Id IN :new List<Id>{ a.Id }];
System.debug(withKids[0].Contacts[0].LastName);
System.debug([SELECT COUNT() FROM Contact]);
AggregateResult[] ar = [SELECT COUNT(Id) n, MAX(LastName) FROM Contact];
Integer n = (Integer) ar[0].get('n');
System.debug(n + 1);
System.debug(ar[0].get('expr0'));
System.debug(Database.countQuery('SELECT COUNT() FROM Account WHERE Name = :who'.replace(':who', '\\'Acme\\'')));`,
    );
    assert.deepEqual(out, ['Acme', 'Smith', '1', '2', 'Smith', '1']);
});

test('assigning zero or several rows to one sObject raises QueryException', () => {
    const org = openOrg([project()]);
    assert.equal(
        apexError(() => run(org, `Account a = [SELECT Id FROM Account WHERE Name = 'none'];`)),
        'QueryException: List has no rows for assignment to SObject',
    );
    assert.equal(
        apexError(() =>
            run(
                org,
                `insert new List<Account>{ new Account(Name = 'a'), new Account(Name = 'b') };
Account a = [SELECT Id FROM Account];`,
            ),
        ),
        'QueryException: List has more than 1 row for assignment to SObject',
    );
});

test('DmlException carries the platform message and per-row details; partial saves return SaveResults', () => {
    const org = openOrg([project()]);
    const out = run(
        org,
        `try { insert new Account(); } catch (DmlException e) {
  System.debug(e.getMessage()); System.debug(e.getNumDml()); System.debug(e.getDmlType(0)); System.debug(e.getDmlFieldNames(0));
}
List<Database.SaveResult> rs = Database.insert(new List<Account>{ new Account(Name = 'x'), new Account() }, false);
System.debug(rs[0].isSuccess() + ' ' + rs[1].isSuccess() + ' ' + rs[1].getErrors()[0].getStatusCode());
System.debug([SELECT COUNT() FROM Account]);`,
    );
    assert.deepEqual(out, [
        'Insert failed. First exception on row 0; first error: REQUIRED_FIELD_MISSING, Required fields are missing: [Name]: [Name]',
        '1',
        'REQUIRED_FIELD_MISSING',
        '(Name)',
        'true false REQUIRED_FIELD_MISSING',
        '1',
    ]);
});

test('savepoints roll back; an unhandled exception rolls back the whole transaction', () => {
    const org = openOrg([project()]);
    assert.deepEqual(
        run(
            org,
            `Savepoint sp = Database.setSavepoint();
insert new Account(Name = 'gone');
Database.rollback(sp);
System.debug([SELECT COUNT() FROM Account]);
insert new Account(Name = 'kept');`,
        ),
        ['0'],
    );
    apexError(() => run(org, `insert new Account(Name = 'lost'); Integer i = 1 / 0;`));
    assert.deepEqual(
        run(
            org,
            `System.debug([SELECT Name FROM Account].Name);`.replace(
                '[SELECT Name FROM Account].Name',
                '[SELECT COUNT() FROM Account]',
            ),
        ),
        ['1'],
    );
});

test('triggers see Trigger context, addError fails the record, before-trigger changes are saved', () => {
    const org = openOrg([
        project({
            'triggers/AccountTrigger.trigger': `trigger AccountTrigger on Account (before insert, after insert) {
  for (Account a : Trigger.new) {
    if (Trigger.isBefore && a.Name == 'bad') a.addError('no bad names');
    if (Trigger.isBefore) a.Description = 'by ' + Trigger.operationType;
    if (a.Name == 'boom') { Object o = null; o.toString(); }
  }
}`,
        }),
    ]);
    const out = run(
        org,
        `Account a = new Account(Name = 'ok');
insert a;
Account back = [SELECT Description FROM Account WHERE Id = :a.Id];
System.debug(back.Description);
List<Database.SaveResult> rs = Database.insert(new List<Account>{ new Account(Name = 'bad'), new Account(Name = 'fine') }, false);
System.debug(rs[0].getErrors()[0].getMessage() + ' ' + rs[1].isSuccess());
try { insert new Account(Name = 'boom'); } catch (DmlException e) { System.debug(e.getDmlType(0)); }`,
    );
    assert.deepEqual(out, ['by BEFORE_INSERT', 'no bad names true', 'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY']);
});

test('governor limits: the 101st query raises an uncatchable LimitException', () => {
    const org = openOrg([project()]);
    assert.equal(
        apexError(() =>
            run(
                org,
                `try { for (Integer i = 0; i < 101; i++) { List<Account> l = [SELECT Id FROM Account]; } } catch (Exception e) { System.debug('caught'); }`,
            ),
        ),
        'LimitException: Too many SOQL queries: 101',
    );
    assert.deepEqual(
        run(
            org,
            `insert new Account(Name = 'a'); System.debug(Limits.getQueries() + ' ' + Limits.getDmlStatements() + ' ' + Limits.getDmlRows());`,
        ),
        ['0 1 1'],
    );
});

test('Database.insert(records, AccessLevel.USER_MODE) stays all-or-none and runs in user mode', () => {
    const org = openOrg([project()]);
    assert.deepEqual(
        run(
            org,
            `System.debug(Database.insert(new List<Account>{ new Account(Name = 'u') }, AccessLevel.USER_MODE)[0].isSuccess());
try { Database.insert(new List<Account>{ new Account() }, AccessLevel.USER_MODE); } catch (DmlException e) { System.debug('thrown'); }`,
        ),
        ['true', 'thrown'],
    );
});
