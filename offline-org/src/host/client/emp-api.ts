/**
 * `lightning/empApi` in the browser without an org: platform events published in the offline org reach the page
 * over the host's server-sent event stream (`/host/events`), one message per event as the platform's CometD
 * channel delivers it: `{channel, data: {schema, payload, event: {replayId}}}`. Only `/event/<Event>__e` channels
 * are served; `/data/` (change data capture) and `/topic/` (PushTopic) are refused through `onError`, loudly.
 * Replay: events from before the subscription are not replayed (a replayId of -2 behaves like -1).
 */

export interface EmpMessage {
    channel: string;
    data: { schema: string; payload: Record<string, unknown>; event: { replayId: number } };
}

export interface Subscription {
    id: string;
    channel: string;
    replayId: number;
}

type Listener = (message: EmpMessage) => void;

const subscriptions = new Map<string, { channel: string; callback: Listener }>();
const errorListeners: ((error: unknown) => void)[] = [];
let source: EventSource | null = null;
let counter = 0;

function fail(error: unknown): void {
    for (const listener of errorListeners) listener(error);
}

function ensureSource(): void {
    if (source) return;
    source = new EventSource('/host/events');
    source.addEventListener('platformevent', (e: MessageEvent<string>) => {
        const message = JSON.parse(e.data) as EmpMessage;
        for (const s of subscriptions.values()) {
            if (s.channel.toLowerCase() === message.channel.toLowerCase()) s.callback(message);
        }
    });
}

export function subscribe(channel: string, replayId: number, callback: Listener): Promise<Subscription> {
    if (!/^\/event\/\w+__e$/i.test(channel)) {
        const error = { error: `not supported by the offline org: subscribing to ${channel} (only /event/X__e)` };
        console.error(`[offline org] empApi: ${error.error}`);
        fail(error);
        return Promise.reject(new Error(error.error));
    }
    ensureSource();
    const id = `sub-${++counter}`;
    subscriptions.set(id, { channel, callback });
    return Promise.resolve({ id, channel, replayId });
}

export function unsubscribe(subscription: Subscription, callback?: (response: unknown) => void): Promise<boolean> {
    const known = subscription !== null && subscription !== undefined && subscriptions.delete(subscription.id);
    callback?.({ successful: known, subscription: subscription?.channel });
    return Promise.resolve(known);
}

export function onError(callback: (error: unknown) => void): void {
    errorListeners.push(callback);
}

export function isEmpEnabled(): Promise<boolean> {
    return Promise.resolve(true);
}

export function setDebugFlag(): Promise<boolean> {
    return Promise.resolve(true);
}
