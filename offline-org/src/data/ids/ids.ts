/**
 * Salesforce record Ids: 15 case-sensitive base-62 characters (3-character key prefix + 12), and the 18-character
 * case-safe form whose 3-character suffix encodes, for each 5-character chunk, which characters are upper case.
 */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID_PATTERN = /^[0-9A-Za-z]{15}(?:[A-Za-z0-5]{3})?$/;

/** The 3-character case-safe suffix of a 15-character Id. */
export function checksumSuffix(id15: string): string {
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        let bits = 0;
        for (let i = 0; i < 5; i++) {
            const ch = id15.charCodeAt(chunk * 5 + i);
            if (ch >= 65 && ch <= 90) bits |= 1 << i;
        }
        suffix += SUFFIX_ALPHABET[bits];
    }
    return suffix;
}

/** The 15 characters of an 18-character Id with their case restored from the suffix (18-character Ids are case-insensitive). */
function restoreCase(id18: string): string {
    let out = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        const bits = SUFFIX_ALPHABET.indexOf(id18[15 + chunk].toUpperCase());
        for (let i = 0; i < 5; i++) {
            const ch = id18[chunk * 5 + i];
            out += bits & (1 << i) ? ch.toUpperCase() : ch.toLowerCase();
        }
    }
    return out;
}

/** True when `value` is a well-formed 15- or 18-character Id (an 18-character one must carry a consistent suffix). */
export function isValidId(value: string): boolean {
    if (!ID_PATTERN.test(value)) return false;
    return value.length === 15 || checksumSuffix(restoreCase(value)) === value.slice(15).toUpperCase();
}

/** The canonical 18-character form; throws on a malformed Id. */
export function to18(id: string): string {
    if (!isValidId(id)) throw new Error(`Invalid id: ${id}`);
    if (id.length === 15) return id + checksumSuffix(id);
    const id15 = restoreCase(id);
    return id15 + checksumSuffix(id15);
}

/** The 15-character (case-sensitive) form; throws on a malformed Id. */
export function to15(id: string): string {
    return to18(id).slice(0, 15);
}

/** Compares two Ids given in either form, as the platform's Id equality does. */
export function idsEqual(a: string, b: string): boolean {
    return isValidId(a) && isValidId(b) && to15(a) === to15(b);
}

/** The key prefix (first 3 characters) of an Id. */
export function keyPrefixOf(id: string): string {
    return id.slice(0, 3);
}

/** Encodes a non-negative integer in base 62, left-padded with '0' to `width`. */
export function base62(n: number, width: number): string {
    let out = '';
    let rest = Math.floor(n);
    while (rest > 0) {
        out = BASE62[rest % 62] + out;
        rest = Math.floor(rest / 62);
    }
    if (out.length > width) throw new Error(`base62: ${n} does not fit in ${width} characters`);
    return out.padStart(width, '0');
}

/** Generates Ids for one org: prefix + pod-like '0' + 11-character sequence, returned in 18-character form. */
export class IdGenerator {
    private next: number;

    /**
     * @param start the first counter value
     * @param pod the two characters after the key prefix (the platform's instance part): two orgs with different pods
     * never hand out the same Id
     */
    constructor(
        start = 1,
        private readonly pod = '5g',
    ) {
        if (!/^[0-9A-Za-z]{2}$/.test(pod)) throw new Error(`Invalid Id pod: ${pod}`);
        this.next = start;
    }

    newId(keyPrefix: string): string {
        if (!/^[0-9A-Za-z]{3}$/.test(keyPrefix)) throw new Error(`Invalid key prefix: ${keyPrefix}`);
        const id15 = `${keyPrefix}${this.pod}${base62(this.next++, 10)}`;
        return id15 + checksumSuffix(id15);
    }

    /** The counter value, so a file-backed store can resume without reusing Ids. */
    get counter(): number {
        return this.next;
    }

    set counter(value: number) {
        this.next = value;
    }
}
