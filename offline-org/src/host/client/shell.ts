/**
 * The page around the project's components, in the shape of Lightning Experience: the app's navigation bar with its
 * tabs, the current tab's FlexiPage (its components created with their FlexiPage properties), the utility bar, a
 * toast container (ShowToastEvent), navigation (NavigationMixin), and the host's own Settings page
 * (`/host/settings`: fault injection of the target orgs). Plain DOM with SLDS classes; only the project's
 * components are LWC.
 */
import { createElement } from 'lwc';
import type { LightningElement } from 'lwc';
import type { ShellComponent, ShellModel, ShellPage, ShellUtilityItem } from './model.js';
import { NAVIGATE_EVENT, pageChanged, urlOf } from './navigation.js';
import type { PageReference } from './navigation.js';
import { TOAST_EVENT } from './toast-event.js';
import type { ToastDetail } from './toast-event.js';
import { renderSettings } from './settings-page.js';

export type ComponentClass = typeof LightningElement;

const SETTINGS_PATH = '/host/settings';

function el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attrs: Record<string, string> = {},
    ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    for (const c of children) node.append(c);
    return node;
}

function errorBox(message: string): HTMLElement {
    console.error(`[offline org] ${message}`);
    return el(
        'div',
        { class: 'slds-notify slds-notify_alert slds-alert_error host-error', role: 'alert' },
        el('h2', {}, message),
    );
}

export class Shell {
    private readonly main = el('main', { class: 'host-main slds-p-around_small' });
    private readonly nav = el('ul', { class: 'slds-grid', role: 'tablist' });
    private readonly toasts = el('div', { class: 'host-toasts slds-notify_container' });
    private readonly utilityPanels = new Map<number, HTMLElement>();

    constructor(
        private readonly model: ShellModel,
        private readonly components: Record<string, ComponentClass>,
    ) {}

    start(root: HTMLElement): void {
        document.title = `${this.model.app.label} | Offline org`;
        const bar = el(
            'div',
            { class: 'slds-context-bar host-context-bar' },
            el(
                'div',
                { class: 'slds-context-bar__primary' },
                el(
                    'div',
                    { class: 'slds-context-bar__item slds-no-hover' },
                    el(
                        'span',
                        { class: 'slds-context-bar__label-action slds-context-bar__app-name' },
                        this.model.app.label,
                    ),
                ),
            ),
            el('nav', { class: 'slds-context-bar__secondary', role: 'navigation' }, this.nav),
        );
        root.append(bar, this.main, this.utilityBar(), this.toasts);
        this.renderNav();
        window.addEventListener('popstate', () => this.render());
        window.addEventListener(TOAST_EVENT, (e) => this.toast((e as CustomEvent<ToastDetail>).detail));
        window.addEventListener(NAVIGATE_EVENT, (e) => {
            const { ref, replace } = (e as CustomEvent<{ ref: PageReference; replace: boolean }>).detail;
            this.navigate(ref, replace);
        });
        if (window.location.pathname === '/' && this.model.tabs.length > 0) {
            history.replaceState(null, '', `/lightning/n/${this.model.tabs[0].name}`);
        }
        this.render();
    }

    private renderNav(): void {
        const items = this.model.tabs.map((t) => ({ label: t.label, path: `/lightning/n/${t.name}`, name: t.name }));
        items.push({ label: 'Host settings', path: SETTINGS_PATH, name: 'host-settings' });
        for (const item of items) {
            const link = el(
                'a',
                { href: item.path, class: 'slds-context-bar__label-action', 'data-tab': item.name },
                item.label,
            );
            link.addEventListener('click', (e) => {
                e.preventDefault();
                this.go(item.path, false);
            });
            this.nav.append(el('li', { class: 'slds-context-bar__item', 'data-tab-item': item.name }, link));
        }
    }

    private go(path: string, replace: boolean): void {
        if (replace) history.replaceState(null, '', path);
        else history.pushState(null, '', path);
        this.render();
    }

    private navigate(ref: PageReference, replace: boolean): void {
        const url = urlOf(ref);
        if (ref.type === 'standard__webPage' && url) {
            window.open(url, '_blank', 'noopener');
            return;
        }
        if (url === null) {
            const message = `navigation to a ${ref.type} page is not supported by the offline host`;
            console.error(`[offline org] ${message}`);
            this.toast({ title: 'Not available offline', message, variant: 'error' });
            return;
        }
        this.go(url, replace);
    }

    /** Shows the page of the current URL. */
    private render(): void {
        const path = window.location.pathname;
        for (const li of Array.from(this.nav.children)) li.classList.remove('slds-is-active');
        this.main.replaceChildren();
        if (path === SETTINGS_PATH) {
            this.markActive('host-settings');
            renderSettings(this.main, this.model);
        } else {
            const record = /^\/lightning\/r\/([^/]+)\/([^/]+)\//.exec(path);
            if (record) this.renderRecordPage(record[1], record[2]);
            else this.renderTab(decodeURIComponent(/^\/lightning\/n\/([^/]+)/.exec(path)?.[1] ?? ''));
        }
        pageChanged();
    }

    private markActive(name: string): void {
        this.nav.querySelector(`[data-tab-item="${name}"]`)?.classList.add('slds-is-active');
    }

