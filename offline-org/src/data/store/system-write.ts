/**
 * Writes by the platform itself (seeding, AsyncApexJob / CronTrigger rows kept by the async layer): no triggers,
 * no validation or permission checks, but Ids, audit fields, defaults and auto-numbers are maintained.
 */
import { SObjectException } from '../errors.js';
import type { Row } from '../schema-types.js';
import type { DataContext } from './data-context.js';

export function systemInsert(ctx: DataContext, objectName: string, rows: Row[]): string[] {
    const object = ctx.schema.getObject(objectName);
    if (!object) throw new SObjectException(`sObject type '${objectName}' is not supported.`);
    const now = ctx.now().toISOString();
    return rows.map((input) => {
        const row: Row = {};
        for (const [k, v] of Object.entries(input)) {
            const f = object.fields.get(k.toLowerCase());
            if (!f) throw new SObjectException(`Invalid field ${k} for ${object.name}`);
            row[f.name] = v;
        }
        for (const f of object.fields.values()) {
            if (row[f.name] === undefined && f.defaultValue !== null) row[f.name] = f.defaultValue;
            if (f.autoNumber && row[f.name] === undefined) row[f.name] = ctx.autoNumbers.take(object, f);
        }
        const id = typeof row.Id === 'string' ? row.Id : ctx.ids.newId(object.keyPrefix);
        const audit: Row = {
            Id: id,
            CreatedDate: now,
            LastModifiedDate: now,
            SystemModstamp: now,
            CreatedById: ctx.defaultUserId || id,
            LastModifiedById: ctx.defaultUserId || id,
        };
        for (const [k, v] of Object.entries(audit))
            if (object.fields.has(k.toLowerCase()) && row[k] === undefined) row[k] = v;
        if (object.fields.has('ownerid') && row.OwnerId === undefined) row.OwnerId = ctx.defaultUserId;
        ctx.io.insertRow(object, row);
        return id;
    });
}

/** Updates fields of a record as the platform does for its own rows (status of an AsyncApexJob, ...). */
export function systemUpdate(ctx: DataContext, objectName: string, id: string, changes: Row): void {
    const object = ctx.schema.getObject(objectName);
    if (!object) throw new SObjectException(`sObject type '${objectName}' is not supported.`);
    const row: Row = {};
    for (const [k, v] of Object.entries(changes)) {
        const f = object.fields.get(k.toLowerCase());
        if (!f) throw new SObjectException(`Invalid field ${k} for ${object.name}`);
        row[f.name] = v;
    }
    if (object.fields.has('systemmodstamp')) row.SystemModstamp = ctx.now().toISOString();
    ctx.io.updateRow(object, id, row);
}
