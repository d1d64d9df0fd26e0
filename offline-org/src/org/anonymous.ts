/**
 * Driving an offline org from a program (tests, the demo) the way `apex run` does: an anonymous block in its own
 * committed transaction (rolled back on an unhandled exception), then the local scheduler running what it queued,
 * delays included, on the org's clock.
 */
import { beginOrgTransaction, endOrgTransaction } from './open-org.js';
import type { OfflineOrg } from './open-org.js';

export interface DebugLine {
    line: number;
    level: string;
    message: string;
}

export interface AnonymousOutcome {
    /** System.debug lines of the block. */
    debug: DebugLine[];
    /** The unhandled exception (`Type: message`), or null when the block committed. */
    error: string | null;
}

/** Runs anonymous Apex in a transaction of its own: committed, or rolled back on an unhandled exception. */
export function runAnonymousBlock(org: OfflineOrg, file: string, source: string): AnonymousOutcome {
    beginOrgTransaction(org);
    let error: string | null = null;
    try {
        org.rt.runAnonymous(file, source);
    } catch (e) {
        // `Type: message` for an Apex exception, the message of anything else (compile errors, not supported).
        error = org.platform.async.host.describeError(e);
    } finally {
        endOrgTransaction(org, error === null);
    }
    return { debug: [...org.rt.tx.debug], error };
}

export interface DrainOutcome {
    /** Job steps and schedule fires run. */
    runs: number;
    /** Failures no caller saw (finalizers, events, jobs without a finalizer), as `Type: message`. */
    errors: string[];
}

/**
 * Runs the queued async work up to `untilMs` on the org's clock: due work first, then the clock skips to each next
 * delayed job or schedule fire (recorded in `org.clock.skips`). Jobs due after `untilMs` stay queued.
 */
export function drainQueue(org: OfflineOrg, untilMs: number): DrainOutcome {
    const async = org.platform.async;
    const before = async.engine.backgroundErrors.length;
    const runs = async.runQueued(untilMs);
    const errors = async.engine.backgroundErrors.slice(before).map((b) => async.host.describeError(b.error));
    return { runs, errors };
}
