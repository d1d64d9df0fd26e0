/**
 * Builds the Schema of an SFDX project: the built-in standard objects, extended and joined by the project's
 * `objects/` metadata (source format), plus custom metadata records, record types and permission sets.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { MetadataError } from '../errors.js';
import { base62 } from '../ids/ids.js';
import type { FieldDescribe, ObjectDescribe, Row, SharingModel } from '../schema-types.js';
import { readPermissionSet, type PermissionSetDefinition } from '../security/permission-set.js';
import { readCustomField } from './custom-field.js';
import { makeField, makeObject, referenceField, type ObjectOptions } from './field-factory.js';
import { filesEnding, findProjectFolders, packageDirectories } from './project-files.js';
import { Schema, type MetadataRecord } from './schema.js';
import { buildStandardObjects } from './standard-objects.js';
import { childBool, childrenNamed, childText, child, parseXml, type XmlElement } from './xml.js';

interface ObjectSource {
    name: string;
    objectXml?: XmlElement;
    objectFile?: string;
    fields: { el: XmlElement; file: string }[];
    recordTypes: { el: XmlElement; file: string }[];
}

function readXml(file: string): XmlElement {
    return parseXml(readFileSync(file, 'utf8'), file);
}

function collectObjects(objectDirs: string[]): Map<string, ObjectSource> {
    const sources = new Map<string, ObjectSource>();
    for (const dir of objectDirs) {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            if (!entry.isDirectory()) continue;
            const name = entry.name;
            const folder = join(dir, name);
            const src = sources.get(name.toLowerCase()) ?? { name, fields: [], recordTypes: [] };
            sources.set(name.toLowerCase(), src);
            const objectFile = join(folder, `${name}.object-meta.xml`);
            if (existsSync(objectFile)) {
                const el = readXml(objectFile);
                if (el.name !== 'CustomObject')
                    throw new MetadataError(objectFile, `expected <CustomObject>, found <${el.name}>`);
                src.objectXml = el;
                src.objectFile = objectFile;
                for (const inline of childrenNamed(el, 'fields')) src.fields.push({ el: inline, file: objectFile });
            }
            for (const file of filesEnding(join(folder, 'fields'), '.field-meta.xml')) {
                const el = readXml(file);
                if (el.name !== 'CustomField')
                    throw new MetadataError(file, `expected <CustomField>, found <${el.name}>`);
                if (!child(el, 'fullName'))
                    el.children.push({
                        name: 'fullName',
                        attributes: {},
                        children: [],
                        text: basename(file, '.field-meta.xml'),
                    });
                src.fields.push({ el, file });
            }
            for (const file of filesEnding(join(folder, 'recordTypes'), '.recordType-meta.xml')) {
                src.recordTypes.push({ el: readXml(file), file });
            }
        }
    }
    return sources;
}

function customObjectOptions(
    src: ObjectSource,
    file: string,
): { opts: ObjectOptions; nameField: FieldDescribe | undefined; extra: FieldDescribe[] } {
    const el = src.objectXml as XmlElement;
    const name = src.name;
    const label = childText(el, 'label') ?? name;
    const opts: ObjectOptions = { custom: true, label, labelPlural: childText(el, 'pluralLabel') ?? `${label}s` };
    const extra: FieldDescribe[] = [];
    let nameField: FieldDescribe | undefined;
    const nameEl = child(el, 'nameField');
    const makeNameField = (): FieldDescribe | undefined => {
        if (!nameEl) return undefined;
        const auto = childText(nameEl, 'type') === 'AutoNumber';
        return makeField('Name', 'string', {
            label: childText(nameEl, 'label') ?? 'Name',
            length: auto ? 30 : 80,
            nameField: true,
            custom: false,
            autoNumber: auto,
            createable: !auto,
            updateable: !auto,
            defaultedOnCreate: true,
            ...(auto ? { autoNumberFormat: childText(nameEl, 'displayFormat') ?? '{0}' } : {}),
        });
    };
    if (/__mdt$/i.test(name)) {
        opts.customMetadata = true;
        opts.setup = true;
        extra.push(
            makeField('DeveloperName', 'string', { length: 40, nillable: false }),
            makeField('MasterLabel', 'string', { length: 40, nillable: false, nameField: true }),
            makeField('Label', 'string', { length: 40 }),
            makeField('Language', 'picklist', { length: 40 }),
            makeField('NamespacePrefix', 'string', { length: 15 }),
            makeField('QualifiedApiName', 'string', { length: 70 }),
        );
    } else if (/__e$/i.test(name)) {
        opts.platformEvent = true;
        opts.setup = true;
        // Setup's default (and the platform's recommendation) is Publish Immediately; an object file without the
        // element is read the same way (our reading: the Metadata API reference does not state a default).
        const behavior = childText(el, 'publishBehavior') ?? 'PublishImmediately';
        if (behavior !== 'PublishImmediately' && behavior !== 'PublishAfterCommit')
            throw new MetadataError(file, `unknown publishBehavior ${behavior}`);
        opts.publishBehavior = behavior;
        extra.push(
            makeField('ReplayId', 'string', { createable: false, updateable: false }),
            makeField('EventUuid', 'string', { createable: false, updateable: false }),
        );
    } else if (childText(el, 'customSettingsType')) {
        const kind = childText(el, 'customSettingsType');
        if (kind !== 'List' && kind !== 'Hierarchy')
            throw new MetadataError(file, `unknown customSettingsType ${kind}`);
        opts.customSetting = true;
        opts.customSettingsType = kind;
        nameField = makeField('Name', 'string', {
            length: 38,
            nameField: true,
            custom: false,
            nillable: kind === 'Hierarchy',
        });
        if (kind === 'Hierarchy')
            extra.push(
                referenceField('SetupOwnerId', ['Organization', 'Profile', 'User'], 'SetupOwner', { custom: false }),
            );
    } else if (/__c$/i.test(name)) {
        nameField = makeNameField();
        if (!nameField) throw new MetadataError(file, 'custom object has no <nameField>');
        if (childText(el, 'sharingModel') !== 'ControlledByParent') opts.ownerTo = ['Group', 'User'];
        opts.sharingModel = sharingModelOf(el, file) ?? 'ReadWrite';
    } else {
        throw new MetadataError(
            file,
            `unsupported object kind for ${name} (expected __c, __mdt, __e or a custom setting)`,
        );
    }
    return { opts, nameField, extra };
}

const SHARING_MODELS: SharingModel[] = [
    'Private',
    'Read',
    'ReadWrite',
    'ReadWriteTransfer',
    'FullAccess',
    'ControlledByParent',
];

/** An object file's `<sharingModel>`, or undefined when it has none. */
function sharingModelOf(el: XmlElement, file: string): SharingModel | undefined {
    const text = childText(el, 'sharingModel');
    if (text === undefined) return undefined;
    const model = SHARING_MODELS.find((m) => m === text);
    if (!model) throw new MetadataError(file, `unknown sharingModel ${text}`);
    return model;
}

