/**
 * Builds FieldDescribe / ObjectDescribe values with the platform's defaults, so that the standard-object table and
 * the metadata reader only state what differs.
 */
import type { FieldDescribe, FieldType, ObjectDescribe, PicklistEntry, SharingModel } from '../schema-types.js';

const NOT_GROUPABLE: ReadonlySet<FieldType> = new Set([
    'double',
    'currency',
    'percent',
    'textarea',
    'datetime',
    'location',
    'address',
    'base64',
    'encryptedstring',
]);
const NOT_FILTERABLE: ReadonlySet<FieldType> = new Set(['base64', 'address', 'location']);

export function makeField(name: string, type: FieldType, over: Partial<FieldDescribe> = {}): FieldDescribe {
    const field: FieldDescribe = {
        name,
        label: name,
        type,
        length:
            type === 'string' || type === 'textarea' || type === 'picklist' || type === 'multipicklist'
                ? 255
                : type === 'id' || type === 'reference'
                  ? 18
                  : 0,
        precision: 0,
        scale: 0,
        digits: type === 'integer' ? 9 : 0,
        nillable: true,
        createable: true,
        updateable: true,
        filterable: !NOT_FILTERABLE.has(type),
        sortable: type !== 'multipicklist' && !NOT_FILTERABLE.has(type),
        groupable: !NOT_GROUPABLE.has(type),
        unique: false,
        caseSensitive: false,
        externalId: false,
        idLookup: false,
        nameField: false,
        custom: name.endsWith('__c'),
        calculated: false,
        autoNumber: false,
        defaultedOnCreate: type === 'boolean',
        defaultValue: type === 'boolean' ? false : null,
        referenceTo: [],
        relationshipName: null,
        cascadeDelete: false,
        restrictedDelete: false,
        picklistValues: [],
        inlineHelpText: null,
        description: null,
        ...over,
    };
    if (type === 'boolean') field.nillable = false;
    return field;
}

/** Picklist entries from plain values; the first `defaultValue` (if given) is the default. */
export function picklist(values: string[], defaultValue?: string): PicklistEntry[] {
    return values.map((value) => ({ value, label: value, active: true, defaultValue: value === defaultValue }));
}

/** A read-only, system-maintained field. */
export function systemField(name: string, type: FieldType, over: Partial<FieldDescribe> = {}): FieldDescribe {
    return makeField(name, type, {
        createable: false,
        updateable: false,
        nillable: false,
        defaultedOnCreate: true,
        ...over,
    });
}

/** A lookup/master-detail field. */
export function referenceField(
    name: string,
    referenceTo: string[],
    relationshipName: string,
    over: Partial<FieldDescribe> = {},
): FieldDescribe {
    return makeField(name, 'reference', { referenceTo, relationshipName, ...over });
}

export interface ObjectOptions {
    label?: string;
    labelPlural?: string;
    custom?: boolean;
    /** Who may own a record: absent means the object has no OwnerId. */
    ownerTo?: string[];
    /** Setup objects have no IsDeleted and no recycle bin. */
    setup?: boolean;
    createable?: boolean;
    updateable?: boolean;
    deletable?: boolean;
    queryable?: boolean;
    customSetting?: boolean;
    customSettingsType?: 'List' | 'Hierarchy';
    customMetadata?: boolean;
    platformEvent?: boolean;
    publishBehavior?: 'PublishImmediately' | 'PublishAfterCommit';
    nameComposedOf?: string[];
    sharingModel?: SharingModel;
}

/** The fields every SObject carries: Id, audit fields, IsDeleted (non-setup), OwnerId (owned objects). */
export function systemFields(opts: ObjectOptions): FieldDescribe[] {
    const fields = [
        systemField('Id', 'id', { idLookup: true, filterable: true, groupable: true }),
        systemField('CreatedDate', 'datetime'),
        systemField('CreatedById', 'reference', { referenceTo: ['User'], relationshipName: 'CreatedBy' }),
        systemField('LastModifiedDate', 'datetime'),
        systemField('LastModifiedById', 'reference', { referenceTo: ['User'], relationshipName: 'LastModifiedBy' }),
        systemField('SystemModstamp', 'datetime'),
    ];
    if (!opts.setup) fields.push(systemField('IsDeleted', 'boolean', { defaultValue: false }));
    if (opts.ownerTo) {
        fields.push(
            makeField('OwnerId', 'reference', {
                referenceTo: opts.ownerTo,
                relationshipName: 'Owner',
                nillable: false,
                defaultedOnCreate: true,
            }),
        );
    }
    return fields;
}

export function makeObject(
    name: string,
    keyPrefix: string,
    fields: FieldDescribe[],
    opts: ObjectOptions = {},
): ObjectDescribe {
    const all = [...systemFields(opts), ...fields];
    const map = new Map<string, FieldDescribe>();
    for (const f of all) map.set(f.name.toLowerCase(), f);
    const writable = !opts.customMetadata && !opts.platformEvent;
    return {
        name,
        label: opts.label ?? name,
        labelPlural: opts.labelPlural ?? `${opts.label ?? name}s`,
        keyPrefix,
        custom: opts.custom ?? false,
        customSetting: opts.customSetting ?? false,
        customMetadata: opts.customMetadata ?? false,
        platformEvent: opts.platformEvent ?? false,
        // A platform event is created by publishing it: its describe says createable (EventBus.publish checks it).
        createable: opts.createable ?? (writable || (opts.platformEvent ?? false)),
        updateable: opts.updateable ?? writable,
        deletable: opts.deletable ?? writable,
        queryable: opts.queryable ?? !opts.platformEvent,
        undeletable: !opts.setup && writable && !opts.customSetting,
        fields: map,
        childRelationships: [],
        ...(opts.customSettingsType ? { customSettingsType: opts.customSettingsType } : {}),
        ...(opts.nameComposedOf ? { nameComposedOf: opts.nameComposedOf } : {}),
        ...(opts.setup ? { setup: true } : {}),
        ...(opts.publishBehavior ? { publishBehavior: opts.publishBehavior } : {}),
        ...(opts.sharingModel ? { sharingModel: opts.sharingModel } : {}),
    };
}
