/**
 * `@salesforce/apex` in the browser without an org. Each `@salesforce/apex/Class.method` import is
 * `apexMethod('Class', 'method')`: a function that POSTs `{classname, method, params}` to the host, which runs the
 * `@AuraEnabled` method in the offline org, and carries an `.adapter` so that `@wire` works (reactive config: the
 * method is called again whenever the config changes). `refreshApex(value)` calls a wire's method again with its last
 * config. The rejection of a failed call has the platform's shape `{status, statusText, ok: false, headers, body}`.
 *
 * Not modelled: the client-side cache of cacheable methods (every call reaches the server), Lightning Data Service.
 */

interface ApexAnswer {
    /** The call's status: 200, or the status of the error (500 an exception, 400 a refused call). */
    status: number;
    returnValue?: unknown;
    body?: unknown;
    /** Set when the offline org itself could not answer (not supported, an internal failure). */
    offlineOrg?: boolean;
}

export interface ApexCallError {
    status: number;
    statusText: string;
    ok: false;
    headers: Record<string, string>;
    body: unknown;
}

type Params = Record<string, unknown>;

function messageOf(body: unknown): string {
    if (typeof body === 'object' && body !== null && 'message' in body) {
        return String(body.message);
    }
    return JSON.stringify(body);
}

async function invoke(classname: string, method: string, params: Params, cacheable: boolean): Promise<unknown> {
    const response = await fetch('/host/apex', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ classname, method, params, cacheable }),
    });
    if (!response.ok) {
        console.error(`[offline org] ${classname}.${method}: the host answered HTTP ${response.status}`);
        // The platform rejects with this plain object (components read error.body), not an Error.
        // eslint-disable-next-line @typescript-eslint/only-throw-error
        throw {
            status: response.status,
            statusText: response.statusText,
            ok: false,
            headers: {},
            body: { message: `the offline host answered HTTP ${response.status}` },
        } satisfies ApexCallError;
    }
    const answer = (await response.json()) as ApexAnswer;
    if (answer.status === 200) return answer.returnValue ?? null;
    if (answer.offlineOrg) {
        // Loud: the offline org could not answer as an org would; never a silent wrong answer.
        console.error(`[offline org] ${classname}.${method}: ${messageOf(answer.body)}`);
    }
    const error: ApexCallError = {
        status: answer.status,
        statusText: answer.status === 500 ? 'Server Error' : 'Bad Request',
        ok: false,
        headers: {},
        body: answer.body,
    };
    // The platform's rejection shape, not an Error (see above).
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    throw error;
}

interface WireValue {
    data: unknown;
    error: unknown;
}

/** Wire values provisioned, to the adapter that provisioned them (for refreshApex). */
const provisioned = new WeakMap<object, ApexWireAdapter>();

type DataCallback = (value: WireValue) => void;

abstract class ApexWireAdapter {
    private config: Params | undefined;
    private connected = false;
    private generation = 0;

    constructor(private readonly callback: DataCallback) {}

    protected abstract call(params: Params): Promise<unknown>;

    update(config: Params): void {
        this.config = { ...config };
        if (this.connected) void this.fetch();
    }

    connect(): void {
        this.connected = true;
        if (this.config !== undefined) void this.fetch();
    }

    disconnect(): void {
        this.connected = false;
    }

    /** Calls the method again with the last config; resolves when the new value has been provisioned. */
    fetch(): Promise<void> {
        const generation = ++this.generation;
        const config = this.config ?? {};
        return this.call(config).then(
            (data) => this.provision(generation, { data, error: undefined }),
            (error: unknown) => this.provision(generation, { data: undefined, error }),
        );
    }

    private provision(generation: number, value: WireValue): void {
        if (generation !== this.generation) return;
        provisioned.set(value, this);
        this.callback(value);
    }
}

export interface ApexMethod {
    (params?: Params): Promise<unknown>;
    adapter: new (callback: DataCallback) => ApexWireAdapter;
}

export function apexMethod(classname: string, method: string): ApexMethod {
    const call = (params?: Params): Promise<unknown> => invoke(classname, method, params ?? {}, false);
    class Adapter extends ApexWireAdapter {
        protected call(params: Params): Promise<unknown> {
            return invoke(classname, method, params, true);
        }
    }
    return Object.assign(call, { adapter: Adapter });
}

/** Re-fetches the data of a wired Apex method; pass the value the wire provisioned. */
export function refreshApex(wiredValue: unknown): Promise<void> {
    const adapter = typeof wiredValue === 'object' && wiredValue !== null ? provisioned.get(wiredValue) : undefined;
    if (!adapter) {
        console.error('[offline org] refreshApex: the value was not provisioned by an Apex @wire');
        return Promise.resolve();
    }
    return adapter.fetch();
}

/** A field of a record returned by Apex (`Account.Name` style paths). */
export function getSObjectValue(record: unknown, field: string): unknown {
    const path = field.includes('.') ? field.split('.').slice(1) : [field];
    let at: unknown = record;
    for (const part of path) {
        if (typeof at !== 'object' || at === null) return undefined;
        at = (at as Record<string, unknown>)[part];
    }
    return at;
}