/** Generated key prefixes for custom objects: a01, a02, ... in sorted-name order (stable across runs). */
function customKeyPrefix(index: number): string {
    return `a${base62(index + 1, 2)}`;
}

function addFields(
    object: ObjectDescribe,
    fields: { el: XmlElement; file: string }[],
    objects: Map<string, ObjectDescribe>,
): void {
    for (const { el, file } of fields) {
        const field = readCustomField(el, object.name, file);
        const unknown = field.referenceTo.find((t) => !objects.has(t.toLowerCase()));
        if (unknown && unknown.includes('__'))
            throw new MetadataError(file, `${object.name}.${field.name} references unknown object ${unknown}`);
        if (unknown) {
            // A platform object the offline org does not model (EntityDefinition, FieldDefinition, ...): the field
            // loads, and what touches it is refused loudly.
            field.unsupported = `${object.name}.${field.name}, a relationship to ${unknown} (not modelled)`;
            // Its value is the related item's API name (`Account`, `Account.Industry`): Apex may set and read it.
            field.type = 'string';
            field.length = 255;
            field.referenceTo = [];
            field.relationshipName = null;
            field.childRelationshipName = null;
        } else {
            field.referenceTo = field.referenceTo.map((t) => (objects.get(t.toLowerCase()) as ObjectDescribe).name);
        }
        const key = field.name.toLowerCase();
        if (object.fields.has(key) && !object.fields.get(key)?.custom)
            throw new MetadataError(file, `${object.name}.${field.name} clashes with a standard field`);
        object.fields.set(key, field);
    }
}

function recordTypeRows(src: ObjectSource, objectName: string): MetadataRecord[] {
    return src.recordTypes.map(({ el, file }) => {
        const developerName = childText(el, 'fullName') ?? basename(file, '.recordType-meta.xml');
        const values: Row = {
            Name: childText(el, 'label') ?? developerName,
            DeveloperName: developerName,
            SobjectType: objectName,
            IsActive: childBool(el, 'active', true),
            Description: childText(el, 'description') ?? null,
        };
        return { objectName: 'RecordType', values };
    });
}

