/**
 * Errors the runtime raises outside Apex's own exception model: compile errors (with file:line) and the loud
 * "not supported by the offline runtime" error for every construct or platform API this runtime does not implement.
 */

/** Where in the Apex source something happened. */
export interface SourcePos {
    file: string;
    line: number;
}

/** Raised for anything the offline runtime does not implement. The message format is fixed. */
export class NotSupportedError extends Error {
    constructor(what: string, pos: SourcePos) {
        super(`not supported by the offline runtime: ${what} at ${pos.file}:${pos.line}`);
        this.name = 'NotSupportedError';
    }
}

/** A compile-time error the platform would report when saving the class (syntax, unknown type, unknown field, ...). */
export class ApexCompileError extends Error {
    readonly file: string;
    readonly line: number;
    constructor(message: string, pos: SourcePos) {
        super(`${pos.file}:${pos.line}: ${message}`);
        this.name = 'ApexCompileError';
        this.file = pos.file;
        this.line = pos.line;
    }
}

export function notSupported(what: string, pos: SourcePos): never {
    throw new NotSupportedError(what, pos);
}

export function compileError(message: string, pos: SourcePos): never {
    throw new ApexCompileError(message, pos);
}
