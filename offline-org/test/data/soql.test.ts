import assert from 'node:assert/strict';
import { beforeEach, describe, test } from 'node:test';
import { join } from 'node:path';
import {
    loadSchema,
    NotSupportedError,
    OrgStore,
    QueryException,
    rowType,
    to15,
    type Row,
} from '../../src/data/index.js';
import { writeFixtureProject } from './fixture-project.js';
import { newStore } from './helpers.js';

let store: OrgStore;
let acme: string;
let globex: string;
let initech: string;

function ids(rows: Row[]): string[] {
    return rows.map((r) => r.Name as string);
}

function q(soql: string, binds?: Record<string, unknown>): Row[] {
    return store.query(soql, binds as never).rows;
}

beforeEach(() => {
    store = newStore();
    const ok = (r: { id: string | null }[]) => r.map((x) => x.id as string);
    [acme, globex, initech] = ok(
        store.insert('Account', [
            { Name: 'Acme', Industry: 'Banking', NumberOfEmployees: 100, AnnualRevenue: 5000 },
            { Name: 'Globex', Industry: 'Energy', NumberOfEmployees: 50, AnnualRevenue: 1500 },
            { Name: 'Initech', NumberOfEmployees: null, AnnualRevenue: 2500 },
        ]),
    ) as [string, string, string];
    store.update('Account', [{ Id: globex, ParentId: acme }]);
    store.insert('Contact', [
        { FirstName: 'Ann', LastName: 'Alpha', AccountId: acme, Email: 'ann@acme.test' },
        { FirstName: 'Bob', LastName: 'beta', AccountId: acme },
        { FirstName: 'Cid', LastName: 'Gamma', AccountId: globex, Birthdate: '1990-05-01' },
        { LastName: 'Delta' },
    ]);
    store.insert('Invoice__c', [
        {
            Account__c: acme,
            Amount__c: 10,
            Tags__c: 'red;green',
            Due__c: '2024-03-15',
            Sent_At__c: '2024-03-15T09:00:00.000Z',
        },
        {
            Account__c: acme,
            Amount__c: 20,
            Tags__c: 'blue',
            Due__c: '2024-03-14',
            Sent_At__c: '2024-03-01T00:00:00.000Z',
            Status__c: 'Sent',
        },
        { Account__c: globex, Amount__c: 30, Tags__c: 'red', Due__c: '2024-04-02', Status__c: 'Paid' },
    ]);
});

