/**
 * The Apex bridge: a page's `@salesforce/apex/Class.method` call, `{classname, method, params, cacheable}`, run as
 * the `@AuraEnabled` method in the offline org, as the running user, in one transaction of its own with the
 * governor limits of a synchronous transaction: committed when the method returns, rolled back when it throws. Async
 * work it enqueues joins the org's queue on commit (the host's pump runs it).
 *
 * Answers, with the platform's shapes as a Lightning component receives them:
 * - the return value as Lightning serializes it (aura-serialize.ts): HTTP 200 `{returnValue}`;
 * - an AuraHandledException: HTTP 500 `{body: {message}}` (no stack trace reaches the client);
 * - any other Apex exception: HTTP 500 `{body: {message, exceptionType, isUserDefinedException, stackTrace}}`, the
 *   platform's generic shape of an unhandled exception;
 * - a call the platform would refuse (no such class or @AuraEnabled method, a wire of a method not cacheable=true):
 *   HTTP 400 `{body: {message}}`;
 * - what the offline org cannot run (not supported, compile errors, an internal failure): HTTP 500
 *   `{offlineOrg: true, body: {message, exceptionType: 'OfflineOrg.NotSupported' | 'OfflineOrg.InternalError'}}`,
 *   which the page also reports on the console: never a silent wrong answer.
 */
import { invokeAuraEnabled } from '../apex/aura-entry.js';
import { NotSupportedError } from '../data/errors.js';
import { beginOrgTransaction, endOrgTransaction } from '../org/open-org.js';
import type { OfflineOrg } from '../org/open-org.js';

export interface ApexCall {
    classname: string;
    method: string;
    params?: Record<string, unknown>;
    cacheable?: boolean;
}

export interface BridgeAnswer {
    status: number;
    body: { returnValue?: unknown; body?: unknown; offlineOrg?: boolean };
}

const AURA_HANDLED = 'System.AuraHandledException';

/** Reads a call from a request body; throws with a message on a malformed one. */
export function parseApexCall(text: string): ApexCall {
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch {
        throw new Error('the Apex call is not JSON');
    }
    if (typeof parsed !== 'object' || parsed === null) throw new Error('the Apex call is not an object');
    const { classname, method, params, cacheable } = parsed as Record<string, unknown>;
    if (typeof classname !== 'string' || typeof method !== 'string')
        throw new Error('the Apex call needs classname and method');
    if (params !== undefined && (typeof params !== 'object' || params === null || Array.isArray(params)))
        throw new Error('the Apex call params must be an object');
    return { classname, method, params: params as Record<string, unknown> | undefined, cacheable: cacheable === true };
}

function isNotSupported(e: unknown): boolean {
    return (
        e instanceof NotSupportedError ||
        (e instanceof Error && (e.name === 'ApexCompileError' || e.message.includes('not supported by the offline')))
    );
}

/** Runs one call; `userId` is the running user (default: the org's default user). */
export function callApex(org: OfflineOrg, call: ApexCall, userId?: string): BridgeAnswer {
    org.platform.userId = userId ?? org.store.defaultUserId;
    beginOrgTransaction(org);
    let commit = false;
    try {
        const r = invokeAuraEnabled(org.rt, call.classname, call.method, call.params ?? {}, {
            cacheable: call.cacheable,
            shape: 'lightning',
        });
        if (r.ok) {
            commit = true;
            return { status: 200, body: { returnValue: JSON.parse(r.json) as unknown } };
        }
        if (r.status === 400) return { status: 400, body: { body: { message: r.error.message } } };
        if (r.error.exceptionType === AURA_HANDLED)
            return { status: 500, body: { body: { message: r.error.message } } };
        return {
            status: 500,
            body: {
                body: {
                    message: r.error.message,
                    exceptionType: r.error.exceptionType,
                    isUserDefinedException: r.error.userDefined === true,
                    stackTrace: r.error.stackTrace,
                },
            },
        };
    } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        return {
            status: 500,
            body: {
                offlineOrg: true,
                body: {
                    message,
                    exceptionType: isNotSupported(e) ? 'OfflineOrg.NotSupported' : 'OfflineOrg.InternalError',
                },
            },
        };
    } finally {
        endOrgTransaction(org, commit);
    }
}
