/**
 * One readable sentence from whatever an Apex call, a `@wire` or the network rejected with: an
 * `AuraHandledException` (`{ body: { message } }`), a list of them, a UI API error (`body.output.errors`), a
 * JavaScript `Error` (a failed fetch) or a plain string. Every screen shows its errors through this one function.
 */

/** What is said when nothing readable came back. */
export const UNKNOWN_ERROR = 'Something went wrong and no reason was given.';

interface OutputErrors {
    errors?: { message?: unknown }[];
    fieldErrors?: Record<string, { message?: unknown }[]>;
}

function messageOf(value: unknown): string | undefined {
    if (typeof value === 'string') {
        return value.trim() === '' ? undefined : value;
    }
    if (typeof value !== 'object' || value === null) {
        return undefined;
    }
    const candidate = (value as { message?: unknown }).message;
    return typeof candidate === 'string' && candidate.trim() !== '' ? candidate : undefined;
}

function outputMessages(output: OutputErrors): string[] {
    const messages: string[] = [];
    for (const entry of output.errors ?? []) {
        const text = messageOf(entry);
        if (text) messages.push(text);
    }
    for (const entries of Object.values(output.fieldErrors ?? {})) {
        for (const entry of entries) {
            const text = messageOf(entry);
            if (text) messages.push(text);
        }
    }
    return messages;
}

function bodyMessages(body: unknown): string[] {
    if (Array.isArray(body)) {
        return body.flatMap((entry) => bodyMessages(entry));
    }
    if (typeof body === 'string') {
        return body.trim() === '' ? [] : [body];
    }
    if (typeof body !== 'object' || body === null) {
        return [];
    }
    const messages: string[] = [];
    const own = messageOf(body);
    if (own) messages.push(own);
    const output = (body as { output?: unknown }).output;
    if (typeof output === 'object' && output !== null) {
        messages.push(...outputMessages(output));
    }
    return messages;
}

/**
 * Reduces an error to one sentence for the screen.
 * @param error what a promise rejected with or a wire provisioned as `error`
 * @returns the message; never empty
 */
export function reduceError(error: unknown): string {
    if (error === null || error === undefined) {
        return UNKNOWN_ERROR;
    }
    if (typeof error === 'string') {
        return error.trim() === '' ? UNKNOWN_ERROR : error;
    }
    if (Array.isArray(error)) {
        const parts = error.map((entry) => reduceError(entry)).filter((text) => text !== UNKNOWN_ERROR);
        return parts.length > 0 ? [...new Set(parts)].join(' ') : UNKNOWN_ERROR;
    }
    if (error instanceof Error) {
        return messageOf(error) ?? UNKNOWN_ERROR;
    }
    const fromBody = bodyMessages((error as { body?: unknown }).body);
    if (fromBody.length > 0) {
        return [...new Set(fromBody)].join(' ');
    }
    const own = messageOf(error);
    if (own) {
        return own;
    }
    const status = (error as { status?: unknown }).status;
    const statusText = (error as { statusText?: unknown }).statusText;
    if (typeof statusText === 'string' && statusText !== '') {
        return typeof status === 'number' ? `${statusText} (HTTP ${status})` : statusText;
    }
    if (status === 0) {
        return 'The server could not be reached. Check your connection and try again.';
    }
    return UNKNOWN_ERROR;
}
