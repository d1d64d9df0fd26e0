import { isEmpEnabled, onError, subscribe, unsubscribe } from 'lightning/empApi';
import type { EmpMessage } from 'lightning/empApi';
import getRunStatus from '@salesforce/apex/RunHistoryController.getRunStatus';
import getProgressChannel from '@salesforce/apex/RunHistoryController.getProgressChannel';
import { MIN_POLL_MS, RunProgressFeed, STREAMING_CHECK_MS } from 'c/runProgressFeed';
import { flushPromises } from 'test-utils';

jest.mock('@salesforce/apex/RunHistoryController.getRunStatus', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RunHistoryController.getProgressChannel', () => ({ default: jest.fn() }), {
    virtual: true,
});

const statusMock = getRunStatus as unknown as jest.Mock;
const channelMock = getProgressChannel as unknown as jest.Mock;
const enabledMock = isEmpEnabled as unknown as jest.Mock;
const subscribeMock = subscribe as unknown as jest.Mock;
const unsubscribeMock = unsubscribe as unknown as jest.Mock;
const onErrorMock = onError as unknown as jest.Mock;

const RUN_ID = 'a0B000000000001AAA';

function status(state: string, isActive: boolean, inserted = 0): unknown {
    return { run: { runId: RUN_ID, state, isActive, inserted }, objects: [] };
}

