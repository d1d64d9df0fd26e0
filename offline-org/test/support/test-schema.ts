/**
 * A small in-memory schema (Account, Contact) for the interpreter's own tests, independent of src/data.
 */
import type { FieldDescribe, FieldType, ObjectDescribe, SchemaProvider } from '../../src/data/schema-types.js';

function field(name: string, type: FieldType, extra: Partial<FieldDescribe> = {}): FieldDescribe {
    return {
        name,
        label: name,
        type,
        length: 255,
        precision: 18,
        scale: type === 'currency' ? 2 : 0,
        digits: 0,
        nillable: true,
        createable: true,
        updateable: true,
        filterable: true,
        sortable: true,
        groupable: true,
        unique: false,
        caseSensitive: false,
        externalId: false,
        idLookup: name === 'Id',
        nameField: name === 'Name',
        custom: name.endsWith('__c'),
        calculated: false,
        autoNumber: false,
        defaultedOnCreate: false,
        defaultValue: null,
        referenceTo: [],
        relationshipName: null,
        cascadeDelete: false,
        restrictedDelete: false,
        picklistValues: [],
        inlineHelpText: null,
        description: null,
        ...extra,
    };
}

function object(
    name: string,
    keyPrefix: string,
    fields: FieldDescribe[],
    children: ObjectDescribe['childRelationships'] = [],
): ObjectDescribe {
    return {
        name,
        label: name,
        labelPlural: name + 's',
        keyPrefix,
        custom: false,
        customSetting: false,
        customMetadata: false,
        platformEvent: false,
        createable: true,
        updateable: true,
        deletable: true,
        queryable: true,
        undeletable: true,
        fields: new Map(fields.map((f) => [f.name.toLowerCase(), f])),
        childRelationships: children,
    };
}

const account = object(
    'Account',
    '001',
    [
        field('Id', 'id'),
        field('Name', 'string'),
        field('AnnualRevenue', 'currency'),
        field('NumberOfEmployees', 'integer'),
        field('Industry', 'picklist'),
    ],
    [
        {
            childSObject: 'Contact',
            field: 'AccountId',
            relationshipName: 'Contacts',
            cascadeDelete: false,
            restrictedDelete: false,
        },
    ],
);

const contact = object('Contact', '003', [
    field('Id', 'id'),
    field('LastName', 'string'),
    field('FirstName', 'string'),
    field('Birthdate', 'date'),
    field('AccountId', 'reference', { referenceTo: ['Account'], relationshipName: 'Account' }),
]);

const setting = object('Setting__mdt', 'm00', [
    field('Id', 'id'),
    field('DeveloperName', 'string'),
    field('MasterLabel', 'string'),
    field('Value__c', 'string'),
]);

const all = [account, contact, setting];

export const testSchema: SchemaProvider = {
    getObject: (n) => all.find((o) => o.name.toLowerCase() === n.toLowerCase()),
    objectNames: () => all.map((o) => o.name),
    objectByKeyPrefix: (p) => all.find((o) => o.keyPrefix === p),
};
