/**
 * Benchmark: startup + parse + link of a generated 100-class project (target < 2 s), then one call into it.
 */
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const started = performance.now();
const { loadProject } = await import('../src/testing/project.js');
const dir = mkdtempSync(join(tmpdir(), 'apex-bench-'));
const classes = join(dir, 'force-app', 'main', 'default', 'classes');
mkdirSync(classes, { recursive: true });
for (let i = 0; i < 100; i++) {
    const next = i < 99 ? `Service${i + 1}.compute(n + 1)` : 'n';
    writeFileSync(
        join(classes, `Service${i}.cls`),
        `public with sharing class Service${i} {
    private static Map<String, Integer> cache = new Map<String, Integer>();
    public String name { get; set; }
    public Service${i}(String name) { this.name = name; }
    public static Integer compute(Integer n) {
        List<Integer> values = new List<Integer>();
        for (Integer i = 0; i < 3; i++) { values.add(i * n); }
        if (values.isEmpty()) { throw new IllegalArgumentException('empty'); }
        return ${next};
    }
    public String describe() {
        String out = '';
        for (String k : cache.keySet()) { out += k + '=' + cache.get(k) + ';'; }
        return name + ':' + out;
    }
    public class Inner${i} { public Integer value = ${i}; }
}
`,
    );
}
const { loadSchema } = await import('../src/data/index.js');
const schemaStart = performance.now();
const schema = loadSchema([join(dir, 'force-app')]);
const { fileAstCache } = await import('../src/testing/ast-cache.js');
const cache = fileAstCache(mkdtempSync(join(tmpdir(), 'apex-bench-cache-')));
const loadStart = performance.now();
const rt = loadProject([join(dir, 'force-app')], { schema, astCache: cache });
const loaded = performance.now();
loadProject([join(dir, 'force-app')], { schema, astCache: cache });
const warm = performance.now() - loaded;
rt.beginTransaction();
rt.runAnonymous('bench.apex', 'System.debug(Service0.compute(0));');
const done = performance.now();
rmSync(dir, { recursive: true, force: true });
console.log(
    `100-class project: parse+link ${(loaded - loadStart).toFixed(0)} ms cold, ${warm.toFixed(0)} ms from the AST cache; schema (data layer) ${(loadStart - schemaStart).toFixed(0)} ms; total cold startup incl. module load ${(loaded - started).toFixed(0)} ms; first call through 100 classes ${(done - loaded).toFixed(0)} ms (result ${rt.tx.debug[0]?.message ?? '?'})`,
);
