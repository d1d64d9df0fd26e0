import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DmlException, SObjectException, type DmlHookContext } from '../../src/data/index.js';
import { newStore } from './helpers.js';

test('merge updates the master, reparents children, deletes the duplicates with MasterRecordId', () => {
    const store = newStore();
    const [master, dup1, dup2] = store
        .insert('Account', [{ Name: 'Master' }, { Name: 'Dup 1' }, { Name: 'Dup 2' }])
        .map((r) => r.id as string);
    const [c1, c2] = store
        .insert('Contact', [
            { LastName: 'a', AccountId: dup1 },
            { LastName: 'b', AccountId: dup2 },
        ])
        .map((r) => r.id as string);
    const seen: string[] = [];
    const hooks = {
        before: (c: DmlHookContext) => seen.push(`before ${c.operation}`),
        after: (c: DmlHookContext) => seen.push(`after ${c.operation}`),
    };
    const result = store.merge('Account', { Id: master, Industry: 'Energy' }, [dup1, dup2], { hooks });
    assert.equal(result.success, true);
    assert.deepEqual(result.mergedRecordIds, [dup1, dup2]);
    assert.deepEqual(result.updatedRelatedIds.sort(), [c1, c2].sort());
    assert.deepEqual(seen, ['before update', 'after update', 'before delete', 'after delete']);
    assert.equal(store.query('SELECT COUNT() FROM Contact WHERE AccountId = :m', { m: master }).totalSize, 2);
    assert.equal(store.query('SELECT Industry FROM Account WHERE Id = :m', { m: master }).rows[0]?.Industry, 'Energy');
    const losers = store.query('SELECT MasterRecordId, IsDeleted FROM Account WHERE Id IN :d ALL ROWS', {
        d: [dup1, dup2],
    }).rows;
    assert.deepEqual(
        losers.map((r) => [r.MasterRecordId, r.IsDeleted]),
        [
            [master, true],
            [master, true],
        ],
    );
});

test('merge refuses other objects, too many duplicates and merging a record into itself', () => {
    const store = newStore();
    const [a, b] = store.insert('Account', [{ Name: 'A' }, { Name: 'B' }]).map((r) => r.id as string);
    assert.throws(() => store.merge('Opportunity', { Id: a }, [b]), SObjectException);
    assert.throws(() => store.merge('Account', { Id: a }, [b, b, b]), DmlException);
    assert.equal(
        store.merge('Account', { Id: a }, [a], { allOrNone: false }).errors[0]?.statusCode,
        'INVALID_ID_FIELD',
    );
    assert.equal(store.query('SELECT COUNT() FROM Account').totalSize, 2);
});