describe('SELECT and relationships', () => {
    test('fields come back by canonical name, with Id always included', () => {
        const rows = q("select name, industry from account where name = 'acme'");
        assert.deepEqual(Object.keys(rows[0]), ['Id', 'Name', 'Industry']);
        assert.equal(rows[0]?.Industry, 'Banking');
    });

    test('parent fields through several levels, null when the parent is empty', () => {
        const rows = q(
            'SELECT LastName, Account.Name, Account.Parent.Name, Account.Owner.Alias FROM Contact ORDER BY LastName',
        );
        const byName = new Map(rows.map((r) => [r.LastName, r]));
        assert.deepEqual(byName.get('Gamma')?.Account, {
            Name: 'Globex',
            Parent: { Name: 'Acme' },
            Owner: { Alias: 'admin' },
        });
        assert.deepEqual(byName.get('Alpha')?.Account, { Name: 'Acme', Parent: null, Owner: { Alias: 'admin' } });
        assert.equal(byName.get('Delta')?.Account, null);
    });

    test('polymorphic relationships read from whichever target matched, with Type', () => {
        store.insert('Case', [{ Subject: 'Broken', AccountId: acme }]);
        const rows = q('SELECT Subject, Owner.Name, Owner.Type, CaseNumber FROM Case');
        assert.deepEqual(rows[0]?.Owner, { Name: 'Offline Admin', Type: 'User' });
        assert.equal(rows[0]?.CaseNumber, '00000001');
    });

    test('Task What / Who resolve across their target objects', () => {
        const contact = store.query("SELECT Id FROM Contact WHERE LastName = 'Alpha'").rows[0]?.Id as string;
        store.insert('Task', [{ Subject: 'call', WhatId: acme, WhoId: contact }, { Subject: 'none' }]);
        const rows = q('SELECT Subject, What.Name, What.Type, Who.Name FROM Task ORDER BY Subject');
        assert.deepEqual(
            rows.map((r) => [r.Subject, r.What, r.Who]),
            [
                ['call', { Name: 'Acme', Type: 'Account' }, { Name: 'Ann Alpha' }],
                ['none', null, null],
            ],
        );
        assert.deepEqual(
            q("SELECT Subject FROM Task WHERE What.Type = 'Account'").map((r) => r.Subject),
            ['call'],
        );
        const account = store.query('SELECT Name, (SELECT Subject FROM Tasks) FROM Account WHERE Id = :acme', { acme })
            .rows[0];
        assert.deepEqual(
            (account?.Tasks as Row[]).map((t) => t.Subject),
            ['call'],
        );
    });

    test('every row carries its object type, hidden from its keys', () => {
        store.insert('Case', [{ Subject: 'typed', AccountId: acme }]);
        const c = q('SELECT Subject, Account.Name, Owner.Name, (SELECT Id FROM Tasks) FROM Case')[0];
        assert.equal(rowType(c), 'Case');
        assert.equal(rowType(c.Account as Row), 'Account');
        assert.equal(rowType(c.Owner as Row), 'User', 'a polymorphic parent is typed by the record found');
        assert.deepEqual(Object.keys(c), ['Id', 'Subject', 'Account', 'Owner', 'Tasks']);
        assert.equal(JSON.stringify(c.Account), '{"Name":"Acme"}');
        const a = q("SELECT Name, (SELECT LastName FROM Contacts) FROM Account WHERE Name = 'Acme'")[0];
        assert.equal(rowType((a.Contacts as Row[])[0]), 'Contact');
        assert.equal(rowType(q('SELECT COUNT(Id) FROM Account')[0]), 'AggregateResult');
    });

    test('child subqueries return nested arrays, with their own WHERE, ORDER BY and per-parent LIMIT', () => {
        const result = store.query(
            "SELECT Name, (SELECT LastName FROM Contacts WHERE LastName != 'zzz' ORDER BY LastName DESC LIMIT 1), (SELECT Amount__c FROM Invoices__r) FROM Account ORDER BY Name",
        );
        const acmeRow = result.rows[0];
        assert.deepEqual(
            (acmeRow.Contacts as Row[]).map((c) => c.LastName),
            ['beta'],
        );
        assert.deepEqual(
            (acmeRow.Invoices__r as Row[]).map((c) => c.Amount__c),
            [10, 20],
        );
        assert.deepEqual(result.rows[2]?.Contacts, []);
        assert.equal(result.queryRowsCounted, 3 + 2 + 3, 'child rows count against the query-row limit');
    });

    test('the FROM alias may prefix fields', () => {
        assert.deepEqual(ids(q("SELECT a.Name FROM Account a WHERE a.Industry = 'Energy'")), ['Globex']);
    });
});

