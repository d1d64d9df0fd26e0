/**
 * Benchmark: recursive method calls (fib(24) = 75,025 leaves, ~150,000 calls) and object allocation in a loop.
 */
import { Runtime } from '../src/apex/interpreter/runtime.js';

const rt = new Runtime();
rt.addClass(
    'Fib.cls',
    `public class Fib {
    public Integer value;
    public Fib(Integer v) { value = v; }
    public static Integer fib(Integer n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
}`,
);
rt.linkAll();
rt.beginTransaction();
let t = performance.now();
rt.runAnonymous('bench-fib.apex', 'System.debug(Fib.fib(24));');
console.log(
    `recursive fib(24), ~150k calls: ${(performance.now() - t).toFixed(0)} ms (result ${rt.tx.debug[0]?.message ?? '?'})`,
);
rt.beginTransaction();
t = performance.now();
rt.runAnonymous(
    'bench-alloc.apex',
    `List<Fib> l = new List<Fib>();
for (Integer i = 0; i < 200000; i++) { l.add(new Fib(i)); }
Map<Integer, String> m = new Map<Integer, String>();
for (Fib f : l) { m.put(f.value, 'v' + f.value); }
System.debug(m.size());`,
);
console.log(
    `200,000 allocations + list adds + map puts with string concat: ${(performance.now() - t).toFixed(0)} ms (result ${rt.tx.debug[0]?.message ?? '?'})`,
);
