/**
 * Salesforce record Ids: the 15 -> 18 character conversion (case-safe suffix) and validation.
 */
const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

export function to18(id: string): string {
    if (id.length !== 15) return id;
    let suffix = '';
    for (let block = 0; block < 3; block++) {
        let bits = 0;
        for (let i = 0; i < 5; i++) {
            const c = id.charCodeAt(block * 5 + i);
            if (c >= 65 && c <= 90) bits |= 1 << i;
        }
        suffix += SUFFIX[bits];
    }
    return id + suffix;
}

/** True when the string is a syntactically valid 15- or 18-character Id (18-character ones must carry the right suffix). */
export function isValidId(s: string): boolean {
    if (!/^[a-zA-Z0-9]{15}$|^[a-zA-Z0-9]{18}$/.test(s)) return false;
    if (s.length === 18) return to18(s.slice(0, 15)).slice(15).toUpperCase() === s.slice(15).toUpperCase();
    return true;
}