describe('WHERE', () => {
    test('AND / OR / NOT with parentheses', () => {
        assert.deepEqual(
            ids(
                q(
                    "SELECT Name FROM Account WHERE (Industry = 'Banking' OR Industry = 'Energy') AND NumberOfEmployees > 60",
                ),
            ),
            ['Acme'],
        );
        assert.deepEqual(ids(q("SELECT Name FROM Account WHERE NOT (Industry = 'Banking') ORDER BY Name")), ['Globex']);
        assert.throws(
            () => q("SELECT Name FROM Account WHERE Industry = 'a' AND Name = 'b' OR Name = 'c'"),
            QueryException,
        );
    });

    test('comparison operators; != and NOT IN include nulls as on the platform', () => {
        assert.deepEqual(ids(q('SELECT Name FROM Account WHERE NumberOfEmployees >= 50 ORDER BY Name')), [
            'Acme',
            'Globex',
        ]);
        assert.deepEqual(ids(q('SELECT Name FROM Account WHERE NumberOfEmployees < 100')), ['Globex']);
        assert.deepEqual(ids(q('SELECT Name FROM Account WHERE NumberOfEmployees <= 100 ORDER BY Name')), [
            'Acme',
            'Globex',
        ]);
        assert.deepEqual(ids(q("SELECT Name FROM Account WHERE Industry != 'Banking' ORDER BY Name")), [
            'Globex',
            'Initech',
        ]);
        assert.deepEqual(ids(q("SELECT Name FROM Account WHERE Industry NOT IN ('Banking') ORDER BY Name")), [
            'Globex',
            'Initech',
        ]);
        assert.deepEqual(ids(q('SELECT Name FROM Account WHERE Industry = null')), ['Initech']);
        assert.deepEqual(ids(q('SELECT Name FROM Account WHERE Industry != null ORDER BY Name')), ['Acme', 'Globex']);
    });

    test('string comparison and LIKE are case-insensitive; LIKE supports % and _ and escapes', () => {
        assert.deepEqual(ids(q("SELECT Name FROM Account WHERE Name = 'ACME'")), ['Acme']);
        assert.deepEqual(ids(q("SELECT Name FROM Account WHERE Name LIKE 'gl%'")), ['Globex']);
        assert.deepEqual(ids(q("SELECT Name FROM Account WHERE Name LIKE '_nitec_'")), ['Initech']);
        store.insert('Account', [{ Name: '100% Co' }, { Name: '100 Co' }]);
        assert.deepEqual(ids(q("SELECT Name FROM Account WHERE Name LIKE '100\\% %'")), ['100% Co']);
    });

    test('IN with literal lists and bind lists, = with a bind list, empty lists', () => {
        assert.deepEqual(ids(q("SELECT Name FROM Account WHERE Industry IN ('Banking', 'Energy') ORDER BY Name")), [
            'Acme',
            'Globex',
        ]);
        assert.deepEqual(ids(q('SELECT Name FROM Account WHERE Id IN :ids ORDER BY Name', { ids: [acme, initech] })), [
            'Acme',
            'Initech',
        ]);
        assert.deepEqual(ids(q('SELECT Name FROM Account WHERE Id = :ids', { ids: [globex] })), ['Globex']);
        assert.deepEqual(q('SELECT Name FROM Account WHERE Id IN :ids', { ids: [] }), []);
        assert.equal(q('SELECT Name FROM Account WHERE Id NOT IN :ids', { ids: [] }).length, 3);
    });

    test('very large bind lists work (beyond SQLite parameter limits)', () => {
        const many = Array.from({ length: 40000 }, (_, i) => `name ${i}`);
        many.push('ACME');
        assert.deepEqual(ids(q('SELECT Name FROM Account WHERE Name IN :many', { many })), ['Acme']);
        assert.equal(q('SELECT Name FROM Account WHERE Name NOT IN :many', { many }).length, 2);
    });

    test('binds are resolved by the caller from the expression text', () => {
        const seen: string[] = [];
        const rows = store.query(
            "SELECT Name FROM Account WHERE Name = :acc.Name AND NumberOfEmployees > :limits.get('min')",
            (text) => {
                seen.push(text);
                return text === 'acc.Name' ? 'Acme' : 10;
            },
        ).rows;
        assert.deepEqual(ids(rows), ['Acme']);
        assert.deepEqual(seen, ['acc.Name', "limits.get('min')"]);
        let calls = 0;
        store.query('SELECT Name, (SELECT LastName FROM Contacts WHERE LastName != :n) FROM Account', () => {
            calls++;
            return 'x';
        });
        assert.equal(calls, 1, 'each bind expression is evaluated once per query');
        assert.throws(
            () => q('SELECT Name FROM Account WHERE Name = :missing', {}),
            /Variable does not exist: missing/,
        );
    });

    test('15-character Ids match their 18-character form; a malformed Id is an error', () => {
        assert.deepEqual(ids(q(`SELECT Name FROM Account WHERE Id = '${to15(acme)}'`)), ['Acme']);
        assert.deepEqual(ids(q(`SELECT Name FROM Account WHERE Id = '${acme.toLowerCase()}'`)), ['Acme']);
        assert.throws(() => q("SELECT Name FROM Account WHERE Id = 'nope'"), /invalid ID field: nope/);
    });

    test('a unique case-sensitive text field: = is case-sensitive; <, > and ORDER BY ignore case, as on the platform', () => {
        const keys = ['kA', 'ka', 'kB'];
        const ids = store.insert(
            'Invoice__c',
            keys.map((k) => ({ Account__c: acme, Amount__c: 1, Case_Key__c: k })),
        );
        assert.ok(
            ids.every((r) => r.id !== null),
            'keys differing by case only are unique',
        );
        const keysOf = (rows: Row[]): unknown[] => rows.map((r) => r['Case_Key__c']);
        assert.deepEqual(keysOf(q("SELECT Case_Key__c FROM Invoice__c WHERE Case_Key__c = 'ka'")), ['ka']);
        assert.deepEqual(keysOf(q("SELECT Case_Key__c FROM Invoice__c WHERE Case_Key__c > 'kA'")), ['kB']);
        assert.deepEqual(
            keysOf(q('SELECT Case_Key__c FROM Invoice__c WHERE Case_Key__c != null ORDER BY Case_Key__c')).slice(2),
            ['kB'],
            'kA and ka sort together, before kB',
        );
    });

    test('INCLUDES / EXCLUDES on multi-select picklists (; means AND inside one term)', () => {
        const amounts = (rows: Row[]) => rows.map((r) => r.Amount__c).sort();
        assert.deepEqual(amounts(q("SELECT Amount__c FROM Invoice__c WHERE Tags__c INCLUDES ('red')")), [10, 30]);
        assert.deepEqual(
            amounts(q("SELECT Amount__c FROM Invoice__c WHERE Tags__c INCLUDES ('red;green', 'blue')")),
            [10, 20],
        );
        assert.deepEqual(amounts(q("SELECT Amount__c FROM Invoice__c WHERE Tags__c EXCLUDES ('red')")), [20]);
        assert.throws(() => q("SELECT Name FROM Account WHERE Name INCLUDES ('x')"), QueryException);
    });

    test('date and datetime literals and the date literal keywords (clock fixed at 2024-03-15T10:30Z)', () => {
        const amounts = (soql: string) =>
            q(soql)
                .map((r) => r.Amount__c)
                .sort();
        assert.deepEqual(amounts('SELECT Amount__c FROM Invoice__c WHERE Due__c = TODAY'), [10]);
        assert.deepEqual(amounts('SELECT Amount__c FROM Invoice__c WHERE Due__c = YESTERDAY'), [20]);
        assert.deepEqual(amounts('SELECT Amount__c FROM Invoice__c WHERE Due__c > TODAY'), [30]);
        assert.deepEqual(amounts('SELECT Amount__c FROM Invoice__c WHERE Due__c <= TODAY'), [10, 20]);
        assert.deepEqual(amounts('SELECT Amount__c FROM Invoice__c WHERE Due__c = NEXT_N_DAYS:30'), [30]);
        assert.deepEqual(amounts('SELECT Amount__c FROM Invoice__c WHERE Due__c = LAST_N_DAYS:1'), [10, 20]);
        assert.deepEqual(amounts('SELECT Amount__c FROM Invoice__c WHERE Due__c = THIS_MONTH'), [10, 20]);
        assert.deepEqual(amounts('SELECT Amount__c FROM Invoice__c WHERE Due__c = NEXT_MONTH'), [30]);
        assert.deepEqual(amounts('SELECT Amount__c FROM Invoice__c WHERE Due__c = THIS_YEAR'), [10, 20, 30]);
        assert.deepEqual(amounts('SELECT Amount__c FROM Invoice__c WHERE Due__c = THIS_WEEK'), [10, 20]);
        assert.deepEqual(amounts('SELECT Amount__c FROM Invoice__c WHERE Due__c = 2024-04-02'), [30]);
        assert.deepEqual(amounts('SELECT Amount__c FROM Invoice__c WHERE Sent_At__c = TODAY'), [10]);
        assert.deepEqual(amounts('SELECT Amount__c FROM Invoice__c WHERE Sent_At__c < 2024-03-10T00:00:00Z'), [20]);
        assert.deepEqual(amounts('SELECT Amount__c FROM Invoice__c WHERE Sent_At__c > 2024-03-15T08:00:00-02:00'), []);
        assert.deepEqual(amounts('SELECT Amount__c FROM Invoice__c WHERE Due__c IN (TODAY, NEXT_MONTH)'), [10, 30]);
        assert.equal(q('SELECT Id FROM Contact WHERE CreatedDate = TODAY').length, 4);
        assert.throws(() => q('SELECT Id FROM Invoice__c WHERE Sent_At__c = 2024-03-15'), /must be of type dateTime/);
    });

    test('date literals are evaluated in the org time zone', () => {
        const tokyo = newStore({ timeZone: 'Asia/Tokyo', now: new Date('2024-03-15T20:00:00.000Z') });
        tokyo.insert('Invoice__c', [
            { Sent_At__c: '2024-03-15T16:00:00.000Z', Amount__c: 1 },
            { Sent_At__c: '2024-03-15T14:00:00.000Z', Amount__c: 2 },
        ]);
        assert.deepEqual(
            tokyo.query('SELECT Amount__c FROM Invoice__c WHERE Sent_At__c = TODAY').rows.map((r) => r.Amount__c),
            [1],
        );
        assert.deepEqual(
            tokyo.query('SELECT Amount__c FROM Invoice__c WHERE Sent_At__c = YESTERDAY').rows.map((r) => r.Amount__c),
            [2],
        );
        assert.deepEqual(
            tokyo
                .query('SELECT Amount__c FROM Invoice__c WHERE Sent_At__c = TODAY', undefined, { timeZone: 'UTC' })
                .rows.map((r) => r.Amount__c)
                .sort(),
            [1, 2],
            'a running user time zone overrides the org one',
        );
    });

    test('filters on parent fields and semi-joins', () => {
        assert.deepEqual(
            q("SELECT LastName FROM Contact WHERE Account.Industry = 'Banking' ORDER BY LastName").map(
                (r) => r.LastName,
            ),
            ['Alpha', 'beta'],
        );
        assert.deepEqual(ids(q('SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact) ORDER BY Name')), [
            'Acme',
            'Globex',
        ]);
        assert.deepEqual(
            ids(
                q(
                    "SELECT Name FROM Account WHERE Id NOT IN (SELECT Account__c FROM Invoice__c WHERE Status__c = 'Paid') ORDER BY Name",
                ),
            ),
            ['Acme', 'Initech'],
        );
        assert.deepEqual(
            ids(q('SELECT Name FROM Account WHERE Id NOT IN (SELECT AccountId FROM Contact) ORDER BY Name')),
            ['Initech'],
            'nulls in a semi-join do not empty NOT IN',
        );
    });

    test('literal types are checked against the field type', () => {
        assert.throws(
            () => q("SELECT Id FROM Account WHERE NumberOfEmployees = '5'"),
            /must be of type integer and should not be enclosed in quotes/,
        );
        assert.throws(
            () => q('SELECT Id FROM Account WHERE Name = 5'),
            /must be of type string and should be enclosed in quotes/,
        );
        assert.throws(() => q("SELECT Id FROM Invoice__c WHERE Notes__c = 'x'"), /can not be filtered/);
    });
});

