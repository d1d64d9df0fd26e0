/**
 * Server-sent events to the open pages: each platform event the org's event bus delivers, as the platform's
 * streaming channel `/event/<Event>` carries it (`{channel, data: {schema, payload, event: {replayId}}}`), for the
 * page's empApi stand-in (client/emp-api.ts). Replay ids count up from 1 for the life of the host.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Runtime } from '../apex/interpreter/runtime.js';
import type { SObjectValue } from '../apex/runtime/values.js';
import { toLightningValue } from '../apex/aura-serialize.js';

export interface PlatformEventMessage {
    channel: string;
    data: { schema: string; payload: Record<string, unknown>; event: { replayId: number } };
}

export class EventStream {
    private readonly clients = new Set<ServerResponse>();
    private replayId = 0;
    /** Every message sent, most recent last (the last 200), for tests and the debug endpoint. */
    readonly recent: PlatformEventMessage[] = [];

    /** Opens a stream for one page. */
    open(req: IncomingMessage, res: ServerResponse): void {
        res.writeHead(200, {
            'Content-Type': 'text/event-stream',
            'Cache-Control': 'no-cache',
            Connection: 'keep-alive',
        });
        res.write(': offline org event stream\n\n');
        this.clients.add(res);
        req.on('close', () => this.clients.delete(res));
    }

    /** The events of one delivery, turned into channel messages and sent to every page. */
    deliver(rt: Runtime, objectName: string, events: SObjectValue[], userId: string, now: number): void {
        for (const e of events) {
            const payload = toLightningValue(rt, e) as Record<string, unknown>;
            payload['CreatedDate'] ??= new Date(now).toISOString();
            payload['CreatedById'] ??= userId;
            this.send({
                channel: `/event/${objectName}`,
                data: { schema: `offline-${objectName}`, payload, event: { replayId: ++this.replayId } },
            });
        }
    }

    send(message: PlatformEventMessage): void {
        this.recent.push(message);
        if (this.recent.length > 200) this.recent.shift();
        const text = `event: platformevent\ndata: ${JSON.stringify(message)}\n\n`;
        for (const c of this.clients) c.write(text);
    }

    close(): void {
        for (const c of this.clients) c.end();
        this.clients.clear();
    }
}
