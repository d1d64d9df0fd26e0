/**
 * Runs anonymous Apex in a transaction of its own, as `apex run` does: committed when it ends normally, rolled back
 * (and the exception rethrown, for the test to assert) when it does not. Answers the block's debug messages.
 */
import { beginOrgTransaction, endOrgTransaction } from '../../src/org/open-org.js';
import type { OfflineOrg } from '../../src/org/open-org.js';

export function runCommitted(org: OfflineOrg, source: string): string[] {
    beginOrgTransaction(org);
    const from = org.rt.tx.debug.length;
    let ok = false;
    try {
        org.rt.runAnonymous('anon.apex', source);
        ok = true;
    } finally {
        endOrgTransaction(org, ok);
    }
    return org.rt.tx.debug.slice(from).map((d) => d.message);
}
