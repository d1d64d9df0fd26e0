/**
 * An Apex exception raised by the async or callout machinery, independent of Apex values. The interpreter turns it
 * into the named System exception (`runtime.fail(exceptionType, message)`); LimitException is uncatchable there.
 */
export type PlatformExceptionType =
    | 'LimitException'
    | 'AsyncException'
    | 'StringException'
    | 'UnexpectedException'
    | 'DuplicateMessageException'
    | 'InvalidParameterValueException'
    | 'CalloutException'
    | 'NullPointerException';

export class PlatformException extends Error {
    constructor(
        readonly exceptionType: PlatformExceptionType,
        message: string,
    ) {
        super(message);
        this.name = `System.${exceptionType}`;
    }

    /** `System.LimitException: Too many ...`, as a debug log or test failure prints it. */
    override toString(): string {
        return `${this.name}: ${this.message}`;
    }
}

export function raise(exceptionType: PlatformExceptionType, message: string): never {
    throw new PlatformException(exceptionType, message);
}
