/**
 * Salesforce record Ids for the interpreter: the 15 -> 18 character conversion and validation, answered by the data
 * layer's Id rules (src/data/ids) so that the two halves of the offline org cannot disagree about an Id.
 */
import { checksumSuffix, isValidId as isWellFormedId } from '../../data/ids/ids.js';

/** The 18-character form of a 15-character Id; any other string is returned as it is. */
export function to18(id: string): string {
    return id.length === 15 ? id + checksumSuffix(id) : id;
}

/** True when the string is a well-formed 15- or 18-character Id (an 18-character one must carry a consistent suffix). */
export function isValidId(s: string): boolean {
    return isWellFormedId(s);
}
