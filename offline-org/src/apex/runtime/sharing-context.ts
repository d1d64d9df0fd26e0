/**
 * Whether record sharing applies to the code running now, by the Apex Developer Guide ("Using the with sharing,
 * without sharing, and inherited sharing Keywords"): the keyword of the class that defines the running method
 * decides (`with sharing` yes, `without sharing` no); a class without one takes its superclass's, and else the
 * caller's, as `inherited sharing` does. At the entry point of the transaction, `inherited sharing` runs with sharing,
 * a class without a keyword without; an anonymous block runs with the user's sharing, a trigger without.
 */
import type { RtClass } from './classes.js';
import type { Frame } from './frame.js';

type Keyword = RtClass['sharing'];

function keywordOf(cls: RtClass | null): Keyword {
    for (let k = cls; k; k = k.superClass) if (k.sharing) return k.sharing;
    return null;
}

/** True when SOQL and DML of the innermost frame see only the records the running user may reach. */
export function sharingApplies(top: Frame | null): boolean {
    for (let f = top; f; f = f.prev) {
        const keyword = keywordOf(f.cls);
        if (keyword === 'with sharing') return true;
        if (keyword === 'without sharing') return false;
        // A trigger body runs in system context, whoever's DML fired it.
        if (keyword === null && f.where.startsWith('Trigger.')) return false;
        if (f.prev === null) {
            if (keyword === 'inherited sharing') return true;
            return f.where === 'AnonymousBlock';
        }
    }
    return false;
}
