/**
 * Triggers run through Runtime.runTriggers with the Trigger context variables set.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Runtime } from '../src/apex/interpreter/runtime.js';
import { IdValue, SObjectValue } from '../src/apex/runtime/values.js';
import { testSchema } from './support/test-schema.js';

function account(name: string, id?: string): SObjectValue {
    const a = new SObjectValue('Account');
    if (id) a.fields.set('id', { name: 'Id', value: new IdValue(id) });
    a.fields.set('name', { name: 'Name', value: name });
    return a;
}

const trigger = `trigger AccountTrigger on Account (before insert, after update) {
    if (Trigger.isBefore && Trigger.isInsert) {
        for (Account a : Trigger.new) {
            a.Name = a.Name.toUpperCase();
        }
        System.debug('before insert ' + Trigger.size + ' ' + Trigger.operationType);
    } else {
        Account oldOne = Trigger.oldMap.get(Trigger.new[0].Id);
        System.debug('after update ' + oldOne.Name + ' -> ' + Trigger.new[0].Name);
    }
}`;

test('a before insert trigger sees Trigger.new and can change the records', () => {
    const rt = new Runtime({ schema: testSchema });
    rt.addTrigger('AccountTrigger.trigger', trigger);
    rt.linkAll();
    rt.beginTransaction();
    const recs = [account('acme'), account('globex')];
    rt.runTriggers({ objectName: 'Account', event: 'before insert', newRecords: recs, oldRecords: null });
    assert.equal(recs[0].fields.get('name')!.value, 'ACME');
    assert.deepEqual(
        rt.tx.debug.map((d) => d.message),
        ['before insert 2 BEFORE_INSERT'],
    );
});

test('an after update trigger reads Trigger.oldMap; other events do not fire it', () => {
    const rt = new Runtime({ schema: testSchema });
    rt.addTrigger('AccountTrigger.trigger', trigger);
    rt.linkAll();
    rt.beginTransaction();
    const id = '001000000000001AAA';
    rt.runTriggers({
        objectName: 'Account',
        event: 'before update',
        newRecords: [account('x', id)],
        oldRecords: [account('y', id)],
    });
    assert.equal(rt.tx.debug.length, 0);
    rt.runTriggers({
        objectName: 'Account',
        event: 'after update',
        newRecords: [account('new', id)],
        oldRecords: [account('old', id)],
    });
    assert.deepEqual(
        rt.tx.debug.map((d) => d.message),
        ['after update old -> new'],
    );
});

test('outside a trigger, Trigger.isExecuting is false', () => {
    const rt = new Runtime({ schema: testSchema });
    rt.linkAll();
    rt.beginTransaction();
    rt.runAnonymous('a.apex', 'System.debug(Trigger.isExecuting);\nSystem.debug(Trigger.new);');
    assert.deepEqual(
        rt.tx.debug.map((d) => d.message),
        ['false', 'null'],
    );
});

test('Trigger.new is read-only in after triggers', () => {
    const rt = new Runtime({ schema: testSchema });
    rt.addTrigger(
        'T.trigger',
        "trigger T on Account (after insert) { try { Trigger.new[0].Name = 'x'; } catch (FinalException e) { System.debug(e.getMessage()); } }",
    );
    rt.linkAll();
    rt.beginTransaction();
    const rec = account('a', '001000000000001AAA');
    rt.runTriggers({ objectName: 'Account', event: 'after insert', newRecords: [rec], oldRecords: null });
    assert.deepEqual(
        rt.tx.debug.map((d) => d.message),
        ['Record is read-only'],
    );
    assert.equal(rec.readOnly, false);
});