function customMetadataRows(dirs: string[], objects: Map<string, ObjectDescribe>): MetadataRecord[] {
    const rows: MetadataRecord[] = [];
    for (const dir of dirs) {
        for (const file of filesEnding(dir, '.md-meta.xml')) {
            const base = basename(file, '.md-meta.xml');
            const dot = base.indexOf('.');
            if (dot < 1)
                throw new MetadataError(file, 'custom metadata record file name must be <Type>.<Record>.md-meta.xml');
            const typeName = `${base.slice(0, dot)}__mdt`;
            const object = objects.get(typeName.toLowerCase());
            if (!object) throw new MetadataError(file, `custom metadata type ${typeName} is not defined in objects/`);
            const el = readXml(file);
            if (el.name !== 'CustomMetadata')
                throw new MetadataError(file, `expected <CustomMetadata>, found <${el.name}>`);
            const developerName = base.slice(dot + 1);
            const label = childText(el, 'label') ?? developerName;
            const values: Row = {
                DeveloperName: developerName,
                MasterLabel: label,
                Label: label,
                QualifiedApiName: developerName,
                Language: 'en_US',
            };
            for (const v of childrenNamed(el, 'values')) {
                const fieldName = childText(v, 'field');
                const field = fieldName ? object.fields.get(fieldName.toLowerCase()) : undefined;
                if (!field) throw new MetadataError(file, `unknown field ${fieldName ?? ''} on ${object.name}`);
                const valueEl = child(v, 'value');
                const nil = !valueEl || valueEl.attributes['xsi:nil'] === 'true';
                values[field.name] = nil ? null : metadataValue(valueEl.text.trim(), field, file);
            }
            rows.push({ objectName: object.name, values });
        }
    }
    return rows;
}

function metadataValue(text: string, field: FieldDescribe, file: string): string | number | boolean {
    switch (field.type) {
        case 'boolean':
            return text === 'true';
        case 'double':
        case 'currency':
        case 'percent':
        case 'integer': {
            const n = Number(text);
            if (Number.isNaN(n)) throw new MetadataError(file, `${field.name}: ${text} is not a number`);
            return n;
        }
        default:
            return text;
    }
}

/** Loads the schema of a project root (reading sfdx-project.json) or of explicit package directories. */
export function loadSchema(source: string | string[] = []): Schema {
    const dirs = packageDirectories(source);
    const folders = findProjectFolders(dirs);
    const sources = collectObjects(folders.objects);
    const objects = new Map<string, ObjectDescribe>();
    for (const o of buildStandardObjects()) objects.set(o.name.toLowerCase(), o);
    const customNames = [...sources.values()]
        .filter((s) => !objects.has(s.name.toLowerCase()))
        .map((s) => s.name)
        .sort();
    customNames.forEach((name, index) => {
        const src = sources.get(name.toLowerCase()) as ObjectSource;
        if (!src.objectXml || !src.objectFile) {
            throw new MetadataError(
                join(folders.objects[0] ?? '', name),
                `object ${name} has fields but no ${name}.object-meta.xml and is not a known standard object`,
            );
        }
        const { opts, nameField, extra } = customObjectOptions(src, src.objectFile);
        objects.set(
            name.toLowerCase(),
            makeObject(name, customKeyPrefix(index), [...(nameField ? [nameField] : []), ...extra], opts),
        );
    });
    const metadataRecords: MetadataRecord[] = [];
    for (const src of sources.values()) {
        const object = objects.get(src.name.toLowerCase()) as ObjectDescribe;
        // A standard object's own file in the project sets its organization-wide default.
        if (!object.custom && src.objectXml && src.objectFile) {
            const model = sharingModelOf(src.objectXml, src.objectFile);
            if (model) object.sharingModel = model;
        }
        addFields(object, src.fields, objects);
        if (src.recordTypes.length > 0) {
            object.fields.set(
                'recordtypeid',
                referenceField('RecordTypeId', ['RecordType'], 'RecordType', { custom: false }),
            );
            metadataRecords.push(...recordTypeRows(src, object.name));
        }
    }
    metadataRecords.push(...customMetadataRows(folders.customMetadata, objects));
    for (const dir of folders.sharingRules) {
        for (const file of filesEnding(dir, '.sharingRules-meta.xml')) {
            const object = objects.get(basename(file, '.sharingRules-meta.xml').toLowerCase());
            if (object) object.sharingRulesFile = file;
        }
    }
    const permissionSets: PermissionSetDefinition[] = [];
    for (const dir of folders.permissionsets) {
        for (const file of filesEnding(dir, '.permissionset-meta.xml')) {
            permissionSets.push(
                readPermissionSet(readFileSync(file, 'utf8'), file, basename(file, '.permissionset-meta.xml')),
            );
        }
    }
    return new Schema([...objects.values()], { metadataRecords, permissionSets });
}
