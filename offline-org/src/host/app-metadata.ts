/**
 * What the host shows, read from a project's metadata: the Lightning apps (`applications/*.app-meta.xml`: tabs and
 * utility bar), their tabs (`tabs/*.tab-meta.xml` with a `<flexiPage>`), the FlexiPages
 * (`flexipages/*.flexipage-meta.xml`: the components of each region with their properties), the custom labels
 * (`labels/*.labels-meta.xml`, names as written) and the Lightning web component bundles (`lwc/<bundle>/`).
 *
 * Nothing here knows a particular package: it reads any SFDX project's package directories.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { MetadataError } from '../data/errors.js';
import { child, childText, childrenNamed, parseXml } from '../data/schema/xml.js';
import type { XmlElement } from '../data/schema/xml.js';

/** One component placed on a FlexiPage. */
export interface PageComponent {
    /** The bundle name without namespace (`executeScreen`), or the full name when not in the `c` namespace. */
    bundle: string;
    /** The namespace as written (`c` when none was given). */
    namespace: string;
    /** componentInstanceProperties that are component properties, by name, as text. */
    properties: Record<string, string>;
    /** Utility bar item settings (properties of type `decorator`: label, icon, width, height, ...). */
    decorators: Record<string, string>;
    /** The FlexiPage region holding it. */
    region: string;
}

export interface FlexiPageModel {
    name: string;
    label: string;
    /** AppPage, UtilityBar, RecordPage, HomePage, ... */
    type: string;
    /** RecordPage: the object it is for (sobjectType), else null. */
    sobjectType: string | null;
    components: PageComponent[];
}

export interface TabModel {
    name: string;
    label: string;
    /** The FlexiPage the tab shows, or null for a tab of another kind (object tab, Visualforce, web tab). */
    flexiPage: string | null;
    /** The tab's motif or icon, as written (may be empty). */
    icon: string;
}

export interface AppModel {
    name: string;
    label: string;
    tabs: TabModel[];
    /** The utility bar's FlexiPage name, or null. */
    utilityBar: string | null;
}

export interface ProjectUi {
    apps: AppModel[];
    flexiPages: Map<string, FlexiPageModel>;
    /** Custom labels by their full name as written (`Resync_Title`). */
    labels: Map<string, string>;
    /** Lightning web component bundles by name: the bundle folder. */
    bundles: Map<string, string>;
    /** Per bundle, the types of the design properties its js-meta.xml declares (`Boolean`, `Integer`, `String`). */
    propertyTypes: Map<string, Record<string, string>>;
    /** Files read, for messages. */
    files: string[];
}

const SKIP = new Set(['node_modules', '.git', '.sfdx', '.sf', 'dist', '__tests__']);

/** Every folder named `name` below the directories (not descending into one found). */
function foldersNamed(dirs: string[], name: string): string[] {
    const found: string[] = [];
    const walk = (dir: string): void => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            if (!entry.isDirectory() || SKIP.has(entry.name)) continue;
            const path = join(dir, entry.name);
            if (entry.name === name) found.push(path);
            else walk(path);
        }
    };
    for (const d of dirs) {
        if (!existsSync(d) || !statSync(d).isDirectory())
            throw new MetadataError(d, 'package directory does not exist');
        walk(d);
    }
    return found;
}

function filesIn(dirs: string[], folder: string, suffix: string): string[] {
    return foldersNamed(dirs, folder).flatMap((dir) =>
        readdirSync(dir)
            .filter((f) => f.endsWith(suffix))
            .sort()
            .map((f) => join(dir, f)),
    );
}

function readRoot(file: string, expected: string): XmlElement {
    const root = parseXml(readFileSync(file, 'utf8'), file);
    if (root.name !== expected) throw new MetadataError(file, `expected <${expected}>, found <${root.name}>`);
    return root;
}

/** `c:bundle`, `bundle` or `ns:bundle` → namespace and bundle. */
export function splitComponentName(name: string): { namespace: string; bundle: string } {
    const colon = name.indexOf(':');
    if (colon < 0) return { namespace: 'c', bundle: name };
    return { namespace: name.slice(0, colon), bundle: name.slice(colon + 1) };
}

function componentOf(el: XmlElement, region: string, file: string): PageComponent {
    const name = childText(el, 'componentName');
    if (!name) throw new MetadataError(file, 'a componentInstance has no componentName');
    const { namespace, bundle } = splitComponentName(name);
    const properties: Record<string, string> = {};
    const decorators: Record<string, string> = {};
    for (const p of childrenNamed(el, 'componentInstanceProperties')) {
        const key = childText(p, 'name');
        if (!key) continue;
        const value = childText(p, 'value') ?? '';
        if (childText(p, 'type') === 'decorator') decorators[key] = value;
        else properties[key] = value;
    }
    return { bundle, namespace, properties, decorators, region };
}

