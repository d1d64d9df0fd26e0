/**
 * `GET /sobjects/{object}/describe`: the object's describe as the REST API writes it (the properties a client reads:
 * names, key prefix, the object's CRUD flags, each field with its type, flags, length, references, relationship and
 * picklist values, and the child relationships). Field types are the API's: an integer field is `int`. An unknown
 * object answers 404 NOT_FOUND, as the API does.
 */
import type { FieldDescribe, FieldType, ObjectDescribe, SchemaProvider } from '../data/index.js';
import { RestError } from './rest-error.js';

/** The REST describe's `type` of a field. */
export function restFieldType(type: FieldType): string {
    return type === 'integer' ? 'int' : type;
}

const SOAP_TYPES: Partial<Record<FieldType, string>> = {
    id: 'tns:ID',
    reference: 'tns:ID',
    boolean: 'xsd:boolean',
    integer: 'xsd:int',
    long: 'xsd:long',
    double: 'xsd:double',
    currency: 'xsd:double',
    percent: 'xsd:double',
    date: 'xsd:date',
    datetime: 'xsd:dateTime',
    time: 'xsd:time',
    base64: 'xsd:base64Binary',
    address: 'urn:address',
    location: 'urn:location',
};

function fieldJson(f: FieldDescribe): Record<string, unknown> {
    return {
        name: f.name,
        label: f.label,
        type: restFieldType(f.type),
        soapType: SOAP_TYPES[f.type] ?? 'xsd:string',
        length: f.length,
        precision: f.precision,
        scale: f.scale,
        digits: f.digits,
        nillable: f.nillable,
        createable: f.createable,
        updateable: f.updateable,
        filterable: f.filterable,
        sortable: f.sortable,
        groupable: f.groupable,
        unique: f.unique,
        caseSensitive: f.caseSensitive,
        externalId: f.externalId,
        idLookup: f.idLookup,
        nameField: f.nameField,
        custom: f.custom,
        calculated: f.calculated,
        autoNumber: f.autoNumber,
        defaultedOnCreate: f.defaultedOnCreate,
        defaultValue: f.defaultValue,
        referenceTo: f.referenceTo,
        relationshipName: f.relationshipName,
        cascadeDelete: f.cascadeDelete,
        restrictedDelete: f.restrictedDelete,
        restrictedPicklist: f.restrictedPicklist ?? false,
        picklistValues: f.picklistValues.map((p) => ({
            active: p.active,
            defaultValue: p.defaultValue,
            label: p.label,
            validFor: null,
            value: p.value,
        })),
        inlineHelpText: f.inlineHelpText,
    };
}

export function describeJson(object: ObjectDescribe, version: string): Record<string, unknown> {
    const base = `/services/data/v${version}/sobjects/${object.name}`;
    return {
        name: object.name,
        label: object.label,
        labelPlural: object.labelPlural,
        keyPrefix: object.keyPrefix || null,
        custom: object.custom,
        customSetting: object.customSetting,
        createable: object.createable,
        updateable: object.updateable,
        deletable: object.deletable,
        queryable: object.queryable,
        undeletable: object.undeletable,
        fields: [...object.fields.values()].map(fieldJson),
        childRelationships: object.childRelationships.map((c) => ({
            childSObject: c.childSObject,
            field: c.field,
            relationshipName: c.relationshipName,
            cascadeDelete: c.cascadeDelete,
            restrictedDelete: c.restrictedDelete,
        })),
        urls: { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` },
    };
}

/** The describe answer of an object, or 404 NOT_FOUND when the org has no such object. */
export function describeResource(schema: SchemaProvider, objectName: string, version: string): unknown {
    const object = schema.getObject(objectName);
    if (!object) throw new RestError(404, 'NOT_FOUND', 'The requested resource does not exist');
    return describeJson(object, version);
}
