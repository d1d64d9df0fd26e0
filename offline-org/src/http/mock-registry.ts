/**
 * Test.setMock(HttpCalloutMock.class, mock): one responder per test transaction; a callout in a test without one
 * raises the platform's CalloutException.
 */
import { NotSupportedError } from '../data/errors.js';
import { raise } from '../async/platform-exception.js';
import type { CalloutRequest, CalloutResponse } from './http-message.js';

/** The interpreter wraps the mock's `respond(HttpRequest)` into this; it may throw (an Apex exception). */
export type HttpResponder = (req: CalloutRequest) => CalloutResponse | null;

export class MockRegistry {
    private responder: HttpResponder | null = null;

    /** Test.setMock with HttpCalloutMock.class (the only mock type modelled). */
    setMock(mockType: string, responder: HttpResponder): void {
        const type = mockType.toLowerCase();
        if (type !== 'httpcalloutmock' && type !== 'system.httpcalloutmock') {
            throw new NotSupportedError(`Test.setMock(${mockType}.class, ...)`, '<http>:1');
        }
        this.responder = responder;
    }

    /** A fresh test method has no mock. */
    clear(): void {
        this.responder = null;
    }

    respond(req: CalloutRequest): CalloutResponse {
        if (!this.responder)
            raise('CalloutException', 'Methods defined as TestMethod do not support Web service callouts');
        const response = this.responder(req);
        if (response === null) throw new NotSupportedError('an HttpCalloutMock returning null', '<http>:1');
        return response;
    }
}
