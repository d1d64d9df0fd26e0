/**
 * `lightning/navigation` in the browser without an org. `NavigationMixin.Navigate` with a page reference switches
 * the host's page: `standard__navItemPage` (a tab of the app), `standard__recordPage` (the object's record page when
 * the project has one); `standard__webPage` opens the URL. Any other page reference is refused loudly (console error
 * and a toast). `NavigationMixin.GenerateUrl` answers the host's URL; `CurrentPageReference` provisions the current
 * page reference.
 */

export interface PageReference {
    type: string;
    attributes?: Record<string, unknown>;
    state?: Record<string, unknown>;
}

export const NAVIGATE_EVENT = 'host:navigate';

const NAVIGATE = Symbol('NavigationMixin.Navigate');
const GENERATE_URL = Symbol('NavigationMixin.GenerateUrl');

function text(value: unknown): string {
    return typeof value === 'string' ? value : '';
}

/** The host URL of a page reference, or null when the host has no such page. */
export function urlOf(ref: PageReference): string | null {
    const a = ref.attributes ?? {};
    switch (ref.type) {
        case 'standard__navItemPage':
            return `/lightning/n/${text(a['apiName'])}`;
        case 'standard__recordPage':
            return `/lightning/r/${text(a['objectApiName']) || 'sObject'}/${text(a['recordId'])}/${text(a['actionName']) || 'view'}`;
        case 'standard__webPage':
            return text(a['url']);
        default:
            return null;
    }
}

/** The page the host shows now, as a page reference. */
export function currentPageReference(): PageReference {
    const path = window.location.pathname;
    const record = /^\/lightning\/r\/([^/]+)\/([^/]+)\/([^/]+)/.exec(path);
    if (record) {
        return {
            type: 'standard__recordPage',
            attributes: { objectApiName: record[1], recordId: record[2], actionName: record[3] },
            state: {},
        };
    }
    const tab = /^\/lightning\/n\/([^/]+)/.exec(path);
    return { type: 'standard__navItemPage', attributes: { apiName: tab ? tab[1] : '' }, state: {} };
}

// A mixin's base constructor must take `any[]` (TypeScript's rule for mixin classes).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor = new (...args: any[]) => object;

function navigate(ref: PageReference, replace?: boolean): void {
    window.dispatchEvent(new CustomEvent(NAVIGATE_EVENT, { detail: { ref, replace: replace === true } }));
}

function mixin<T extends Constructor>(Base: T): T {
    class Navigating extends Base {
        [NAVIGATE](ref: PageReference, replace?: boolean): void {
            navigate(ref, replace);
        }

        [GENERATE_URL](ref: PageReference): Promise<string> {
            const url = urlOf(ref);
            if (url === null) {
                console.error(`[offline org] NavigationMixin.GenerateUrl: page type ${ref.type} is not supported`);
                return Promise.reject(new Error(`page type ${ref.type} is not supported by the offline host`));
            }
            return Promise.resolve(url);
        }
    }
    return Navigating;
}

export const NavigationMixin = Object.assign(mixin, { Navigate: NAVIGATE, GenerateUrl: GENERATE_URL });

const pageListeners = new Set<() => void>();

/** Called by the shell after every page change. */
export function pageChanged(): void {
    for (const listener of pageListeners) listener();
}

/** Wire adapter: the current page reference, again after every navigation. */
export class CurrentPageReference {
    private readonly listener = (): void => this.callback(currentPageReference());

    constructor(private readonly callback: (ref: PageReference) => void) {}

    connect(): void {
        pageListeners.add(this.listener);
        this.listener();
    }

    update(): void {
        // No config.
    }

    disconnect(): void {
        pageListeners.delete(this.listener);
    }
}
