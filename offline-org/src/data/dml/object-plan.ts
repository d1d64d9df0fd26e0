/** Per-object facts the save path needs for every record, computed once per ObjectDescribe. */
import type { FieldDescribe, ObjectDescribe } from '../schema-types.js';

export const SYSTEM_FIELDS: ReadonlySet<string> = new Set([
    'id',
    'createddate',
    'createdbyid',
    'lastmodifieddate',
    'lastmodifiedbyid',
    'systemmodstamp',
    'isdeleted',
]);

export interface ObjectPlan {
    /** Audit fields the object has, among CreatedDate, LastModifiedDate, SystemModstamp, CreatedById, LastModifiedById. */
    audit: Set<string>;
    autoNumbers: FieldDescribe[];
    /** Fields with a default value, a default formula, or OwnerId. */
    defaulted: FieldDescribe[];
    /** Non-nillable fields the caller must fill. */
    required: FieldDescribe[];
    /** Reference fields the caller may set (system references excluded). */
    references: FieldDescribe[];
    unique: FieldDescribe[];
}

const plans = new WeakMap<ObjectDescribe, ObjectPlan>();

export function planFor(object: ObjectDescribe): ObjectPlan {
    let plan = plans.get(object);
    if (plan) return plan;
    const fields = [...object.fields.values()];
    plan = {
        audit: new Set(
            ['CreatedDate', 'LastModifiedDate', 'SystemModstamp', 'CreatedById', 'LastModifiedById'].filter((n) =>
                object.fields.has(n.toLowerCase()),
            ),
        ),
        autoNumbers: fields.filter((f) => f.autoNumber),
        defaulted: fields.filter(
            (f) => f.name === 'OwnerId' || f.defaultFormula !== undefined || (f.defaultValue !== null && f.createable),
        ),
        required: fields.filter(
            (f) => !f.nillable && f.type !== 'boolean' && (f.createable || f.updateable) && f.name !== 'OwnerId',
        ),
        references: fields.filter((f) => f.type === 'reference' && !SYSTEM_FIELDS.has(f.name.toLowerCase())),
        unique: fields.filter((f) => f.unique),
    };
    plans.set(object, plan);
    return plan;
}
