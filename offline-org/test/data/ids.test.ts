import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checksumSuffix, idsEqual, IdGenerator, isValidId, keyPrefixOf, to15, to18 } from '../../src/data/index.js';

test('the case-safe suffix follows the platform algorithm (a0D30000001n7Pi -> EAI)', () => {
    assert.equal(checksumSuffix('a0D30000001n7Pi'), 'EAI');
    assert.equal(to18('a0D30000001n7Pi'), 'a0D30000001n7PiEAI');
    assert.equal(checksumSuffix('001000000000000'), 'AAA');
    assert.equal(checksumSuffix('ABCDEABCDEABCDE'), '555');
});

test('15 and 18 character forms convert and compare', () => {
    const id18 = to18('0015g00000ABcDe');
    assert.equal(id18.length, 18);
    assert.equal(to15(id18), '0015g00000ABcDe');
    assert.ok(idsEqual('0015g00000ABcDe', id18));
    assert.ok(idsEqual(id18.toLowerCase(), id18), 'an 18-character id is case-insensitive');
    assert.equal(to18(id18.toUpperCase()), id18, 'to18 restores the case from the suffix');
    assert.ok(!idsEqual('0015g00000ABcDe', '0015g00000AbcDe'), '15-character ids are case-sensitive');
    assert.equal(keyPrefixOf(id18), '001');
});

test('malformed ids are rejected', () => {
    assert.ok(!isValidId('not-an-id'));
    assert.ok(!isValidId('0015g00000ABcDeXXX'), 'a wrong checksum suffix is invalid');
    assert.ok(isValidId('0015g00000ABcDe'));
    assert.throws(() => to18('short'));
});

test('the generator yields unique valid 18-character ids with the key prefix', () => {
    const gen = new IdGenerator();
    const ids = new Set<string>();
    for (let i = 0; i < 5000; i++) {
        const id = gen.newId('a01');
        assert.ok(isValidId(id) && id.length === 18 && id.startsWith('a01'));
        ids.add(id.toLowerCase());
    }
    assert.equal(ids.size, 5000, 'unique even case-insensitively');
    assert.throws(() => gen.newId('toolong'));
});
