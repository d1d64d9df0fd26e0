/**
 * The REST API's error answers: an HTTP status with the body `[{"message", "errorCode"[, "fields"]}]`. A handler
 * throws a RestError; the router turns it into that answer. Requests the offline org does not answer say so in the
 * message (errorCode NOT_FOUND for a resource, NOT_SUPPORTED_BY_OFFLINE_ORG for a feature of a resource it answers).
 */

/** One entry of an error body, as the REST API writes it. */
export interface RestErrorEntry {
    message: string;
    errorCode: string;
    fields?: string[];
}

export class RestError extends Error {
    constructor(
        readonly status: number,
        readonly errorCode: string,
        message: string,
        readonly fields?: string[],
    ) {
        super(message);
        this.name = 'RestError';
    }

    body(): RestErrorEntry[] {
        return [errorEntry(this.errorCode, this.message, this.fields)];
    }
}

export function errorEntry(errorCode: string, message: string, fields?: string[]): RestErrorEntry {
    return fields === undefined ? { message, errorCode } : { message, errorCode, fields };
}

/** The error code the offline org answers with for a feature of a supported resource that it does not model. */
export const NOT_SUPPORTED = 'NOT_SUPPORTED_BY_OFFLINE_ORG';

/** What the REST face answers, for messages naming what it does not support. */
export const SUPPORTED_RESOURCES =
    'GET /sobjects/{object}/describe, GET /query?q= and /query/{locator}, POST /composite, ' +
    'POST | PATCH | DELETE /composite/sobjects, POST /composite/sobjects/{object} (retrieve), PATCH /composite/sobjects/{object}/{externalIdField}, GET /limits';

/** 404 for a resource the REST face does not answer. */
export function notFound(method: string, resource: string): RestError {
    return new RestError(
        404,
        'NOT_FOUND',
        `The requested resource does not exist: the offline org's REST face does not answer ${method} ${resource} ` +
            `(it answers ${SUPPORTED_RESOURCES}).`,
    );
}

/** 400 for a feature of a supported resource that the offline org does not model. */
export function notSupported(what: string): RestError {
    return new RestError(400, NOT_SUPPORTED, `not supported by the offline org's REST face: ${what}`);
}