    private renderTab(name: string): void {
        const tab = this.model.tabs.find((t) => t.name === name);
        if (!tab) {
            this.main.append(errorBox(`the app ${this.model.app.name} has no tab ${name}`));
            return;
        }
        this.markActive(tab.name);
        if (!tab.page) {
            this.main.append(errorBox(`tab ${tab.name}: ${tab.error ?? 'no FlexiPage'}`));
            return;
        }
        this.renderPage(tab.page, {});
    }

    private renderRecordPage(objectName: string, recordId: string): void {
        const page = this.model.recordPages[objectName.toLowerCase()];
        if (!page) {
            this.main.append(errorBox(`the project has no record page (FlexiPage) for ${objectName}`));
            return;
        }
        this.renderPage(page, { recordId, objectApiName: objectName });
    }

    private renderPage(page: ShellPage, extra: Record<string, string>): void {
        const container = el('div', { class: 'host-page', 'data-page': page.name });
        this.main.append(container);
        for (const c of page.components) container.append(this.mount(c, extra));
    }

    /** Creates one component with its properties; a failure is shown in its place. */
    private mount(c: ShellComponent, extra: Record<string, string>): HTMLElement {
        const wrapper = el('div', { class: 'host-component slds-m-bottom_small', 'data-component': c.bundle });
        if (c.error) {
            wrapper.append(errorBox(c.error));
            return wrapper;
        }
        const ctor = this.components[c.bundle];
        if (!ctor) {
            wrapper.append(errorBox(`component c:${c.bundle} is not in the host bundle`));
            return wrapper;
        }
        try {
            const element = createElement(c.tag, { is: ctor }) as HTMLElement & Record<string, unknown>;
            for (const [k, v] of Object.entries({ ...c.properties, ...extra })) element[k] = v;
            wrapper.append(element);
        } catch (e) {
            wrapper.append(errorBox(`c:${c.bundle} failed to start: ${e instanceof Error ? e.message : String(e)}`));
        }
        return wrapper;
    }

    private utilityBar(): HTMLElement {
        const items = this.model.utilityItems;
        const bar = el('footer', { class: 'slds-utility-bar_container host-utility-bar', 'aria-label': 'Utility Bar' });
        if (items.length === 0) return bar;
        const list = el('ul', { class: 'slds-utility-bar' });
        items.forEach((item, index) => {
            const button = el(
                'button',
                { class: 'slds-button slds-utility-bar__action', 'data-utility': item.component.bundle },
                el('span', { class: 'slds-utility-bar__text' }, item.label),
            );
            button.addEventListener('click', () => this.toggleUtility(index, item));
            list.append(el('li', { class: 'slds-utility-bar__item' }, button));
            if (item.eager) this.utilityPanel(index, item).hidden = true;
        });
        bar.append(list);
        return bar;
    }

    private utilityPanel(index: number, item: ShellUtilityItem): HTMLElement {
        let panel = this.utilityPanels.get(index);
        if (panel) return panel;
        panel = el(
            'section',
            {
                class: 'slds-utility-panel slds-grid slds-grid_vertical slds-is-open host-utility-panel',
                role: 'dialog',
                'data-utility-panel': item.component.bundle,
                style: `width:${item.width}px;height:${item.height}px`,
            },
            el(
                'div',
                { class: 'slds-utility-panel__header slds-grid slds-shrink-none' },
                el('h2', { class: 'slds-text-heading_small' }, item.label),
            ),
        );
        const body = el('div', { class: 'slds-utility-panel__body slds-p-around_x-small' });
        body.append(this.mount(item.component, {}));
        panel.append(body);
        document.body.append(panel);
        this.utilityPanels.set(index, panel);
        return panel;
    }

    private toggleUtility(index: number, item: ShellUtilityItem): void {
        const panel = this.utilityPanel(index, item);
        const open = panel.hidden;
        for (const p of this.utilityPanels.values()) p.hidden = true;
        panel.hidden = !open;
    }

    /** A toast as Lightning shows it: success / info / warning / error, gone after a while unless sticky. */
    toast(detail: ToastDetail): void {
        const variant = detail.variant ?? 'info';
        const node = el(
            'div',
            { class: `slds-notify slds-notify_toast slds-theme_${variant}`, role: 'status', 'data-variant': variant },
            el(
                'div',
                { class: 'slds-notify__content' },
                el('h2', { class: 'slds-text-heading_small' }, detail.title ?? ''),
                el('p', {}, formatToast(detail)),
            ),
        );
        // As lightning/platformShowToastEvent documents the modes: dismissible closes by its button or after 3 s,
        // pester has no button and goes after 3 s, sticky stays until closed.
        if (detail.mode !== 'pester') {
            const close = el('button', { class: 'slds-button slds-notify__close', title: 'Close' }, '×');
            close.addEventListener('click', () => node.remove());
            node.append(close);
        }
        this.toasts.append(node);
        if (detail.mode !== 'sticky') setTimeout(() => node.remove(), 3000);
    }
}

/** `{0}` placeholders of a toast message filled from messageData (labels or `{url, label}` links as text). */
function formatToast(detail: ToastDetail): string {
    const data = detail.messageData ?? [];
    return (detail.message ?? '').replace(/\{(\d+)\}/g, (m, i: string) => {
        const value = data[Number(i)];
        if (value === undefined) return m;
        if (typeof value === 'object' && value !== null && 'label' in value) return String(value.label);
        return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
    });
}

export function startShell(model: ShellModel, components: Record<string, ComponentClass>): void {
    const root = document.getElementById('host-root');
    if (!root) throw new Error('the host page has no #host-root');
    new Shell(model, components).start(root);
}
