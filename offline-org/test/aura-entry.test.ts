/**
 * @AuraEnabled methods called with JSON parameters, as the LWC host does.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Runtime } from '../src/apex/interpreter/runtime.js';
import { invokeAuraEnabled } from '../src/apex/aura-entry.js';
import { testSchema } from './support/test-schema.js';

function runtime(): Runtime {
    const rt = new Runtime({ schema: testSchema });
    rt.addClass(
        'RunController.cls',
        `public with sharing class RunController {
    public class Options { @AuraEnabled public Integer size; @AuraEnabled public List<String> names; }
    @AuraEnabled(cacheable=true)
    public static Map<String, Object> plan(Options options, String label) {
        return new Map<String, Object>{ 'label' => label, 'count' => options.names.size() * options.size };
    }
    @AuraEnabled
    public static void fail() { throw new AuraHandledException('nope'); }
}`,
    );
    rt.linkAll();
    return rt;
}

test('parameters are converted by name to the declared types and the result is JSON', () => {
    const r = invokeAuraEnabled(
        runtime(),
        'RunController',
        'plan',
        { options: { size: 2, names: ['a', 'b', 'c'] }, label: 'x' },
        { cacheable: true },
    );
    assert.deepEqual(r, { ok: true, json: '{"label":"x","count":6}' });
});

test('an exception becomes an error result with its type and message', () => {
    const r = invokeAuraEnabled(runtime(), 'runcontroller', 'FAIL', {});
    assert.equal(r.ok, false);
    if (!r.ok) {
        assert.equal(r.error.message, 'nope');
        assert.equal(r.error.exceptionType, 'System.AuraHandledException');
    }
});

test('only @AuraEnabled static methods are callable; wiring needs cacheable=true', () => {
    assert.equal(invokeAuraEnabled(runtime(), 'RunController', 'nothing', {}).ok, false);
    assert.equal(invokeAuraEnabled(runtime(), 'RunController', 'fail', {}, { cacheable: true }).ok, false);
});
