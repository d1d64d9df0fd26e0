/**
 * Built-in exception classes (System.*Exception) and the creation of exception objects with their stack traces.
 */
import { RtClass } from './classes.js';
import { ApexObject, ApexThrow } from './values.js';
import type { Value } from './values.js';
import type { Frame } from './frame.js';

export const BUILTIN_EXCEPTIONS = [
    'AssertException',
    'AsyncException',
    'AuraHandledException',
    'CalloutException',
    'DmlException',
    'EmailException',
    'FinalException',
    'HandledException',
    'IllegalArgumentException',
    'InvalidParameterValueException',
    'JSONException',
    'LimitException',
    'ListException',
    'MathException',
    'NoAccessException',
    'NoDataFoundException',
    'NullPointerException',
    'QueryException',
    'RequiredFeatureMissingException',
    'SearchException',
    'SecurityException',
    'SerializationException',
    'SObjectException',
    'StringException',
    'TypeException',
    'UnexpectedException',
    'XmlException',
    'InvalidHeaderException',
    'NoSuchElementException',
    'CsvException',
    'DuplicateMessageException',
];

export function makeBuiltinExceptionClasses(): Map<string, RtClass> {
    const out = new Map<string, RtClass>();
    const base = new RtClass('Exception', 'class', null, null, '<builtin>');
    base.isException = true;
    base.isVirtual = true;
    base.linked = true;
    out.set('exception', base);
    for (const n of BUILTIN_EXCEPTIONS) {
        const c = new RtClass(n, 'class', null, null, '<builtin>');
        c.superClass = base;
        c.isException = true;
        c.isVirtual = true;
        c.linked = true;
        out.set(n.toLowerCase(), c);
    }
    return out;
}

/** `System.ListException` for built-ins, the class name for user-defined exceptions. */
export function exceptionTypeName(cls: RtClass): string {
    return cls.decl ? cls.name : `System.${cls.name}`;
}

/** Frames kept in a stack trace; deeper stacks (runaway recursion) keep the innermost and outermost frames. */
const MAX_TRACE = 60;

export function stackTraceOf(frame: Frame | null): string {
    const lines: string[] = [];
    for (let f = frame; f; f = f.prev) lines.push(`${f.where}: line ${f.line}, column 1`);
    if (lines.length <= MAX_TRACE) return lines.join('\n');
    const head = lines.slice(0, MAX_TRACE - 10);
    const tail = lines.slice(-10);
    return [...head, `... ${lines.length - MAX_TRACE} more frames ...`, ...tail].join('\n');
}

export function newException(cls: RtClass, message: Value, cause: Value, frame: Frame | null): ApexObject {
    const o = new ApexObject(cls, new Array<Value>(cls.instanceSlotCount).fill(null));
    o.exc = { message, cause, line: frame ? frame.line : 0, stack: stackTraceOf(frame) };
    return o;
}

export function throwException(cls: RtClass, message: string, frame: Frame | null): never {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- ApexThrow carries an Apex exception object through JS frames
    throw new ApexThrow(newException(cls, message, null, frame));
}
