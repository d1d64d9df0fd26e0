import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { OrgStore } from '../../src/data/index.js';
import { fixtureSchema, newStore } from './helpers.js';

const names = (store: OrgStore) => store.query('SELECT Name FROM Account ORDER BY Name').rows.map((r) => r.Name);

test('savepoints roll back what came after them, and later savepoints become invalid', () => {
    const store = newStore();
    store.begin();
    store.insert('Account', [{ Name: 'a' }]);
    const sp1 = store.setSavepoint();
    store.insert('Account', [{ Name: 'b' }]);
    const sp2 = store.setSavepoint();
    store.insert('Account', [{ Name: 'c' }]);
    store.rollbackTo(sp2);
    assert.deepEqual(names(store), ['a', 'b']);
    store.rollbackTo(sp1);
    assert.deepEqual(names(store), ['a']);
    assert.throws(() => store.rollbackTo(sp2), /Savepoint does not exist in this context/);
    store.insert('Account', [{ Name: 'd' }]);
    store.rollbackTo(sp1);
    assert.deepEqual(names(store), ['a'], 'a savepoint can be rolled back to more than once');
    store.commit();
    assert.deepEqual(names(store), ['a']);
});

test('rollback of the whole transaction undoes everything since begin', () => {
    const store = newStore();
    store.insert('Account', [{ Name: 'committed' }]);
    store.begin();
    store.insert('Account', [{ Name: 'pending' }]);
    store.setSavepoint();
    store.insert('Account', [{ Name: 'pending 2' }]);
    store.rollback();
    assert.deepEqual(names(store), ['committed']);
    assert.equal(store.inTransaction, false);
});

test('a DML statement inside a savepoint keeps working (internal savepoints nest)', () => {
    const store = newStore();
    store.begin();
    const sp = store.setSavepoint();
    const r = store.insert('Account', [{ Name: 'x' }, {}], { allOrNone: false });
    assert.deepEqual(
        r.map((x) => x.success),
        [true, false],
    );
    assert.deepEqual(names(store), ['x']);
    store.rollbackTo(sp);
    assert.deepEqual(names(store), []);
    store.commit();
});

test('a file-backed org keeps its records and never reuses Ids', () => {
    const file = join(tmpdir(), `offline-org-${process.pid}-${Date.now()}.db`);
    try {
        const first = new OrgStore(fixtureSchema(), { file });
        const id = first.insert('Account', [{ Name: 'persisted' }])[0]?.id;
        const admin = first.defaultUserId;
        first.close();
        const second = new OrgStore(fixtureSchema(), { file });
        assert.deepEqual(names(second), ['persisted']);
        assert.equal(second.defaultUserId, admin);
        const next = second.insert('Account', [{ Name: 'next' }])[0]?.id;
        assert.notEqual(next, id);
        second.close();
    } finally {
        rmSync(file, { force: true });
    }
});
