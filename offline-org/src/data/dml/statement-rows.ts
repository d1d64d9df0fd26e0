/** Resolving the object of a DML statement and canonicalising the field names of its rows. */
import { NotSupportedError, SObjectException } from '../errors.js';
import type { ObjectDescribe, Row } from '../schema-types.js';
import type { DataContext } from '../store/data-context.js';

/** The object of a DML statement, with the platform's message when unknown. */
export function requireObject(ctx: DataContext, objectName: string): ObjectDescribe {
    const object = ctx.schema.getObject(objectName);
    if (!object) throw new SObjectException(`sObject type '${objectName}' is not supported.`);
    return object;
}

function isRelationshipName(object: ObjectDescribe, key: string): boolean {
    const lower = key.toLowerCase();
    for (const f of object.fields.values()) if (f.relationshipName?.toLowerCase() === lower) return true;
    return object.childRelationships.some((c) => c.relationshipName?.toLowerCase() === lower);
}

/**
 * Canonicalises the field names of rows and rejects names the object does not have (the platform fails at put time).
 * Related records carried by a queried row (`Account`, `Contacts`) are dropped: DML ignores them, as on the platform.
 */
export function checkFieldNames(object: ObjectDescribe, rows: Row[]): void {
    for (const row of rows) {
        for (const key of Object.keys(row)) {
            const value = row[key];
            if (value !== null && typeof value === 'object' && isRelationshipName(object, key)) {
                delete row[key];
                continue;
            }
            const f = object.fields.get(key.toLowerCase());
            if (!f) throw new SObjectException(`Invalid field ${key} for ${object.name}`);
            if (f.unsupported && value !== null && value !== undefined)
                throw new NotSupportedError(`DML setting ${f.unsupported}`);
            if (f.name !== key) {
                row[f.name] = row[key];
                delete row[key];
            }
        }
    }
}