describe('ORDER BY, LIMIT, OFFSET', () => {
    test('ASC puts nulls first, DESC puts nulls last, NULLS FIRST/LAST override', () => {
        assert.deepEqual(ids(q('SELECT Name FROM Account ORDER BY NumberOfEmployees')), ['Initech', 'Globex', 'Acme']);
        assert.deepEqual(ids(q('SELECT Name FROM Account ORDER BY NumberOfEmployees DESC')), [
            'Acme',
            'Globex',
            'Initech',
        ]);
        assert.deepEqual(ids(q('SELECT Name FROM Account ORDER BY NumberOfEmployees ASC NULLS LAST')), [
            'Globex',
            'Acme',
            'Initech',
        ]);
        assert.deepEqual(ids(q('SELECT Name FROM Account ORDER BY NumberOfEmployees DESC NULLS FIRST')), [
            'Initech',
            'Acme',
            'Globex',
        ]);
    });

    test('ordering text is case-insensitive; several keys', () => {
        assert.deepEqual(
            q('SELECT LastName FROM Contact ORDER BY LastName').map((r) => r.LastName),
            ['Alpha', 'beta', 'Delta', 'Gamma'],
        );
        assert.deepEqual(
            q('SELECT LastName FROM Contact ORDER BY Account.Name DESC NULLS LAST, LastName').map((r) => r.LastName),
            ['Gamma', 'Alpha', 'beta', 'Delta'],
        );
    });

    test('LIMIT and OFFSET, also as binds', () => {
        assert.deepEqual(ids(q('SELECT Name FROM Account ORDER BY Name LIMIT 2')), ['Acme', 'Globex']);
        assert.deepEqual(ids(q('SELECT Name FROM Account ORDER BY Name LIMIT :n OFFSET :o', { n: 1, o: 2 })), [
            'Initech',
        ]);
        assert.deepEqual(ids(q('SELECT Name FROM Account ORDER BY Name OFFSET 1')), ['Globex', 'Initech']);
    });
});

