/**
 * Benchmark: an interpreted loop of 1,000,000 simple iterations (target < 5 s). Prints the figure.
 */
import { Runtime } from '../src/apex/interpreter/runtime.js';

const source = `
Integer total = 0;
for (Integer i = 0; i < 1000000; i++) {
    total += i;
}
System.debug(total);
`;
const rt = new Runtime();
rt.beginTransaction();
const started = performance.now();
rt.runAnonymous('bench-loop.apex', source);
const ms = performance.now() - started;
console.log(`interpreted loop of 1,000,000 iterations: ${ms.toFixed(0)} ms (result ${rt.tx.debug[0]?.message ?? '?'})`);
