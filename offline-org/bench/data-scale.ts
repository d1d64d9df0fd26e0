/**
 * Data-layer scale benchmark: inserts N Contacts (default 100,000) under 1,000 Accounts through the DML path
 * (validation, reference checks, audit fields) in statements of 10,000 rows, then reads them all back with a
 * relationship field. Prints times and peak memory. Usage: node dist/bench/data-scale.js [--rows=N] [--file=path]
 */
import { loadSchema, OrgStore, type Row } from '../src/data/index.js';

const arg = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const rows = Number(arg('rows') ?? 100_000);
const file = arg('file');

let peakRss = 0;
let peakHeap = 0;
const sample = (): void => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
};
const timer = setInterval(sample, 20);
const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
const seconds = (start: bigint): string => `${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(2)} s`;

const store = new OrgStore(loadSchema([]), file ? { file } : {});
const accountCount = 1000;
let start = process.hrtime.bigint();
store.begin();
const accounts = store
    .insert(
        'Account',
        Array.from({ length: accountCount }, (_, i) => ({
            Name: `Account ${i}`,
            Industry: i % 2 ? 'Banking' : 'Energy',
        })),
    )
    .map((r) => r.id as string);
const chunk = 10_000;
for (let done = 0; done < rows; done += chunk) {
    const batch: Row[] = [];
    for (let i = done; i < Math.min(rows, done + chunk); i++)
        batch.push({
            FirstName: 'First',
            LastName: `Contact ${i}`,
            Email: `c${i}@example.test`,
            AccountId: accounts[i % accountCount],
        });
    store.insert('Contact', batch);
    sample();
}
store.commit();
const insertTime = seconds(start);
sample();

start = process.hrtime.bigint();
const result = store.query("SELECT Id, LastName, Account.Name FROM Contact WHERE Account.Industry = 'Banking'");
const queryTime = seconds(start);
sample();
const withParent = result.rows.filter((r) => (r.Account as Row | null)?.Name !== undefined).length;

start = process.hrtime.bigint();
const counted = store.query('SELECT Account.Industry, COUNT(Id) FROM Contact GROUP BY Account.Industry');
const aggregateTime = seconds(start);
sample();
clearInterval(timer);

console.log(`inserted ${rows} contacts (+${accountCount} accounts) through DML: ${insertTime}`);
console.log(`queried ${result.totalSize} contacts with Account.Name (${withParent} with a parent row): ${queryTime}`);
console.log(`aggregate over ${rows} contacts (${counted.rows.length} groups): ${aggregateTime}`);
console.log(`peak rss ${mb(peakRss)}, peak heapUsed ${mb(peakHeap)}`);
store.close();
