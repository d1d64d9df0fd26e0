/**
 * Builds the page bundle with LWC OSS: the project's components (the `.js` of each bundle: TypeScript components
 * must be compiled first), lightning-base-components from npm, and the host's stand-ins for the platform modules:
 *
 * - `@salesforce/apex/Class.method` → a call through the host's Apex bridge (client/apex.ts), `@wire`-able;
 * - `@salesforce/apex` → refreshApex, getSObjectValue;
 * - `@salesforce/label/c.Name` → the label's value from `labels/` (an unknown label fails the build);
 * - `@salesforce/user/Id` → the running user's Id;
 * - `lightning/empApi`, `lightning/platformShowToastEvent`, `lightning/navigation` → client/*.ts;
 * - `@salesforce/gate/*` → closed gates (client/gate.ts).
 *
 * Any other `@salesforce/*` or `lightning/*` module that lightning-base-components does not provide fails the build
 * naming the module and its importer: an unsupported import is never answered with a silent stub.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { rollup } from 'rollup';
import type { Plugin } from 'rollup';
import * as lwcModule from '@lwc/rollup-plugin';
import type { RollupLwcOptions } from '@lwc/rollup-plugin';
import ts from 'typescript';
import type { AppModel, PageComponent, ProjectUi } from './app-metadata.js';
import { checkApp, propertyValue } from './app-metadata.js';
import type { ShellComponent, ShellModel, ShellPage } from './client/model.js';
import { tagOf } from './client/model.js';

/** The folder of the page's own TypeScript (client/), whether this file runs from src/ (tsx) or from dist/. */
export function clientDir(): string {
    const here = import.meta.dirname;
    const fromSrc = join(here, 'client');
    if (existsSync(join(fromSrc, 'shell.ts'))) return fromSrc;
    // dist/src/host → src/host/client
    const fromDist = resolve(here, '..', '..', '..', 'src', 'host', 'client');
    if (existsSync(join(fromDist, 'shell.ts'))) return fromDist;
    throw new Error(`the host's page sources (client/shell.ts) were not found from ${here}`);
}

function shellComponent(ui: ProjectUi, c: PageComponent): ShellComponent {
    const types = ui.propertyTypes.get(c.bundle) ?? {};
    const properties: ShellComponent['properties'] = {};
    for (const [k, v] of Object.entries(c.properties)) properties[k] = propertyValue(types[k], v);
    const component: ShellComponent = { bundle: c.bundle, tag: tagOf(c.bundle), properties };
    if (c.namespace !== 'c') {
        component.error = `component ${c.namespace}:${c.bundle} is a standard component, not available offline`;
    } else if (!ui.bundles.has(c.bundle)) {
        component.error = `component c:${c.bundle} has no bundle in lwc/`;
    }
    return component;
}

function shellPage(ui: ProjectUi, name: string): ShellPage | null {
    const page = ui.flexiPages.get(name);
    if (!page) return null;
    return { name: page.name, label: page.label, components: page.components.map((c) => shellComponent(ui, c)) };
}

/** The page model of one app: its tabs, utility bar and the project's record pages. */
export function shellModel(ui: ProjectUi, app: AppModel, targets: string[]): ShellModel {
    const utility = app.utilityBar ? ui.flexiPages.get(app.utilityBar) : undefined;
    const recordPages: ShellModel['recordPages'] = {};
    for (const page of ui.flexiPages.values()) {
        if (page.type === 'RecordPage' && page.sobjectType) {
            const model = shellPage(ui, page.name);
            if (model) recordPages[page.sobjectType.toLowerCase()] = model;
        }
    }
    return {
        app: { name: app.name, label: app.label },
        tabs: app.tabs.map((t) => {
            if (!t.flexiPage) return { name: t.name, label: t.label, page: null, error: 'not a FlexiPage tab' };
            const page = shellPage(ui, t.flexiPage);
            return page
                ? { name: t.name, label: t.label, page }
                : { name: t.name, label: t.label, page: null, error: `FlexiPage ${t.flexiPage} not found` };
        }),
        utilityItems: (utility?.components ?? []).map((c) => ({
            label: c.decorators['label'] ?? c.bundle,
            icon: c.decorators['icon'] ?? '',
            width: Number(c.decorators['width'] ?? 340) || 340,
            height: Number(c.decorators['height'] ?? 480) || 480,
            eager: c.decorators['eager'] === 'true',
            component: shellComponent(ui, c),
        })),
        recordPages,
        targets,
    };
}