describe('aggregates', () => {
    test('COUNT() returns the count only', () => {
        const r = store.query("SELECT COUNT() FROM Contact WHERE Account.Name = 'Acme'");
        assert.equal(r.totalSize, 2);
        assert.deepEqual(r.rows, []);
        assert.equal(r.isAggregate, false);
        assert.equal(r.queryRowsCounted, 1);
        assert.equal(store.query('SELECT COUNT() FROM Contact LIMIT 3').totalSize, 3);
    });

    test('functions with aliases and exprN names, GROUP BY and HAVING', () => {
        const r = store.query(
            'SELECT Industry, COUNT(Id), SUM(AnnualRevenue) total, MAX(NumberOfEmployees), MIN(Name), AVG(AnnualRevenue) FROM Account GROUP BY Industry ORDER BY Industry NULLS LAST',
        );
        assert.equal(r.isAggregate, true);
        assert.deepEqual(r.rows[0], {
            Industry: 'Banking',
            expr0: 1,
            total: 5000,
            expr1: 100,
            expr2: 'Acme',
            expr3: 5000,
        });
        assert.deepEqual(r.rows[2], {
            Industry: null,
            expr0: 1,
            total: 2500,
            expr1: null,
            expr2: 'Initech',
            expr3: 2500,
        });
        assert.equal(r.queryRowsCounted, 3, 'SUM/AVG/MIN/MAX count every row aggregated');
        const having = store.query(
            'SELECT Account.Name, COUNT(Id) n FROM Contact WHERE AccountId != null GROUP BY Account.Name HAVING COUNT(Id) > 1',
        );
        assert.deepEqual(having.rows, [{ Name: 'Acme', n: 2 }]);
        assert.equal(having.queryRowsCounted, 1, 'COUNT with GROUP BY counts one row per group');
        assert.deepEqual(store.query('SELECT COUNT_DISTINCT(AccountId) FROM Contact').rows, [{ expr0: 2 }]);
        assert.deepEqual(
            store.query('SELECT SUM(Amount__c) FROM Invoice__c WHERE Account__r.Name = :n', { n: 'acme' }).rows,
            [{ expr0: 30 }],
        );
    });

    test('grouped fields may carry an alias', () => {
        assert.deepEqual(
            store.query(
                'SELECT Industry ind, COUNT(Id) n FROM Account WHERE Industry != null GROUP BY Industry ORDER BY COUNT(Id) DESC, Industry',
            ).rows,
            [
                { ind: 'Banking', n: 1 },
                { ind: 'Energy', n: 1 },
            ],
        );
    });

    test('fields must be grouped or aggregated', () => {
        assert.throws(
            () => q('SELECT Name, COUNT(Id) FROM Account GROUP BY Industry'),
            /must be grouped or aggregated/,
        );
    });
});

