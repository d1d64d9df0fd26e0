/**
 * Values the platform fills in on save: defaults and OwnerId before triggers; Id, audit fields, auto-numbers and the
 * fallback Name at write time; derived Names (Contact, Lead, User) after triggers.
 */
import { NotSupportedError } from '../errors.js';
import type { ObjectDescribe, Row } from '../schema-types.js';
import type { DataContext } from '../store/data-context.js';
import { planFor } from './object-plan.js';

export function applyInsertDefaults(object: ObjectDescribe, row: Row, userId: string): void {
    for (const f of planFor(object).defaulted) {
        if (row[f.name] !== undefined) continue;
        if (f.defaultFormula !== undefined)
            throw new NotSupportedError(
                `default value formula ${JSON.stringify(f.defaultFormula)} of ${object.name}.${f.name}`,
                `objects/${object.name}/fields/${f.name}.field-meta.xml:1`,
            );
        if (f.name === 'OwnerId') row.OwnerId = userId;
        else if (f.defaultValue !== null && f.createable) row[f.name] = f.defaultValue;
    }
}

export function deriveName(object: ObjectDescribe, row: Row): void {
    if (!object.nameComposedOf) return;
    row.Name =
        object.nameComposedOf
            .map((n) => row[n])
            .filter((v): v is string => typeof v === 'string' && v !== '')
            .join(' ') || null;
}

export function stampForInsert(ctx: DataContext, object: ObjectDescribe, row: Row, userId: string): void {
    const now = ctx.now().toISOString();
    const plan = planFor(object);
    row.Id = ctx.ids.newId(object.keyPrefix);
    if (plan.audit.has('CreatedDate')) row.CreatedDate = now;
    if (plan.audit.has('LastModifiedDate')) row.LastModifiedDate = now;
    if (plan.audit.has('SystemModstamp')) row.SystemModstamp = now;
    if (plan.audit.has('CreatedById')) row.CreatedById = userId;
    if (plan.audit.has('LastModifiedById')) row.LastModifiedById = userId;
    for (const f of plan.autoNumbers) row[f.name] = ctx.autoNumbers.take(object, f);
    const nameField = object.fields.get('name');
    if (
        nameField &&
        nameField.nameField &&
        !nameField.autoNumber &&
        !object.nameComposedOf &&
        (row.Name === undefined || row.Name === null) &&
        object.custom
    )
        row.Name = row.Id;
    if (object.name === 'ContentVersion') firstVersionOfADocument(ctx, row, userId);
}

/**
 * A ContentVersion inserted without a ContentDocumentId is the first version of a new file: the platform creates
 * its ContentDocument (title and extension from the version) and links the version to it.
 */
function firstVersionOfADocument(ctx: DataContext, row: Row, userId: string): void {
    if (typeof row.ContentDocumentId === 'string' && row.ContentDocumentId !== '') return;
    const documentObject = ctx.schema.getObject('ContentDocument');
    if (!documentObject) return;
    const path = typeof row.PathOnClient === 'string' ? row.PathOnClient : '';
    const dot = path.lastIndexOf('.');
    const extension = dot >= 0 ? path.slice(dot + 1).toLowerCase() : null;
    if (row.FileExtension === undefined || row.FileExtension === null) row.FileExtension = extension;
    const now = ctx.now().toISOString();
    const documentId = ctx.ids.newId(documentObject.keyPrefix);
    ctx.io.insertRow(documentObject, {
        Id: documentId,
        Title: row.Title ?? null,
        FileExtension: extension,
        OwnerId: userId,
        CreatedDate: now,
        LastModifiedDate: now,
        SystemModstamp: now,
        CreatedById: userId,
        LastModifiedById: userId,
        IsDeleted: false,
    });
    row.ContentDocumentId = documentId;
}

export function stampForUpdate(ctx: DataContext, object: ObjectDescribe, row: Row, userId: string): void {
    const now = ctx.now().toISOString();
    const plan = planFor(object);
    for (const [field, value] of [
        ['LastModifiedDate', now],
        ['SystemModstamp', now],
        ['LastModifiedById', userId],
    ] as const) {
        if (plan.audit.has(field)) row[field] = value;
    }
}
