/**
 * Apex values <-> storage values, and query rows <-> SObjectValues, as the data layer boundary defines them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromStorage, recordToRow, rowToRecord, toStorage } from '../src/apex/storage-values.js';
import { Decimal } from '../src/apex/runtime/decimal.js';
import { ApexList, DateValue, DatetimeValue, IdValue, SObjectValue } from '../src/apex/runtime/values.js';
import { Runtime } from '../src/apex/interpreter/runtime.js';
import { testSchema } from './support/test-schema.js';

const account = testSchema.getObject('Account')!;
const contact = testSchema.getObject('Contact')!;

test('currency comes back as a Decimal with the field scale; integers as Integer', () => {
    const revenue = fromStorage(account.fields.get('annualrevenue')!, 1234.5);
    assert.ok(revenue instanceof Decimal);
    assert.equal(revenue.toString(), '1234.50');
    assert.equal(fromStorage(account.fields.get('numberofemployees')!, 42), 42);
    assert.equal(toStorage(account.fields.get('annualrevenue')!, Decimal.parse('10.25')), 10.25);
});

test('dates, datetimes and ids round-trip through their storage forms', () => {
    const birth = contact.fields.get('birthdate')!;
    assert.equal(toStorage(birth, new DateValue(2024, 2, 29)), '2024-02-29');
    const d = fromStorage(birth, '2024-02-29');
    assert.ok(d instanceof DateValue && d.d === 29);
    assert.equal(
        toStorage({ ...birth, type: 'datetime' }, new DatetimeValue(Date.UTC(2024, 0, 2, 3, 4, 5))),
        '2024-01-02T03:04:05.000Z',
    );
    const id = fromStorage(contact.fields.get('accountid')!, '001000000000001AAA');
    assert.ok(id instanceof IdValue);
});

test('a query row becomes a record with its parent and queried fields; unqueried fields fail on read', () => {
    const rec = rowToRecord(testSchema, 'Contact', {
        Id: '003000000000001AAA',
        LastName: 'Lee',
        Account: { Id: '001000000000001AAA', Name: 'Acme' },
    });
    const rt = new Runtime({ schema: testSchema });
    rt.linkAll();
    rt.beginTransaction();
    const out: string[] = [];
    rt.platform = {
        ...rt.platform,
        query: () => [rec],
    };
    rt.runAnonymous(
        'a.apex',
        'Contact c = [SELECT Id, LastName, Account.Name FROM Contact];\nSystem.debug(c.Account.Name);\ntry { System.debug(c.FirstName); } catch (SObjectException e) { System.debug(e.getMessage()); }',
    );
    for (const d of rt.tx.debug) out.push(d.message);
    assert.deepEqual(out, [
        'Acme',
        'SObject row was retrieved via SOQL without querying the requested field: Contact.FirstName',
    ]);
});

test('child subquery rows become a list of child records; records become rows for DML', () => {
    const rec = rowToRecord(testSchema, 'Account', {
        Id: '001000000000001AAA',
        Name: 'Acme',
        Contacts: [{ Id: '003000000000001AAA', LastName: 'Lee' }],
    });
    const contacts = rec.fields.get('contacts')!.value;
    assert.ok(
        contacts instanceof ApexList &&
            contacts.items.length === 1 &&
            (contacts.items[0] as SObjectValue).objectName === 'Contact',
    );
    const so = new SObjectValue('Account');
    so.fields.set('name', { name: 'Name', value: 'New' });
    so.fields.set('annualrevenue', { name: 'AnnualRevenue', value: Decimal.parse('5.5') });
    assert.deepEqual(recordToRow(testSchema, so), { Name: 'New', AnnualRevenue: 5.5 });
});
