/**
 * Runs a corpus program against a fresh offline org (SQLite store, async engine, callouts) built from the shared
 * corpus objects (test/fixtures/corpus-org) and a topic's `project/` directory (its classes and triggers), as the body of a test method: Test.startTest/stopTest run queued work, Test.setMock works,
 * and nothing is committed. Output: the program's System.debug messages, then those of the async steps it ran.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Runtime } from '../../src/apex/interpreter/runtime.js';
import { beginOrgTransaction, endOrgTransaction, openOrg } from '../../src/org/open-org.js';

const sharedProject = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test', 'fixtures', 'corpus-org');

export function runOrgProgram(
    projectDir: string,
    file: string,
    source: string,
): { out: string[]; error: unknown; rt: Runtime } {
    const org = openOrg([sharedProject, projectDir]);
    const rt = org.rt;
    beginOrgTransaction(org, { isTest: true });
    let error: unknown = null;
    try {
        rt.runAnonymous(file, source);
    } catch (e) {
        error = e;
    }
    const out = [...rt.tx.debug, ...org.platform.async.host.debug].map((d) => d.message);
    endOrgTransaction(org, false);
    org.store.close();
    return { out, error, rt };
}
