/**
 * The data layer's error types. Each carries what the interpreter needs to raise the platform's exception
 * (QueryException, DmlException, SObjectException, SecurityException) without parsing messages.
 */

/** A platform feature the offline runtime does not model; the message has the form the project mandates. */
export class NotSupportedError extends Error {
    constructor(
        readonly what: string,
        readonly location: string = '<data>:1',
    ) {
        super(`not supported by the offline runtime: ${what} at ${location}`);
        this.name = 'NotSupportedError';
    }
}

/** System.QueryException. */
export class QueryException extends Error {
    constructor(
        message: string,
        /** For user-mode queries: object name -> inaccessible field names (QueryException.getInaccessibleFields). */
        readonly inaccessibleFields: Map<string, string[]> = new Map(),
    ) {
        super(message);
        this.name = 'QueryException';
    }
}

/** System.SObjectException (bad field names on a row, wrong value types). */
export class SObjectException extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'SObjectException';
    }
}

/** System.SecurityException (user-mode DML on an object the user may not touch). */
export class SecurityException extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'SecurityException';
    }
}

/** Malformed or inconsistent metadata in the project; the message names the file. */
export class MetadataError extends Error {
    constructor(
        readonly file: string,
        detail: string,
    ) {
        super(`${file}: ${detail}`);
        this.name = 'MetadataError';
    }
}