describe('c/runProgressFeed', () => {
    beforeEach(() => {
        jest.useFakeTimers();
        channelMock.mockResolvedValue('/event/RunProgress__e');
        subscribeMock.mockResolvedValue({ id: 'sub-1', channel: '/event/RunProgress__e' });
        unsubscribeMock.mockResolvedValue({});
    });

    afterEach(() => {
        jest.useRealTimers();
        jest.clearAllMocks();
    });

    it('subscribes to the progress channel and reads the status on each event of its run only', async () => {
        enabledMock.mockResolvedValue(true);
        statusMock.mockResolvedValue(status('Running', true));
        const onStatus = jest.fn();
        const onMode = jest.fn();
        const feed = new RunProgressFeed(RUN_ID, { onStatus, onMode });
        await feed.start();
        expect(subscribeMock).toHaveBeenCalledWith('/event/RunProgress__e', -1, expect.any(Function));
        expect(onMode).toHaveBeenCalledWith('streaming');
        const reads = statusMock.mock.calls.length;
        const onMessage = (subscribeMock.mock.calls as [string, number, (message: EmpMessage) => void][])[0][2];

        onMessage({ data: { payload: { ns__RunId__c: 'a0B000000000999AAA' } } });
        await flushPromises();
        expect(statusMock.mock.calls.length).toBe(reads);

        statusMock.mockResolvedValue(status('Running', true, 200));
        onMessage({ data: { payload: { RunId__c: RUN_ID.substring(0, 15) } } });
        await flushPromises();
        expect(statusMock.mock.calls.length).toBe(reads + 1);
        expect(onStatus).toHaveBeenLastCalledWith(status('Running', true, 200));

        // No fast polling while streaming.
        jest.advanceTimersByTime(STREAMING_CHECK_MS - 1);
        await flushPromises();
        expect(statusMock.mock.calls.length).toBe(reads + 1);
        feed.stop();
        expect(unsubscribeMock).toHaveBeenCalled();
    });

    it('while streaming, still reads the status every 15 s: an end whose event was read before its commit is seen', async () => {
        enabledMock.mockResolvedValue(true);
        statusMock.mockResolvedValue(status('Running', true));
        const onStatus = jest.fn();
        const feed = new RunProgressFeed(RUN_ID, { onStatus });
        await feed.start();
        const reads = statusMock.mock.calls.length;
        statusMock.mockResolvedValue(status('Completed', false, 452));
        jest.advanceTimersByTime(STREAMING_CHECK_MS);
        await flushPromises();
        expect(statusMock.mock.calls.length).toBe(reads + 1);
        expect(onStatus).toHaveBeenLastCalledWith(status('Completed', false, 452));
        expect(feed.isStopped).toBe(true);
        expect(unsubscribeMock).toHaveBeenCalled();
        jest.advanceTimersByTime(5 * STREAMING_CHECK_MS);
        await flushPromises();
        expect(statusMock.mock.calls.length).toBe(reads + 1);
    });

    it('polls every two seconds when empApi is unavailable, and stops when the run ends', async () => {
        enabledMock.mockResolvedValue(false);
        statusMock.mockResolvedValue(status('Running', true));
        const onStatus = jest.fn();
        const onMode = jest.fn();
        const feed = new RunProgressFeed(RUN_ID, { onStatus, onMode }, 500);
        await feed.start();
        expect(subscribeMock).not.toHaveBeenCalled();
        expect(onMode).toHaveBeenCalledWith('polling');
        expect(statusMock).toHaveBeenCalledTimes(1);

        jest.advanceTimersByTime(MIN_POLL_MS - 1);
        await flushPromises();
        expect(statusMock).toHaveBeenCalledTimes(1);
        jest.advanceTimersByTime(1);
        await flushPromises();
        expect(statusMock).toHaveBeenCalledTimes(2);

        statusMock.mockResolvedValue(status('Completed', false));
        jest.advanceTimersByTime(MIN_POLL_MS);
        await flushPromises();
        expect(statusMock).toHaveBeenCalledTimes(3);
        expect(feed.isStopped).toBe(true);
        jest.advanceTimersByTime(5 * MIN_POLL_MS);
        await flushPromises();
        expect(statusMock).toHaveBeenCalledTimes(3);
    });

    it('falls back to polling when subscribing fails or the stream errors later', async () => {
        enabledMock.mockResolvedValue(true);
        subscribeMock.mockRejectedValueOnce(new Error('handshake failed'));
        statusMock.mockResolvedValue(status('Running', true));
        const onMode = jest.fn();
        const feed = new RunProgressFeed(RUN_ID, { onStatus: jest.fn(), onMode });
        await feed.start();
        expect(onMode).toHaveBeenLastCalledWith('polling');
        feed.stop();

        const second = new RunProgressFeed(RUN_ID, { onStatus: jest.fn(), onMode });
        await second.start();
        expect(onMode).toHaveBeenLastCalledWith('streaming');
        const errorCalls = onErrorMock.mock.calls as [(error: unknown) => void][];
        const errorCallback = errorCalls[errorCalls.length - 1][0];
        errorCallback({ error: '403::Unknown client' });
        expect(onMode).toHaveBeenLastCalledWith('polling');
        const reads = statusMock.mock.calls.length;
        jest.advanceTimersByTime(MIN_POLL_MS);
        await flushPromises();
        expect(statusMock.mock.calls.length).toBe(reads + 1);
        second.stop();
        jest.advanceTimersByTime(5 * MIN_POLL_MS);
        await flushPromises();
        expect(statusMock.mock.calls.length).toBe(reads + 1);
    });

    it('reads nothing more once the run has ended at the first read', async () => {
        enabledMock.mockResolvedValue(true);
        statusMock.mockResolvedValue(status('Completed', false));
        const onStatus = jest.fn();
        const feed = new RunProgressFeed(RUN_ID, { onStatus });
        await feed.start();
        expect(onStatus).toHaveBeenCalledTimes(1);
        expect(subscribeMock).not.toHaveBeenCalled();
        expect(feed.isStopped).toBe(true);
    });

    it('tells a failed read as one sentence and keeps polling', async () => {
        enabledMock.mockResolvedValue(false);
        statusMock.mockRejectedValueOnce({ body: { message: 'The run does not exist or you cannot see it.' } });
        statusMock.mockResolvedValue(status('Running', true));
        const onReadError = jest.fn();
        const feed = new RunProgressFeed(RUN_ID, { onStatus: jest.fn(), onError: onReadError });
        await feed.start();
        expect(onReadError).toHaveBeenCalledWith('The run does not exist or you cannot see it.');
        jest.advanceTimersByTime(MIN_POLL_MS);
        await flushPromises();
        expect(statusMock).toHaveBeenCalledTimes(2);
        feed.stop();
    });

    it('reads again after a read under way when an event arrives meanwhile', async () => {
        enabledMock.mockResolvedValue(true);
        let release: (value: unknown) => void = () => undefined;
        statusMock.mockResolvedValueOnce(status('Running', true));
        statusMock.mockResolvedValueOnce(status('Running', true));
        const feed = new RunProgressFeed(RUN_ID, { onStatus: jest.fn() });
        await feed.start();
        const onMessage = (subscribeMock.mock.calls as [string, number, (message: EmpMessage) => void][])[0][2];
        statusMock.mockImplementationOnce(() => new Promise((resolve) => (release = resolve)));
        statusMock.mockResolvedValue(status('Running', true, 5));
        const before = statusMock.mock.calls.length;
        onMessage({ data: { payload: { RunId__c: RUN_ID } } });
        onMessage({ data: { payload: { RunId__c: RUN_ID } } });
        await flushPromises();
        expect(statusMock.mock.calls.length).toBe(before + 1);
        release(status('Running', true, 1));
        await flushPromises();
        expect(statusMock.mock.calls.length).toBe(before + 2);
        feed.stop();
    });
});
