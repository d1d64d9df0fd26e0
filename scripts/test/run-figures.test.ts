/**
 * What the throughput benchmark judges runs by: calls sorted into phases, the minimum of each run's shape, ratios and
 * the highest limit shares.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LimitShares, minimumCalls, phaseOf, ratio } from '../bench/run-figures.js';

describe('run figures', () => {
    it('sorts calls into planning, reads and writes', () => {
        assert.equal(phaseOf({ method: 'GET', path: '/services/data/v66.0/sobjects/Account/describe' }), 'planning');
        assert.equal(phaseOf({ method: 'GET', path: '/services/data/v66.0/limits' }), 'planning');
        assert.equal(phaseOf({ method: 'POST', path: '/services/data/v66.0/composite' }), 'write');
        assert.equal(phaseOf({ method: 'POST', path: '/services/data/v66.0/composite/sobjects/Account' }), 'read');
        assert.equal(phaseOf({ method: 'GET', path: '/services/data/v66.0/query?q=SELECT+Id+FROM+Account' }), 'read');
    });

    it('sorts Composite requests by what they carry', () => {
        const composite = (...subrequests: string[]) => ({
            method: 'POST',
            path: '/services/data/v66.0/composite',
            subrequests,
        });
        const describe = 'GET /services/data/v66.0/sobjects/Contact/describe';
        const query = 'GET /services/data/v66.0/query?q=SELECT+Id+FROM+Contact';
        const write = 'POST /services/data/v66.0/composite/sobjects';
        assert.equal(phaseOf(composite(describe, 'GET /services/data/v66.0/sobjects/Account/describe')), 'planning');
        assert.equal(phaseOf(composite(query, query)), 'read');
        assert.equal(phaseOf(composite(describe, query)), 'read');
        assert.equal(phaseOf(composite(write, query)), 'write');
    });

    it('gives the fewest calls of each run shape', () => {
        assert.deepEqual(minimumCalls({ kind: 'full-empty', records: 20000, deferred: 2500 }), { read: 3, write: 23 });
        assert.deepEqual(minimumCalls({ kind: 'full-unchanged', records: 20001, deferred: 0 }), { read: 21, write: 0 });
        assert.deepEqual(minimumCalls({ kind: 'failed-missed-unchanged', records: 20000, deferred: 9 }), {
            read: 0,
            write: 0,
        });
    });

    it('compares calls made with the minimum', () => {
        assert.equal(ratio(21, 20), 1.05);
        assert.equal(ratio(0, 0), 1);
        assert.equal(ratio(1, 0), Number.POSITIVE_INFINITY);
    });

    it('keeps the highest share of each limit and names those above 80%', () => {
        const shares = new LimitShares();
        const max = {
            queries: 200,
            queryRows: 50000,
            dmlStatements: 150,
            dmlRows: 10000,
            callouts: 100,
            cpuTime: 60000,
            heap: 12e6,
        };
        shares.add({ queries: 20, queryRows: 0, dmlStatements: 0, dmlRows: 0, callouts: 90, cpuTime: 0, heap: 0 }, max);
        shares.add(
            { queries: 10, queryRows: 0, dmlStatements: 0, dmlRows: 0, callouts: 5, cpuTime: 0, heap: 6e6 },
            max,
        );
        assert.equal(shares.transactions, 2);
        assert.equal(shares.highest.queries, 0.1);
        assert.equal(shares.highest.heap, 0.5);
        assert.deepEqual(shares.over(), ['callouts']);
    });
});
