import assert from 'node:assert/strict';
import { test } from 'node:test';
import { QueryException, type Row } from '../../src/data/index.js';
import { newStore } from './helpers.js';

test('a cursor fixes its records and binds at open, and fetches slices in query order', () => {
    const store = newStore();
    const acc = store.insert('Account', [{ Name: 'Parent' }])[0]?.id as string;
    store.insert(
        'Contact',
        Array.from({ length: 450 }, (_, i) => ({
            LastName: `C${String(i).padStart(3, '0')}`,
            AccountId: i % 2 ? acc : null,
        })),
    );
    let evaluated = 0;
    const cursor = store.openCursor(
        'SELECT LastName, Account.Name FROM Contact WHERE LastName >= :from ORDER BY LastName DESC',
        (text) => {
            evaluated++;
            assert.equal(text, 'from');
            return 'C100';
        },
    );
    assert.equal(cursor.size, 350);
    const first = cursor.fetch(0, 200);
    assert.equal(first.rows.length, 200);
    assert.equal(first.rows[0]?.LastName, 'C449');
    assert.equal((first.rows[0]?.Account as Row).Name, 'Parent');
    assert.equal(first.rows[1]?.Account, null);
    store.update('Contact', [{ Id: first.rows[0]?.Id, LastName: 'A moved' }]);
    store.insert('Contact', [{ LastName: 'C999' }]);
    const second = cursor.fetch(200, 200);
    assert.equal(second.rows.length, 150, 'records inserted after opening are not part of the cursor');
    assert.equal(second.rows[149]?.LastName, 'C100');
    assert.equal(cursor.fetch(0, 1).rows[0]?.LastName, 'A moved', 'fetch reads current values of the fixed records');
    assert.equal(evaluated, 1, 'binds are evaluated once, at open');
    assert.equal(cursor.fetch(400, 10).rows.length, 0);
    assert.throws(() => store.openCursor('SELECT COUNT() FROM Contact'), QueryException);
});

test('cursor pages include child subqueries and count their rows', () => {
    const store = newStore();
    const [a, b] = store.insert('Account', [{ Name: 'A' }, { Name: 'B' }]).map((r) => r.id as string);
    store.insert('Contact', [
        { LastName: 'x', AccountId: a },
        { LastName: 'y', AccountId: a },
        { LastName: 'z', AccountId: b },
    ]);
    const page = store
        .openCursor('SELECT Name, (SELECT LastName FROM Contacts ORDER BY LastName) FROM Account ORDER BY Name')
        .fetch(0, 2);
    assert.deepEqual(
        page.rows.map((r) => (r.Contacts as Row[]).map((c) => c.LastName)),
        [['x', 'y'], ['z']],
    );
    assert.equal(page.queryRowsCounted, 5);
});
