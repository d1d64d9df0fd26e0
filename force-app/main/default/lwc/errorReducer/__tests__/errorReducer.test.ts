import { reduceError, UNKNOWN_ERROR } from 'c/errorReducer';

describe('c/errorReducer', () => {
    it('reads an AuraHandledException as its message', () => {
        expect(reduceError({ status: 500, body: { message: 'Select at least one object.' } })).toBe(
            'Select at least one object.',
        );
    });

    it('joins a list of errors, without repeating the same message', () => {
        expect(reduceError({ body: [{ message: 'a' }, { message: 'b' }, { message: 'a' }] })).toBe('a b');
        expect(reduceError([{ body: { message: 'one' } }, new Error('two')])).toBe('one two');
    });

    it('reads the UI API shape with page and field errors', () => {
        const error = {
            body: {
                message: 'An error occurred while trying to update the record.',
                output: {
                    errors: [{ message: 'Name is required.' }],
                    fieldErrors: { Email__c: [{ message: 'Bad email.' }] },
                },
            },
        };
        expect(reduceError(error)).toBe(
            'An error occurred while trying to update the record. Name is required. Bad email.',
        );
    });

    it('reads a network failure and a JavaScript error', () => {
        expect(reduceError(new TypeError('Failed to fetch'))).toBe('Failed to fetch');
        expect(reduceError({ status: 0 })).toBe(
            'The server could not be reached. Check your connection and try again.',
        );
        expect(reduceError({ status: 503, statusText: 'Service Unavailable' })).toBe('Service Unavailable (HTTP 503)');
        expect(reduceError({ statusText: 'Server Error' })).toBe('Server Error');
    });

    it('never answers an empty sentence', () => {
        expect(reduceError(undefined)).toBe(UNKNOWN_ERROR);
        expect(reduceError(null)).toBe(UNKNOWN_ERROR);
        expect(reduceError('')).toBe(UNKNOWN_ERROR);
        expect(reduceError({})).toBe(UNKNOWN_ERROR);
        expect(reduceError([])).toBe(UNKNOWN_ERROR);
        expect(reduceError(new Error(''))).toBe(UNKNOWN_ERROR);
        expect(reduceError({ body: 42 })).toBe(UNKNOWN_ERROR);
        expect(reduceError('plain')).toBe('plain');
        expect(reduceError({ message: 'own message' })).toBe('own message');
        expect(reduceError({ body: 'text body' })).toBe('text body');
    });
});
