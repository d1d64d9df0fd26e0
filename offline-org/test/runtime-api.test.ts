/**
 * The Runtime API other layers use: sharing recorded on classes, compileAll, org time zone, fresh statics per
 * transaction.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Runtime } from '../src/apex/interpreter/runtime.js';
import { ApexCompileError } from '../src/apex/errors.js';
import { testSchema } from './support/test-schema.js';
import { fileAstCache } from '../src/testing/ast-cache.js';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test('sharing declarations are recorded on classes', () => {
    const rt = new Runtime({ schema: testSchema });
    const a = rt.addClass('A.cls', 'public with sharing class A {}');
    const b = rt.addClass('B.cls', 'public without sharing class B {}');
    const c = rt.addClass('C.cls', 'public inherited sharing class C {}');
    const d = rt.addClass('D.cls', 'public class D {}');
    assert.deepEqual(
        [a.sharing, b.sharing, c.sharing, d.sharing],
        ['with sharing', 'without sharing', 'inherited sharing', null],
    );
});

test('compileAll reports compile errors with file:line without running anything', () => {
    const rt = new Runtime({ schema: testSchema });
    rt.addClass('Bad.cls', 'public class Bad {\n  static void a() {\n    nope.x();\n  }\n}');
    rt.linkAll();
    const errors = rt.compileAll();
    assert.equal(errors.length, 1);
    assert.ok(errors[0] instanceof ApexCompileError);
    assert.match(errors[0].message, /^Bad\.cls:3: Variable does not exist: nope$/);
});

test("another class's private static method is not visible; its own inner classes and @TestVisible from tests see it", () => {
    const rt = new Runtime({ schema: testSchema });
    rt.addClass(
        'Store.cls',
        `public class Store {
  private static Integer hidden() { return 1; }
  static Integer alsoPrivate() { return 2; }
  @TestVisible private static Integer forTests() { return 3; }
  public static Integer shown() { return Inner.peek(); }
  class Inner { Integer x; static Integer peek() { return Store.hidden(); } }
}`,
    );
    rt.addClass('Caller.cls', 'public class Caller {\n  static Integer a() {\n    return Store.hidden();\n  }\n}');
    rt.addClass(
        'Other.cls',
        'public class Other {\n  static Integer b() {\n    return Store.alsoPrivate() + Store.forTests();\n  }\n}',
    );
    rt.addClass(
        'StoreTest.cls',
        '@IsTest\nprivate class StoreTest {\n  static Integer c() { return Store.forTests() + Store.shown(); }\n}',
    );
    rt.linkAll();
    const errors = rt.compileAll().map((e) => e.message);
    assert.deepEqual(errors.sort(), [
        'Caller.cls:3: Method is not visible: Store.hidden',
        'Other.cls:3: Method is not visible: Store.alsoPrivate',
    ]);
});

test('a syntax error fails loading with file:line', () => {
    const rt = new Runtime({ schema: testSchema });
    assert.throws(
        () => rt.addClass('Syntax.cls', 'public class Syntax {\n  void m() { Integer x = ; }\n}'),
        /^ApexCompileError: Syntax\.cls:2: syntax error/,
    );
});

test('the org time zone is configurable; statics are fresh in every transaction', () => {
    const rt = new Runtime({ schema: testSchema, orgTimeZone: 'Asia/Tokyo' });
    rt.addClass('Counter.cls', 'public class Counter { public static Integer n = 0; }');
    rt.linkAll();
    rt.beginTransaction();
    rt.runAnonymous(
        'a.apex',
        'Counter.n++;\nSystem.debug(Counter.n);\nSystem.debug(Datetime.newInstanceGmt(2024, 1, 1, 0, 0, 0).hour());',
    );
    assert.deepEqual(
        rt.tx.debug.map((d) => d.message),
        ['1', '9'],
    );
    rt.beginTransaction();
    rt.runAnonymous('b.apex', 'Counter.n++;\nSystem.debug(Counter.n);');
    assert.deepEqual(
        rt.tx.debug.map((d) => d.message),
        ['1'],
    );
});

test('compileAll also reports unimplemented methods of platform types, which stay loud when reached', () => {
    const rt = new Runtime({ schema: testSchema });
    rt.addClass(
        'Uses.cls',
        'public class Uses {\n  static String a(String s) {\n    return s.toFancyCase();\n  }\n  static Integer b() { return 1; }\n}',
    );
    rt.linkAll();
    const found = rt.compileAll().map((e) => e.message);
    assert.deepEqual(found, ['not supported by the offline runtime: method string.toFancyCase at Uses.cls:3']);
});

test('the AST cache round-trips declarations (Sets, BigInt literals) and is used on the second load', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ast-cache-test-'));
    const cache = fileAstCache(dir);
    const source = 'public with sharing class Cached {\n  public static Long big() { return 9000000000L; }\n}';
    const first = new Runtime({ schema: testSchema, astCache: cache });
    first.addClass('Cached.cls', source);
    assert.equal(readdirSync(dir).length, 1);
    const cached = cache.get('Cached.cls', source);
    assert.ok(cached && cached.mods.set instanceof Set && cached.mods.set.has('with sharing'));
    const rt = new Runtime({ schema: testSchema, astCache: cache });
    rt.addClass('Cached.cls', source);
    rt.linkAll();
    rt.beginTransaction();
    rt.runAnonymous('a.apex', 'System.debug(Cached.big() + 1);');
    assert.deepEqual(
        rt.tx.debug.map((d) => d.message),
        ['9000000001'],
    );
    assert.equal(cache.get('Cached.cls', source + ' '), undefined, 'a changed file misses the cache');
});
