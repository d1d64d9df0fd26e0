/**
 * An offline org: a project's Apex loaded into a Runtime whose platform is the data layer's store, with the
 * transaction boundaries of `apex run` (commit, or roll back on an unhandled exception) and of test methods (each
 * method's data rolled back, @TestSetup data recreated for every method).
 */
import { OrgStore, loadSchema } from '../data/index.js';
import type { ObjectDescribe, SchemaProvider } from '../data/index.js';
import type { Runtime, RuntimeOptions } from '../apex/interpreter/runtime.js';
import { loadProject } from '../testing/project.js';
import type { TestHooks } from '../testing/test-runner.js';
import { OrgPlatform } from './org-platform.js';
import { loadEndpoints } from './org-http.js';
import { AGGREGATE_RESULT } from './records.js';
import { SkippingClock } from '../async/clock.js';
import type { EndpointTable, NamedCredential } from '../http/named-credentials.js';

export interface OfflineOrg {
    rt: Runtime;
    store: OrgStore;
    platform: OrgPlatform;
    /** The org's one clock: Apex's System.now(), the store's timestamps and the async scheduler read it. */
    clock: SkippingClock;
}

const aggregateResult: ObjectDescribe = {
    name: AGGREGATE_RESULT,
    label: AGGREGATE_RESULT,
    labelPlural: AGGREGATE_RESULT,
    keyPrefix: '',
    custom: false,
    customSetting: false,
    customMetadata: false,
    platformEvent: false,
    createable: false,
    updateable: false,
    deletable: false,
    queryable: false,
    undeletable: false,
    fields: new Map(),
    childRelationships: [],
};

/** The schema as the interpreter sees it: the data layer's objects plus the AggregateResult type of SOQL. */
export function interpreterSchema(schema: SchemaProvider): SchemaProvider {
    return {
        getObject: (name) => (name.toLowerCase() === 'aggregateresult' ? aggregateResult : schema.getObject(name)),
        objectNames: () => schema.objectNames(),
        objectByKeyPrefix: (prefix) => schema.objectByKeyPrefix(prefix),
    };
}

/**
 * Loads the project's schema and Apex and connects the interpreter to a fresh store. Apex, the store and the async
 * scheduler share one clock: real time plus whatever the scheduler skipped to reach a delayed job (`clock.skips`).
 */
export function openOrg(dirs: string[], options: RuntimeOptions = {}, file?: string): OfflineOrg {
    const clock = new SkippingClock();
    const schema = loadSchema(dirs);
    const rt = loadProject(dirs, { clock: () => clock.now(), ...options, schema: interpreterSchema(schema) });
    const store = new OrgStore(schema, { timeZone: rt.orgTimeZone, file, clock: () => new Date(clock.now()) });
    const endpoints = loadEndpoints(dirs);
    const platform = new OrgPlatform(rt, store, endpoints, clock);
    rt.platform = platform;
    mirrorNamedCredentials(store, endpoints);
    recordApexClasses(rt, store);
    return { rt, store, platform, clock };
}

/**
 * An ApexClass row per class of the project (Name, Body, ApiVersion, Status, IsValid), as an org holds one per
 * deployed class; a row already there (an org reopened from its file) is left as it is.
 */
function recordApexClasses(rt: Runtime, store: OrgStore): void {
    const existing = new Set(
        store
            .query('SELECT Name FROM ApexClass', {}, { mode: 'system' })
            .rows.map((r) => (typeof r.Name === 'string' ? r.Name.toLowerCase() : '')),
    );
    const rows = [];
    for (const [file, cls] of rt.files) {
        if (existing.has(cls.name.toLowerCase())) continue;
        const source = rt.sources.get(file) ?? null;
        rows.push({
            Name: cls.name,
            Body: source,
            ApiVersion: cls.apiVersion,
            Status: 'Active',
            IsValid: true,
            LengthWithoutComments: source === null ? null : source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '').length,
        });
    }
    if (rows.length > 0) store.systemInsert('ApexClass', rows);
}

/**
 * Keeps the NamedCredential setup object answering what the endpoint table knows: a row per named credential
 * (`SELECT Id FROM NamedCredential WHERE DeveloperName = ...` finds it), now and whenever one is added.
 */
function mirrorNamedCredentials(store: OrgStore, endpoints: EndpointTable): void {
    const add = (c: NamedCredential): void => {
        const known = store.query(`SELECT Id FROM NamedCredential WHERE DeveloperName = '${c.name.replace(/'/g, '')}'`);
        if (known.totalSize > 0) return;
        store.systemInsert('NamedCredential', [{ DeveloperName: c.name, MasterLabel: c.name, Endpoint: c.url }]);
    };
    endpoints.namedCredentials().forEach(add);
    endpoints.onNamedCredential(add);
}

/** Starts an Apex transaction with its own database transaction. */
export function beginOrgTransaction(org: OfflineOrg, opts: { isTest?: boolean; isAsync?: boolean } = {}): void {
    org.rt.beginTransaction(opts);
    if (!org.store.inTransaction) org.store.begin();
    org.platform.async.begin(opts.isTest ?? false);
}

/** Ends it: commit, or roll everything back (an unhandled exception). */
export function endOrgTransaction(org: OfflineOrg, commit: boolean): void {
    if (org.store.inTransaction) {
        if (commit) org.store.commit();
        else org.store.rollback();
    }
    org.platform.async.end(commit);
}

/** Test methods: each starts from the org as loaded and leaves nothing behind. */
export function orgTestHooks(org: OfflineOrg): TestHooks {
    return {
        beforeMethod: () => {
            org.platform.userId = org.store.defaultUserId;
            if (!org.store.inTransaction) org.store.begin();
            org.platform.async.begin(true);
            org.platform.http.mocks.clear();
        },
        afterMethod: () => endOrgTransaction(org, false),
    };
}
