/**
 * The security context of the code running now, by the Apex Developer Guide ("Use the with sharing, without sharing,
 * and inherited sharing Keywords", "Set an Access Mode for Database Operations", "Apex Versioned Behavior Changes").
 *
 * Record sharing: the keyword of the class that defines the running method decides (`with sharing` yes, `without
 * sharing` no); a class without one takes its superclass's, and else the caller's, as `inherited sharing` does. At the
 * entry point of the transaction, `inherited sharing` runs with sharing, a class without a keyword without; an
 * anonymous block runs with the user's sharing, a trigger without. A class without a keyword saved at API 67.0 or
 * later runs with sharing (before 67.0 the current sharing stays in effect).
 *
 * Access mode: SOQL and DML that name no mode run in system mode in code saved at API 66.0 or earlier, in user mode at
 * 67.0 and later (the version of the class that defines the running method, an inner class its outer's).
 */
import type { RtClass } from './classes.js';
import type { Frame } from './frame.js';

type Keyword = RtClass['sharing'];

/** The first API version whose Apex runs in user mode and enforces sharing by default. */
export const USER_MODE_BY_DEFAULT_VERSION = 67;

function keywordOf(cls: RtClass | null): Keyword {
    for (let k = cls; k; k = k.superClass) if (k.sharing) return k.sharing;
    return null;
}

/** The API version a class is saved at: its own, else its outer class's; null when unknown. */
export function apiVersionOf(cls: RtClass | null): number | null {
    for (let k = cls; k; k = k.outer) if (k.apiVersion !== null) return k.apiVersion;
    return null;
}

function savedAtOrAfter67(cls: RtClass | null): boolean {
    const version = apiVersionOf(cls);
    return version !== null && version >= USER_MODE_BY_DEFAULT_VERSION;
}

/** True when SOQL and DML of the innermost frame see only the records the running user may reach. */
export function sharingApplies(top: Frame | null): boolean {
    for (let f = top; f; f = f.prev) {
        const keyword = keywordOf(f.cls);
        if (keyword === 'with sharing') return true;
        if (keyword === 'without sharing') return false;
        // A trigger body runs in system context, whoever's DML fired it.
        if (keyword === null && f.where.startsWith('Trigger.')) return false;
        if (keyword === null && savedAtOrAfter67(f.cls)) return true;
        if (f.prev === null) {
            if (keyword === 'inherited sharing') return true;
            return f.where === 'AnonymousBlock';
        }
    }
    return false;
}

/** The access mode of SOQL and DML that name none, in the innermost frame. */
export function defaultAccessMode(top: Frame | null): 'user' | 'system' {
    return top !== null && savedAtOrAfter67(top.cls) ? 'user' : 'system';
}