/** Bundles the model's components need. */
function usedBundles(model: ShellModel): string[] {
    const names = new Set<string>();
    const add = (c: ShellComponent): void => {
        if (!c.error) names.add(c.bundle);
    };
    for (const t of model.tabs) t.page?.components.forEach(add);
    for (const u of model.utilityItems) add(u.component);
    for (const p of Object.values(model.recordPages)) p.components.forEach(add);
    return [...names].sort();
}

export interface BuildOptions {
    ui: ProjectUi;
    app: AppModel;
    targets: string[];
    userId: string;
    outDir: string;
    /** LWC's development mode (more checks, readable errors) or production. */
    mode?: 'development' | 'production';
}

export interface BuildResult {
    file: string;
    model: ShellModel;
    ms: number;
    warnings: string[];
    /** Problems found in the app's metadata (shown on the page too). */
    problems: string[];
    /** Whether the bundle of an earlier build was reused. */
    cached: boolean;
}

// A CommonJS package: its function is the namespace's default.
const lwc = (lwcModule as unknown as { default: (options: RollupLwcOptions) => Plugin }).default;

const ENTRY = '\0host-entry';
const APEX_PREFIX = '\0apex-method:';
const LABEL_PREFIX = '\0label:';
const USER_ID = '\0user-id';

function hostPlugin(options: BuildOptions, model: ShellModel, client: string): Plugin {
    const file = (name: string): string => join(client, name);
    const standIns: Record<string, string> = {
        '@salesforce/apex': file('apex.ts'),
        'lightning/empApi': file('emp-api.ts'),
        'lightning/platformShowToastEvent': file('toast-event.ts'),
        'lightning/navigation': file('navigation.ts'),
    };
    const bundles = usedBundles(model);
    return {
        name: 'offline-org-host',
        resolveId(source, importer) {
            if (source === ENTRY) return ENTRY;
            if (source in standIns) return standIns[source];
            if (source.startsWith('@salesforce/apex/')) return APEX_PREFIX + source.slice('@salesforce/apex/'.length);
            if (source.startsWith('@salesforce/label/c.')) {
                const name = source.slice('@salesforce/label/c.'.length);
                if (!options.ui.labels.has(name)) {
                    this.error(`${source} (imported by ${importer ?? '?'}): no custom label ${name} in labels/`);
                }
                return LABEL_PREFIX + name;
            }
            if (source.startsWith('@salesforce/gate/')) return file('gate.ts');
            if (source === '@salesforce/user/Id') return USER_ID;
            if (source.endsWith('.js') && importer?.startsWith(client)) {
                const ts = resolve(dirname(importer), source.replace(/\.js$/, '.ts'));
                if (existsSync(ts)) return ts;
            }
            return null;
        },
        load(id) {
            if (id === ENTRY) {
                const imports = bundles.map((b, i) => `import C${i} from 'c/${b}';`).join('\n');
                const map = bundles.map((b, i) => `${JSON.stringify(b)}: C${i}`).join(', ');
                return [
                    `import '@lwc/synthetic-shadow';`,
                    `import { startShell } from ${JSON.stringify(file('shell.ts'))};`,
                    imports,
                    `startShell(${JSON.stringify(model)}, { ${map} });`,
                ].join('\n');
            }
            if (id.startsWith(APEX_PREFIX)) {
                const [classname, method] = id.slice(APEX_PREFIX.length).split('.');
                if (!classname || !method)
                    this.error(`@salesforce/apex/${id.slice(APEX_PREFIX.length)}: not Class.method`);
                return `import { apexMethod } from ${JSON.stringify(file('apex.ts'))};\nexport default apexMethod(${JSON.stringify(classname)}, ${JSON.stringify(method)});`;
            }
            if (id.startsWith(LABEL_PREFIX)) {
                return `export default ${JSON.stringify(options.ui.labels.get(id.slice(LABEL_PREFIX.length)) ?? '')};`;
            }
            if (id === USER_ID) return `export default ${JSON.stringify(options.userId)};`;
            if (id.startsWith(client) && id.endsWith('.ts')) {
                const source = ts.sys.readFile(id) ?? '';
                const out = ts.transpileModule(source, {
                    fileName: id,
                    compilerOptions: {
                        target: ts.ScriptTarget.ES2022,
                        module: ts.ModuleKind.ES2022,
                        verbatimModuleSyntax: true,
                        sourceMap: true,
                    },
                });
                return { code: out.outputText.replace(/\/\/# sourceMappingURL=.*$/m, ''), map: out.sourceMapText };
            }
            return null;
        },
        transform(code) {
            if (!code.includes('import.meta.env') && !code.includes('process.env.NODE_ENV')) return null;
            const mode = JSON.stringify(options.mode ?? 'development');
            return {
                code: code
                    .replace(/import\.meta\.env\.SSR/g, 'false')
                    .replace(/import\.meta\.env\.MODE/g, mode)
                    .replace(/process\.env\.NODE_ENV/g, mode),
                map: null,
            };
        },
    };
}

/** Every file below the folders, by content, for the build's cache key. */
function fingerprint(hash: ReturnType<typeof createHash>, dir: string): void {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.name === '__tests__' || entry.name === 'node_modules') continue;
        const path = join(dir, entry.name);
        if (entry.isDirectory()) fingerprint(hash, path);
        else if (statSync(path).isFile()) {
            // Contents, not times: `npm run build:lwc` rewrites every .js even when nothing changed.
            hash.update(path);
            hash.update(readFileSync(path));
        }
    }
}

