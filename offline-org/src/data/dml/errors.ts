/** The platform's per-record DML errors (status code, message, fields). */
import type { FieldDescribe } from '../schema-types.js';
import type { DmlError } from './types.js';

const err = (statusCode: string, message: string, fields: string[] = []): DmlError => ({ statusCode, message, fields });

export const dmlErrors = {
    requiredMissing: (fields: string[]) =>
        err('REQUIRED_FIELD_MISSING', `Required fields are missing: [${fields.join(', ')}]`, fields),
    stringTooLong: (f: FieldDescribe, value: string) =>
        err('STRING_TOO_LONG', `${f.label}: data value too large: ${value} (max length=${f.length})`, [f.name]),
    idOnInsert: () => err('INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', ['Id']),
    notWriteable: (fields: string[]) =>
        err(
            'INVALID_FIELD_FOR_INSERT_UPDATE',
            `Unable to create/update fields: ${fields.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
            fields,
        ),
    malformedId: (f: FieldDescribe | null, value: string) =>
        err(
            'MALFORMED_ID',
            f ? `${f.label}: id value of incorrect type: ${value}` : `malformed id ${value}`,
            f ? [f.name] : [],
        ),
    wrongReferenceType: (f: FieldDescribe, value: string) =>
        err('FIELD_INTEGRITY_EXCEPTION', `${f.label}: id value of incorrect type: ${value}`, [f.name]),
    invalidCrossReference: (fields: string[] = []) =>
        err('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', fields),
    entityDeleted: () => err('ENTITY_IS_DELETED', 'entity is deleted'),
    /** A record the running user may not edit (or delete) where sharing applies. */
    insufficientAccess: () => err('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id'),
    /** A master record the running user may not edit (or read), where a detail is written with sharing. */
    insufficientAccessOnParent: (id: string) =>
        err('INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY', `insufficient access rights on cross-reference id: ${id}`),
    missingId: () => err('MISSING_ARGUMENT', 'Id not specified in an update call'),
    duplicate: (f: FieldDescribe, existingId: string) =>
        err('DUPLICATE_VALUE', `duplicate value found: ${f.name} duplicates value on record with id: ${existingId}`, [
            f.name,
        ]),
    badPicklist: (f: FieldDescribe, value: string) =>
        err(
            'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
            `${f.label}: bad value for restricted picklist field: ${value}`,
            [f.name],
        ),
    invalidType: (f: FieldDescribe, value: unknown) =>
        err('INVALID_TYPE_ON_FIELD_IN_RECORD', `${f.label}: value not of required type: ${String(value)}`, [f.name]),
    custom: (message: string, fields: string[]) => err('FIELD_CUSTOM_VALIDATION_EXCEPTION', message, fields),
    deleteRestricted: (objectLabel: string, childLabel: string) =>
        err(
            'DELETE_FAILED',
            `Your attempt to delete ${objectLabel} could not be completed because it is associated with the following ${childLabel}.`,
        ),
    undeleteNotInBin: () => err('UNDELETE_FAILED', 'Entity is not in the recycle bin'),
    invalidIdForObject: (objectName: string) =>
        err('INVALID_ID_FIELD', `Invalid id value for this SObject type: ${objectName}`),
    upsertNoKey: (field: string) => err('MISSING_ARGUMENT', `${field} not specified`, [field]),
    upsertMultipleMatches: (field: string, ids: string[]) =>
        err(
            'DUPLICATE_EXTERNAL_ID',
            `${field}: more than one record found for external id field: [${ids.join(', ')}]`,
            [field],
        ),
};
