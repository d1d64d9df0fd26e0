/**
 * Benchmark (prints figures; not a timed test): the heap of an Execute preview of 50 objects, one of them an Account
 * whose target describe is the size of a real org's (State and Country picklists, a few hundred fields), in one
 * synchronous transaction of 6 MB. The objects are written as metadata into a temporary package directory that the
 * offline org loads next to force-app, so source and target both have them.
 *
 * Heap figures are the offline org's estimate (offline-org/src/apex/runtime/heap.ts), the peak taken every few
 * method returns: they say how the figures compare, not what the platform would print to the byte.
 *
 * Usage: node --import tsx scripts/bench/describe-heap.ts [--objects=50] [--states=10000]
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { attachTargetOrg, openOrg, packageDirectories } from '../../offline-org/src/index.js';
import { apex, option } from './bench-helpers.js';
import { repoRoot } from '../lib/project.js';

const ACCOUNT_TEXT_FIELDS = 250;
const FIELDS_PER_OBJECT = 120;
const COUNTRIES = 250;

function xml(body: string): string {
    return `<?xml version="1.0" encoding="UTF-8" ?>\n${body}\n`;
}

function textField(name: string): string {
    return xml(`<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>${name}</fullName>
    <label>${name.replace(/__c$/, '').replace(/_/g, ' ')}</label>
    <length>255</length>
    <type>Text</type>
</CustomField>`);
}

/** A picklist of `count` values labelled like a real state or country list (a name and a code). */
function picklistField(name: string, prefix: string, count: number): string {
    const values: string[] = [];
    for (let i = 0; i < count; i++) {
        values.push(`            <value>
                <fullName>${prefix}${i}</fullName>
                <default>false</default>
                <label>${prefix} Region Number ${i} of the Benchmark Territory</label>
            </value>`);
    }
    return xml(`<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>${name}</fullName>
    <label>${name.replace(/__c$/, '')}</label>
    <type>Picklist</type>
    <valueSet>
        <restricted>true</restricted>
        <valueSetDefinition>
            <sorted>false</sorted>
${values.join('\n')}
        </valueSetDefinition>
    </valueSet>
</CustomField>`);
}

function customObject(label: string): string {
    return xml(`<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">
    <deploymentStatus>Deployed</deploymentStatus>
    <label>${label}</label>
    <nameField>
        <label>${label} Name</label>
        <type>Text</type>
    </nameField>
    <pluralLabel>${label}s</pluralLabel>
    <sharingModel>ReadWrite</sharingModel>
</CustomObject>`);
}

/** Writes Account's extra fields and `objects - 1` custom objects; returns the custom objects' names. */
function writeMetadata(dir: string, objects: number, states: number): string[] {
    const accountFields = join(dir, 'objects', 'Account', 'fields');
    mkdirSync(accountFields, { recursive: true });
    for (const address of ['Billing', 'Shipping']) {
        writeFileSync(
            join(accountFields, `${address}StateList__c.field-meta.xml`),
            picklistField(`${address}StateList__c`, 'ST', states),
        );
        writeFileSync(
            join(accountFields, `${address}CountryList__c.field-meta.xml`),
            picklistField(`${address}CountryList__c`, 'CO', COUNTRIES),
        );
    }
    for (let i = 0; i < ACCOUNT_TEXT_FIELDS; i++) {
        const name = `Bench_Text_${i}__c`;
        writeFileSync(join(accountFields, `${name}.field-meta.xml`), textField(name));
    }
    const names: string[] = [];
    for (let o = 1; o < objects; o++) {
        const name = `BenchObject${String(o).padStart(2, '0')}__c`;
        names.push(name);
        const folder = join(dir, 'objects', name);
        mkdirSync(join(folder, 'fields'), { recursive: true });
        writeFileSync(join(folder, `${name}.object-meta.xml`), customObject(`Bench Object ${o}`));
        for (let f = 0; f < FIELDS_PER_OBJECT; f++) {
            const field = `Field_${f}__c`;
            writeFileSync(join(folder, 'fields', `${field}.field-meta.xml`), textField(field));
        }
    }
    return names;
}

function main(): void {
    const objects = option('objects', 50, 2);
    const states = option('states', 10000, 2);
    const dir = mkdtempSync(join(tmpdir(), 'resync-describe-heap-'));
    try {
        const custom = writeMetadata(join(dir, 'main', 'default'), objects, states);
        const loadStart = performance.now();
        const org = openOrg([...packageDirectories(repoRoot), dir], { heapSampleEvery: 25 });
        const target = attachTargetOrg(org, 'Resync_Target');
        console.log(
            `describe heap: ${objects} objects (Account with ${states} states x2, ${COUNTRIES} countries x2 and ` +
                `${ACCOUNT_TEXT_FIELDS} more fields; ${custom.length} custom objects of ${FIELDS_PER_OBJECT} fields); ` +
                `org loaded in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`,
        );
        const settings = ['Account', ...custom]
            .map(
                (name) =>
                    `new ObjectSetting__c(Target__c = target.Id, ObjectApiName__c = '${name}', Enabled__c = true, ` +
                    `InsertAllowed__c = true, UpdateAllowed__c = true, MatchingMode__c = 'RecordLinks')`,
            )
            .join(',\n    ');
        apex(
            org,
            `SyncTarget__c target = new SyncTarget__c(Name = 'Bench', NamedCredential__c = 'Resync_Target',
    ApiVersion__c = '66.0', Active__c = true);
insert target;
insert new List<ObjectSetting__c>{
    ${settings}
};`,
        );

        const [size, whole, kept] = apex(
            org,
            `HttpRequest request = new HttpRequest();
request.setMethod('GET');
request.setEndpoint('callout:Resync_Target/services/data/v66.0/sobjects/Account/describe');
String body = new Http().send(request).getBody();
request = null;
System.debug(body.length());
Integer before = Limits.getHeapSize();
Map<String, Object> whole = (Map<String, Object>) JSON.deserializeUntyped(body);
System.debug(Limits.getHeapSize() - before);
whole = null;
before = Limits.getHeapSize();
List<FieldInfo> kept = FieldInfo.fromRestDescribe(body);
System.debug(Limits.getHeapSize() - before);`,
        );
        const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(2)} MB`;
        console.log(`  Account describe answer: ${mb(Number(size))}`);
        console.log(`  held by parsing it whole (JSON.deserializeUntyped), besides the answer: ${mb(Number(whole))}`);
        console.log(
            `  held by what planning keeps (FieldInfo.fromRestDescribe), besides the answer: ${mb(Number(kept))}`,
        );

        const callsBefore = target.endpoint.log.length;
        const started = performance.now();
        const [previewed, canStart] = apex(
            org,
            `ExecuteController.PlanPreview preview = ExecuteController.previewPlan(
    [SELECT Id FROM SyncTarget__c LIMIT 1].Id, null);
System.debug(preview.objects.size());
System.debug(preview.canStart);`,
        );
        const peak = org.rt.tx.limits.peakHeap;
        console.log(
            `  previewPlan: ${previewed} objects previewed (can start: ${canStart}) in ` +
                `${((performance.now() - started) / 1000).toFixed(1)} s; peak heap ${mb(peak)} of ` +
                `${mb(org.rt.tx.limits.max.heapSize)} (${Math.round((100 * peak) / org.rt.tx.limits.max.heapSize)}%); ` +
                `${target.endpoint.log.length - callsBefore} target API calls`,
        );
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

main();