/** What the bundle depends on: the components, the labels, the page model, the host's page code, the packages. */
function cacheKey(options: BuildOptions, model: ShellModel, client: string): string {
    const hash = createHash('sha256');
    hash.update(JSON.stringify({ model, mode: options.mode, userId: options.userId }));
    hash.update(JSON.stringify([...options.ui.labels]));
    for (const folder of options.ui.bundles.values()) fingerprint(hash, folder);
    fingerprint(hash, client);
    const nodeModules = dirname(
        dirname(createRequire(import.meta.url).resolve('lightning-base-components/package.json')),
    );
    for (const pkg of ['lightning-base-components', 'lwc', '@lwc/engine-dom', '@lwc/rollup-plugin']) {
        const file = join(nodeModules, pkg, 'package.json');
        if (existsSync(file)) hash.update(readFileSync(file));
    }
    hash.update(readFileSync(import.meta.filename));
    return hash.digest('hex');
}

/**
 * Builds `<outDir>/app.js` for one app of the project; reuses the bundle already there when nothing it depends on
 * changed (`<outDir>/build-key.txt`).
 */
export async function buildHostBundle(options: BuildOptions): Promise<BuildResult> {
    const started = Date.now();
    const client = clientDir();
    const model = shellModel(options.ui, options.app, options.targets);
    const key = cacheKey(options, model, client);
    const keyFile = join(options.outDir, 'build-key.txt');
    const problems = checkApp(options.ui, options.app);
    if (existsSync(keyFile) && existsSync(join(options.outDir, 'app.js')) && readFileSync(keyFile, 'utf8') === key) {
        return {
            file: join(options.outDir, 'app.js'),
            model,
            ms: Date.now() - started,
            warnings: [],
            problems,
            cached: true,
        };
    }
    const warnings: string[] = [];
    const bundles = usedBundles(model);
    const aliases = [...options.ui.bundles.entries()].flatMap(([name, folder]) => {
        const js = join(folder, `${name}.js`);
        return existsSync(js) ? [{ name: `c/${name}`, path: js }] : [];
    });
    for (const b of bundles) {
        if (!aliases.some((a) => a.name === `c/${b}`)) {
            throw new Error(
                `component c:${b} has no ${b}.js in ${options.ui.bundles.get(b) ?? 'lwc/'} (compile the TypeScript components first)`,
            );
        }
    }
    mkdirSync(options.outDir, { recursive: true });
    const lbc = createRequire(import.meta.url).resolve('lightning-base-components/package.json');
    const bundle = await rollup({
        input: ENTRY,
        plugins: [
            hostPlugin(options, model, client),
            lwc({
                rootDir: options.outDir,
                modules: [...aliases, { npm: 'lightning-base-components' }],
                enableDynamicComponents: true,
                exclude: [`${client}/**`],
            }),
        ],
        onwarn: (warning) => {
            // lightning-base-components' own warnings (duplicate slots, circular imports) are not the project's.
            const lbcDir = dirname(lbc);
            if (warning.ids?.some((id) => id.includes(lbcDir)) || warning.id?.includes(lbcDir)) return;
            if (warning.message.includes('node_modules/lightning-base-components')) return;
            warnings.push(warning.message);
        },
    });
    const file = join(options.outDir, 'app.js');
    await bundle.write({ file, format: 'es', sourcemap: true, inlineDynamicImports: true });
    await bundle.close();
    writeFileSync(join(options.outDir, 'model.json'), JSON.stringify(model, null, 2));
    writeFileSync(keyFile, key);
    return { file, model, ms: Date.now() - started, warnings, problems, cached: false };
}