describe('ALL ROWS, FOR UPDATE and unsupported features', () => {
    test('deleted records are hidden unless ALL ROWS', () => {
        store.delete('Account', [initech]);
        assert.equal(q('SELECT Id FROM Account').length, 2);
        const all = q('SELECT Name, IsDeleted FROM Account ALL ROWS');
        assert.equal(all.length, 3);
        assert.equal(all.find((r) => r.Name === 'Initech')?.IsDeleted, true);
    });

    test('FOR UPDATE is accepted', () => {
        assert.equal(q('SELECT Id FROM Account FOR UPDATE').length, 3);
    });

    test('TYPEOF, FIELDS(), formula fields and compound fields are loudly not supported', () => {
        const loud = (soql: string) =>
            assert.throws(
                () => store.query(soql, undefined, { location: 'classes/Foo.cls:12' }),
                (e: unknown) =>
                    e instanceof NotSupportedError &&
                    /^not supported by the offline runtime: .+ at classes\/Foo\.cls:12$/.test(e.message),
            );
        loud('SELECT TYPEOF What WHEN Account THEN Name END FROM Task');
        loud('SELECT FIELDS(ALL) FROM Account LIMIT 1');
        loud('SELECT Total_With_Tax__c FROM Invoice__c');
        loud('SELECT Id FROM Account USING SCOPE mine');
    });
});