export function readFlexiPage(file: string): FlexiPageModel {
    const root = readRoot(file, 'FlexiPage');
    const components: PageComponent[] = [];
    for (const region of childrenNamed(root, 'flexiPageRegions')) {
        const regionName = childText(region, 'name') ?? '';
        // Current format: <itemInstances><componentInstance>; older files: <componentInstances> in the region.
        for (const item of childrenNamed(region, 'itemInstances')) {
            const c = child(item, 'componentInstance');
            if (c) components.push(componentOf(c, regionName, file));
        }
        for (const c of childrenNamed(region, 'componentInstances')) components.push(componentOf(c, regionName, file));
    }
    const name = basename(file, '.flexipage-meta.xml');
    return {
        name,
        label: childText(root, 'masterLabel') ?? name,
        type: childText(root, 'type') ?? '',
        sobjectType: childText(root, 'sobjectType') ?? null,
        components,
    };
}

export function readTab(file: string): TabModel {
    const root = readRoot(file, 'CustomTab');
    const name = basename(file, '.tab-meta.xml');
    return {
        name,
        label: childText(root, 'label') ?? name,
        flexiPage: childText(root, 'flexiPage') ?? null,
        icon: childText(root, 'motif') ?? '',
    };
}

export function readApp(file: string, tabs: Map<string, TabModel>): AppModel {
    const root = readRoot(file, 'CustomApplication');
    const name = basename(file, '.app-meta.xml');
    return {
        name,
        label: childText(root, 'label') ?? name,
        tabs: childrenNamed(root, 'tabs').map((t) => {
            const tabName = t.text.trim();
            // A standard tab (standard-Account) or one not in the project: shown by name, without a page.
            return tabs.get(tabName) ?? { name: tabName, label: tabName, flexiPage: null, icon: '' };
        }),
        utilityBar: childText(root, 'utilityBar') ?? null,
    };
}

/** Custom labels by full name as written. */
export function readLabelValues(files: string[]): Map<string, string> {
    const labels = new Map<string, string>();
    for (const file of files) {
        const root = readRoot(file, 'CustomLabels');
        for (const l of childrenNamed(root, 'labels')) {
            const name = childText(l, 'fullName');
            if (name) labels.set(name, childText(l, 'value') ?? '');
        }
    }
    return labels;
}

/** Reads what the host needs from the package directories. */
export function readProjectUi(dirs: string[]): ProjectUi {
    const files: string[] = [];
    const tabs = new Map<string, TabModel>();
    for (const f of filesIn(dirs, 'tabs', '.tab-meta.xml')) {
        files.push(f);
        const tab = readTab(f);
        tabs.set(tab.name, tab);
    }
    const flexiPages = new Map<string, FlexiPageModel>();
    for (const f of filesIn(dirs, 'flexipages', '.flexipage-meta.xml')) {
        files.push(f);
        const page = readFlexiPage(f);
        flexiPages.set(page.name, page);
    }
    const apps = filesIn(dirs, 'applications', '.app-meta.xml').map((f) => {
        files.push(f);
        return readApp(f, tabs);
    });
    const labelFiles = filesIn(dirs, 'labels', '.labels-meta.xml');
    files.push(...labelFiles);
    const bundles = new Map<string, string>();
    const propertyTypes = new Map<string, Record<string, string>>();
    for (const lwcDir of foldersNamed(dirs, 'lwc')) {
        for (const entry of readdirSync(lwcDir, { withFileTypes: true })) {
            if (!entry.isDirectory() || SKIP.has(entry.name)) continue;
            const folder = join(lwcDir, entry.name);
            bundles.set(entry.name, folder);
            const meta = join(folder, `${entry.name}.js-meta.xml`);
            if (existsSync(meta)) propertyTypes.set(entry.name, readPropertyTypes(meta));
        }
    }
    return { apps, flexiPages, labels: readLabelValues(labelFiles), bundles, propertyTypes, files };
}

/** The `<property name type>` declarations of a bundle's js-meta.xml, in every targetConfig. */
export function readPropertyTypes(file: string): Record<string, string> {
    const root = readRoot(file, 'LightningComponentBundle');
    const types: Record<string, string> = {};
    const targetConfigs = child(root, 'targetConfigs');
    for (const config of targetConfigs ? childrenNamed(targetConfigs, 'targetConfig') : []) {
        for (const p of childrenNamed(config, 'property')) {
            const name = p.attributes['name'];
            if (name) types[name] = p.attributes['type'] ?? 'String';
        }
    }
    return types;
}

/** A FlexiPage property's text as the component receives it: typed by the bundle's design property. */
export function propertyValue(type: string | undefined, text: string): string | number | boolean {
    if (type === 'Boolean') return text === 'true';
    if (type === 'Integer') return Number.parseInt(text, 10);
    return text;
}

/** Problems that make an app impossible to show as its metadata says (a tab's page or a component missing). */
export function checkApp(ui: ProjectUi, app: AppModel): string[] {
    const problems: string[] = [];
    const pages = app.tabs.flatMap((t) => (t.flexiPage ? [t.flexiPage] : []));
    if (app.utilityBar) pages.push(app.utilityBar);
    for (const name of pages) {
        const page = ui.flexiPages.get(name);
        if (!page) {
            problems.push(`app ${app.name}: FlexiPage ${name} not found in flexipages/`);
            continue;
        }
        for (const c of page.components) {
            if (c.namespace !== 'c') continue;
            if (!ui.bundles.has(c.bundle))
                problems.push(`FlexiPage ${name}: component c:${c.bundle} has no bundle in lwc/`);
        }
    }
    return problems;
}
