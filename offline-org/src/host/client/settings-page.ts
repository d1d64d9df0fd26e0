/**
 * The host's own Settings page (not part of any package): for each target org behind the REST face, the share of
 * record writes that meet a row lock, the share of calls answered 503, a storm of 503s for the next N calls, and the
 * daily API allowance (calls left today); and the state of the async queue. Reads and writes `/host/api/settings`.
 */
import type { ShellModel } from './model.js';

export interface TargetSettings {
    name: string;
    lockShare: number;
    unavailableShare: number;
    stormLeft: number;
    dailyAllowance: number;
    used: number;
    remaining: number;
    calls: number;
}

export interface HostSettings {
    targets: TargetSettings[];
    async: { queued: number; fastDelays: boolean; skippedMs: number };
}

export interface FaultChange {
    target: string;
    lockShare?: number;
    unavailableShare?: number;
    storm?: number;
    dailyAllowance?: number;
    remaining?: number;
}

export async function postSettings(change: FaultChange): Promise<HostSettings> {
    const response = await fetch('/host/api/settings', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(change),
    });
    const body = (await response.json()) as HostSettings | { message: string };
    if (!response.ok) throw new Error('message' in body ? body.message : response.statusText);
    return body as HostSettings;
}

function field(label: string, name: string, value: number, step: string): HTMLElement {
    const wrapper = document.createElement('div');
    wrapper.className = 'slds-form-element slds-m-bottom_x-small';
    const l = document.createElement('label');
    l.className = 'slds-form-element__label';
    l.textContent = label;
    const input = document.createElement('input');
    input.className = 'slds-input';
    input.type = 'number';
    input.step = step;
    input.name = name;
    input.value = String(value);
    l.htmlFor = input.id = `host-${name}-${Math.random().toString(36).slice(2)}`;
    const control = document.createElement('div');
    control.className = 'slds-form-element__control';
    control.append(input);
    wrapper.append(l, control);
    return wrapper;
}

function button(label: string, action: string): HTMLButtonElement {
    const b = document.createElement('button');
    b.className = 'slds-button slds-button_neutral slds-m-right_x-small';
    b.textContent = label;
    b.dataset.action = action;
    b.type = 'button';
    return b;
}

function targetCard(t: TargetSettings, refresh: (s: HostSettings) => void): HTMLElement {
    const card = document.createElement('article');
    card.className = 'slds-card slds-p-around_medium slds-m-bottom_small';
    card.dataset.target = t.name;
    const title = document.createElement('h2');
    title.className = 'slds-text-heading_medium slds-m-bottom_small';
    title.textContent = `Target org behind ${t.name}`;
    const status = document.createElement('p');
    status.className = 'slds-m-bottom_small host-target-status';
    status.textContent =
        `${t.calls} REST calls answered; API usage today ${t.used}/${t.dailyAllowance} (${t.remaining} left)` +
        (t.stormLeft > 0 ? `; storm: the next ${t.stormLeft} calls answer 503` : '');
    const form = document.createElement('form');
    form.append(
        field('Share of record writes meeting UNABLE_TO_LOCK_ROW (0–1)', 'lockShare', t.lockShare, '0.05'),
        field('Share of calls answered 503 SERVER_UNAVAILABLE (0–1)', 'unavailableShare', t.unavailableShare, '0.05'),
        field('Daily API allowance (DailyApiRequests Max)', 'dailyAllowance', t.dailyAllowance, '1'),
        field('API calls left today', 'remaining', t.remaining, '1'),
        field('Storm: answer the next N calls 503', 'storm', 0, '1'),
    );
    const apply = button('Apply', 'apply');
    const near = button('Allowance nearly used (20 left)', 'near-limit');
    const clear = button('No faults', 'clear');
    const message = document.createElement('p');
    message.className = 'slds-m-top_x-small host-settings-message';
    const value = (name: string): number => Number((form.elements.namedItem(name) as HTMLInputElement).value);
    const send = (change: FaultChange): void => {
        postSettings(change).then(
            (s) => {
                refresh(s);
            },
            (e: unknown) => {
                message.textContent = e instanceof Error ? e.message : String(e);
                message.classList.add('slds-text-color_error');
            },
        );
    };
    apply.addEventListener('click', () =>
        send({
            target: t.name,
            lockShare: value('lockShare'),
            unavailableShare: value('unavailableShare'),
            dailyAllowance: value('dailyAllowance'),
            remaining: value('remaining'),
            storm: value('storm'),
        }),
    );
    near.addEventListener('click', () => send({ target: t.name, remaining: 20 }));
    clear.addEventListener('click', () =>
        send({ target: t.name, lockShare: 0, unavailableShare: 0, storm: 0, remaining: t.dailyAllowance }),
    );
    const actions = document.createElement('div');
    actions.className = 'slds-m-top_small';
    actions.append(apply, near, clear);
    card.append(title, status, form, actions, message);
    return card;
}

export function renderSettings(root: HTMLElement, model: ShellModel): void {
    const page = document.createElement('div');
    page.className = 'host-settings';
    page.dataset.page = 'host-settings';
    root.append(page);
    const draw = (s: HostSettings): void => {
        page.replaceChildren();
        const header = document.createElement('div');
        header.className = 'slds-page-header slds-m-bottom_small';
        const h1 = document.createElement('h1');
        h1.className = 'slds-page-header__title';
        h1.textContent = 'Offline org host settings';
        const queue = document.createElement('p');
        queue.className = 'host-queue-status';
        queue.textContent =
            `Async queue: ${s.async.queued} job(s) waiting; ` +
            (s.async.fastDelays ? 'queueable delays shortened (--fast-delays)' : 'queueable delays in real time') +
            `; the org clock is ${Math.round(s.async.skippedMs / 1000)} s ahead of real time.`;
        header.append(h1, queue);
        page.append(header);
        if (s.targets.length === 0) {
            const none = document.createElement('p');
            none.textContent = `No target org is attached (the app ${model.app.label} has none).`;
            page.append(none);
        }
        for (const t of s.targets) page.append(targetCard(t, draw));
    };
    fetch('/host/api/settings').then(
        async (r) => draw((await r.json()) as HostSettings),
        (e: unknown) => console.error(`[offline org] settings: ${String(e)}`),
    );
}