describe('errors for unknown names match the platform', () => {
    test('unknown object, field, relationship and child relationship', () => {
        assert.throws(() => q('SELECT Id FROM Nope__c'), /^QueryException: sObject type 'Nope__c' is not supported\./);
        assert.throws(() => q('SELECT Foo FROM Account'), /No such column 'Foo' on entity 'Account'/);
        assert.throws(
            () => q('SELECT Foo__r.Name FROM Account'),
            /Didn't understand relationship 'Foo__r' in field path/,
        );
        assert.throws(
            () => q('SELECT Id, (SELECT Id FROM Nopes) FROM Account'),
            /Didn't understand relationship 'Nopes' in FROM part of query call/,
        );
        assert.throws(() => q('SELECT Id FROM Sync_Event__e'), /sObject type 'Sync_Event__e' is not supported/);
        assert.throws(() => q('SELECT Id FROM'), QueryException);
        assert.throws(() => q('SELECT Id FROM Account extra tokens'), QueryException);
    });
});

describe('metadata rows', () => {
    test('custom metadata records and record types are queryable', () => {
        assert.deepEqual(
            q("SELECT DeveloperName, Url__c, Timeout__c FROM Endpoint__mdt WHERE DeveloperName = 'Primary'").map(
                (r) => [r.DeveloperName, r.Url__c, r.Timeout__c],
            ),
            [['Primary', 'https://example.com/a?x=1&y=2', 30]],
        );
        assert.deepEqual(
            q("SELECT DeveloperName FROM RecordType WHERE SobjectType = 'Account'").map((r) => r.DeveloperName),
            ['Partner'],
        );
        assert.equal(q("SELECT Name FROM Profile WHERE Name = 'System Administrator'").length, 1);
        assert.equal(q('SELECT Id FROM Organization').length, 1);
    });
});

