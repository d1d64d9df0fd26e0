/**
 * What the server tells the page to show (built into the bundle): the app, its tabs with their FlexiPages'
 * components, the utility bar, record pages by object. Shared by the host's server side and the page.
 */

export type PropertyValue = string | number | boolean;

export interface ShellComponent {
    /** Bundle name (`executeScreen`). */
    bundle: string;
    /** The custom element's tag (`c-execute-screen`). */
    tag: string;
    properties: Record<string, PropertyValue>;
    /** Why it cannot be shown (a component of another namespace, a missing bundle); shown on the page. */
    error?: string;
}

export interface ShellPage {
    name: string;
    label: string;
    components: ShellComponent[];
}

export interface ShellTab {
    name: string;
    label: string;
    page: ShellPage | null;
    /** Why the tab has no page (not a FlexiPage tab, page not found). */
    error?: string;
}

export interface ShellUtilityItem {
    label: string;
    icon: string;
    width: number;
    height: number;
    eager: boolean;
    component: ShellComponent;
}

export interface ShellModel {
    app: { name: string; label: string };
    tabs: ShellTab[];
    utilityItems: ShellUtilityItem[];
    /** Record pages by lower-cased object name. */
    recordPages: Record<string, ShellPage>;
    /** Named credentials with a target org behind the REST face (for the host's settings page). */
    targets: string[];
}

/** The component's tag: `c-` and the bundle name in kebab case. */
export function tagOf(bundle: string): string {
    return 'c-' + bundle.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}