const MD_XML = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** The files of a custom metadata type with one relationship field and one record whose field names `value`. */
function relationshipType(type: string, field: string, referenceTo: string, record: string, value: string) {
    const base = 'force-app/main/default';
    return {
        [`${base}/objects/${type}__mdt/${type}__mdt.object-meta.xml`]: `${MD_XML}<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata"><label>${type}</label><pluralLabel>${type}s</pluralLabel><visibility>Public</visibility></CustomObject>`,
        [`${base}/objects/${type}__mdt/fields/${field}.field-meta.xml`]: `${MD_XML}<CustomField xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>${field}</fullName><label>${field}</label><type>MetadataRelationship</type><referenceTo>${referenceTo}</referenceTo><relationshipName>${type}s</relationshipName></CustomField>`,
        [`${base}/customMetadata/${type}.${record}.md-meta.xml`]: `${MD_XML}<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><label>${record}</label><protected>false</protected><values><field>${field}</field><value xsi:type="xsd:string">${value}</value></values></CustomMetadata>`,
    };
}

describe('custom metadata relationships', () => {
    test('a relationship to another custom metadata type holds the related record Id, so IN and __r work', () => {
        const root = writeFixtureProject(relationshipType('Route', 'Endpoint__c', 'Endpoint__mdt', 'Main', 'Primary'));
        const org = new OrgStore(loadSchema(join(root, 'force-app')), { timeZone: 'UTC' });
        const [primary] = org.query("SELECT Id FROM Endpoint__mdt WHERE DeveloperName = 'Primary'").rows;
        const [route] = org.query('SELECT Endpoint__c, Endpoint__r.DeveloperName FROM Route__mdt').rows;
        assert.equal(route?.Endpoint__c, primary?.Id, 'the Id of the related record, not its name');
        assert.equal((route?.Endpoint__r as Row | undefined)?.DeveloperName, 'Primary');
        const ids = [primary?.Id as string];
        assert.equal(org.query('SELECT Id FROM Route__mdt WHERE Endpoint__c IN :ids', { ids }).rows.length, 1);
        org.close();
    });

    test('a relationship naming no record of its type is refused when the org is made', () => {
        const root = writeFixtureProject(relationshipType('Route', 'Endpoint__c', 'Endpoint__mdt', 'Lost', 'Nowhere'));
        assert.throws(
            () => new OrgStore(loadSchema(join(root, 'force-app')), { timeZone: 'UTC' }),
            /Endpoint__c names Nowhere, but Endpoint__mdt has no such record/,
        );
    });
});

describe('relationships to platform objects the offline org does not model', () => {
    test('the project loads; SOQL on the field is refused loudly', () => {
        const root = writeFixtureProject(
            relationshipType('Handler', 'Object__c', 'EntityDefinition', 'OnAccount', 'Account'),
        );
        const org = new OrgStore(loadSchema(join(root, 'force-app')), { timeZone: 'UTC' });
        assert.equal(org.query('SELECT DeveloperName FROM Handler__mdt').rows[0]?.DeveloperName, 'OnAccount');
        assert.throws(
            () => org.query("SELECT Id FROM Handler__mdt WHERE Object__r.QualifiedApiName = 'Account'"),
            /not supported by the offline runtime: SOQL on Handler__mdt\.Object__c, a relationship to EntityDefinition/,
        );
        assert.throws(() => org.query('SELECT Object__c FROM Handler__mdt'), NotSupportedError);
        org.close();
    });
});
