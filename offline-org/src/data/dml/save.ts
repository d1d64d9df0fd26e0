/**
 * Insert and update, in the platform's order of save: load/merge -> defaults -> reference checks -> before
 * triggers -> system validation (types, required, lengths, picklists, uniqueness) -> write -> after triggers.
 */
import { NotSupportedError, SecurityException, SObjectException } from '../errors.js';
import { isValidId, keyPrefixOf, to18 } from '../ids/ids.js';
import type { ObjectDescribe, Row, StorageValue } from '../schema-types.js';
import type { DataContext } from '../store/data-context.js';
import { runAttempts, FailureSet } from './attempts.js';
import { dmlErrors } from './errors.js';
import { duplicateError, missingRequired, referenceError, typeError, valueError } from './field-checks.js';
import type { DmlHookContext, DmlOptions, DmlResult } from './types.js';

const SYSTEM_FIELDS = new Set(['id', 'createddate', 'createdbyid', 'lastmodifieddate', 'lastmodifiedbyid', 'systemmodstamp', 'isdeleted']);

export function requireObject(ctx: DataContext, objectName: string): ObjectDescribe {
  const object = ctx.schema.getObject(objectName);
  if (!object) throw new SObjectException(`sObject type '${objectName}' is not supported.`);
  return object;
}

/** Rejects rows naming fields the object does not have (the platform fails at put time). */
function checkFieldNames(object: ObjectDescribe, rows: Row[]): void {
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      const f = object.fields.get(key.toLowerCase());
      if (!f) throw new SObjectException(`Invalid field ${key} for ${object.name}`);
      if (f.name !== key) {
        row[f.name] = row[key];
        delete row[key];
      }
    }
  }
}

function userModeCheck(ctx: DataContext, object: ObjectDescribe, operation: 'insert' | 'update', rows: Row[], userId: string): void {
  const allowed = operation === 'insert' ? ctx.permissions.canCreate(userId, object) : ctx.permissions.canEdit(userId, object);
  if (!allowed) throw new SecurityException(`DML operation ${operation.toUpperCase()} not allowed on ${object.name}`);
  const denied = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      const f = object.fields.get(key.toLowerCase());
      if (f && f.name !== 'Id' && !ctx.permissions.canEditField(userId, object, f)) denied.add(f.name);
    }
  }
  if (denied.size > 0) throw new SecurityException(`Operation failed due to fields being inaccessible on Sobject ${object.name}, check errors on Exception or Result! [${[...denied].join(', ')}]`);
}

function applyInsertDefaults(ctx: DataContext, object: ObjectDescribe, row: Row, userId: string): void {
  for (const f of object.fields.values()) {
    if (row[f.name] !== undefined) continue;
    if (f.defaultFormula !== undefined) throw new NotSupportedError(`default value formula ${JSON.stringify(f.defaultFormula)} of ${object.name}.${f.name}`, `objects/${object.name}/fields/${f.name}.field-meta.xml:1`);
    if (f.name === 'OwnerId') row.OwnerId = userId;
    else if (f.defaultValue !== null && f.createable) row[f.name] = f.defaultValue;
  }
}

function deriveName(object: ObjectDescribe, row: Row): void {
  if (!object.nameComposedOf) return;
  row.Name = object.nameComposedOf.map((n) => row[n]).filter((v) => typeof v === 'string' && v !== '').join(' ') || null;
}

function stampForInsert(ctx: DataContext, object: ObjectDescribe, row: Row, userId: string): void {
  const now = ctx.now().toISOString();
  row.Id = ctx.ids.newId(object.keyPrefix);
  for (const [field, value] of [['CreatedDate', now], ['LastModifiedDate', now], ['SystemModstamp', now], ['CreatedById', userId], ['LastModifiedById', userId]] as const) {
    if (object.fields.has(field.toLowerCase())) row[field] = value;
  }
  for (const f of object.fields.values()) if (f.autoNumber) row[f.name] = ctx.autoNumbers.take(object, f);
  const nameField = object.fields.get('name');
  if (nameField && nameField.nameField && !nameField.autoNumber && !object.nameComposedOf && (row.Name === undefined || row.Name === null) && object.custom) row.Name = row.Id;
}

function stampForUpdate(ctx: DataContext, object: ObjectDescribe, row: Row, userId: string): void {
  const now = ctx.now().toISOString();
  for (const [field, value] of [['LastModifiedDate', now], ['SystemModstamp', now], ['LastModifiedById', userId]] as const) {
    if (object.fields.has(field.toLowerCase())) row[field] = value;
  }
}

/** Fields the caller may not write: system fields, and fields not createable (insert) / updateable (update). */
function notWriteable(object: ObjectDescribe, row: Row, operation: 'insert' | 'update'): string[] {
  const bad: string[] = [];
  for (const key of Object.keys(row)) {
    const f = object.fields.get(key.toLowerCase());
    if (!f || f.name === 'Id') continue;
    const ok = !SYSTEM_FIELDS.has(key.toLowerCase()) && (operation === 'insert' ? f.createable : f.updateable || (f.createable && false));
    if (!ok && !(operation === 'update' && f.name === 'OwnerId')) bad.push(f.name);
  }
  return bad;
}

/** Validates the values of a record after before-triggers ran. */
function systemValidation(ctx: DataContext, object: ObjectDescribe, row: Row, selfId: string | null, failures: FailureSet, index: number, operation: 'insert' | 'update'): void {
  for (const f of object.fields.values()) {
    const v = row[f.name];
    if (v === undefined || (typeof v === 'object' && v !== null)) continue;
    const err = typeError(f, v) ?? valueError(f, v);
    if (err) failures.add(index, err);
  }
  if (failures.has(index)) return;
  const missing = missingRequired(object, operation === 'insert' ? row : row);
  if (missing) failures.add(index, missing);
  for (const f of object.fields.values()) {
    if (f.type !== 'reference' || SYSTEM_FIELDS.has(f.name.toLowerCase()) || failures.has(index)) continue;
    const err = referenceError(ctx, f, row);
    if (err) failures.add(index, err);
  }
  if (failures.has(index)) return;
  const dup = duplicateError(ctx, object, row, selfId);
  if (dup) failures.add(index, dup);
}

function hookContext(operation: 'insert' | 'update', timing: 'before' | 'after', object: ObjectDescribe, newRows: Row[], oldRows: Row[] | null, live: number[], failures: FailureSet): DmlHookContext {
  return {
    operation,
    timing,
    objectName: object.name,
    newRows,
    oldRows,
    addError(i: number, message: string, fields: string[] = []): void {
      const index = live[i];
      if (index === undefined) throw new RangeError(`addError: no row ${i}`);
      failures.add(index, dmlErrors.custom(message, fields));
    },
  };
}

/** Insert or update `rows` of `objectName`. */
export function save(ctx: DataContext, objectName: string, operation: 'insert' | 'update', rows: Row[], opts: DmlOptions = {}): DmlResult[] {
  const object = requireObject(ctx, objectName);
  const userId = opts.userId ?? ctx.defaultUserId;
  const input = rows.map((r) => ({ ...r }));
  checkFieldNames(object, input);
  if (opts.mode === 'user') userModeCheck(ctx, object, operation, input, userId);
  const sentIds = input.map((r) => (typeof r.Id === 'string' ? r.Id : null));
  const allowed = operation === 'insert' ? object.createable : object.updateable;
  return runAttempts(ctx, operation, input.length, opts.allOrNone ?? true, sentIds, (indices) => {
    const failures = new FailureSet();
    const ids = new Map<number, string>();
    const work: { index: number; row: Row; old: Row | null; id18: string | null }[] = [];
    for (const index of indices) {
      const source = input[index] as Row;
      if (!allowed) {
        failures.add(index, { statusCode: 'INVALID_TYPE', message: `DML operation ${operation === 'insert' ? 'Insert' : 'Update'} not allowed on ${object.name}`, fields: [] });
        continue;
      }
      const bad = notWriteable(object, source, operation);
      if (operation === 'insert' && source.Id !== undefined && source.Id !== null) {
        failures.add(index, dmlErrors.idOnInsert());
        continue;
      }
      if (bad.length > 0) {
        failures.add(index, dmlErrors.notWriteable(bad));
        continue;
      }
      if (operation === 'insert') {
        const row = { ...source };
        applyInsertDefaults(ctx, object, row, userId);
        work.push({ index, row, old: null, id18: null });
        continue;
      }
      const id = source.Id;
      if (typeof id !== 'string' || id === '') {
        failures.add(index, dmlErrors.missingId());
        continue;
      }
      if (!isValidId(id)) {
        failures.add(index, dmlErrors.malformedId(null, id));
        continue;
      }
      if (keyPrefixOf(id) !== object.keyPrefix) {
        failures.add(index, dmlErrors.invalidIdForObject(object.name));
        continue;
      }
      const id18 = to18(id);
      const old = ctx.io.getRow(object, id18);
      if (!old) {
        failures.add(index, dmlErrors.invalidCrossReference());
        continue;
      }
      if (old.IsDeleted === true) {
        failures.add(index, dmlErrors.entityDeleted());
        continue;
      }
      work.push({ index, row: { ...old, ...source, Id: id18 }, old, id18 });
    }
    let live = work.filter((w) => !failures.has(w.index));
    const oldRows = operation === 'update' ? live.map((w) => ({ ...(w.old as Row) })) : null;
    if (opts.hooks?.before && live.length > 0) {
      opts.hooks.before(hookContext(operation, 'before', object, live.map((w) => w.row), oldRows, live.map((w) => w.index), failures));
    }
    for (const w of live) {
      if (failures.has(w.index)) continue;
      checkFieldNames(object, [w.row]);
      deriveName(object, w.row);
      systemValidation(ctx, object, w.row, w.id18, failures, w.index, operation);
      if (failures.has(w.index)) continue;
      if (operation === 'insert') {
        stampForInsert(ctx, object, w.row, userId);
        ctx.io.insertRow(object, w.row);
      } else {
        stampForUpdate(ctx, object, w.row, userId);
        const changes: Row = {};
        for (const [k, v] of Object.entries(w.row)) if (!['Id', 'IsDeleted'].includes(k) && v !== (w.old as Row)[k]) changes[k] = v as StorageValue;
        ctx.io.updateRow(object, w.id18 as string, changes);
      }
      ids.set(w.index, w.row.Id as string);
    }
    live = live.filter((w) => !failures.has(w.index));
    if (opts.hooks?.after && live.length > 0) {
      const afterOld = operation === 'update' ? live.map((w) => ({ ...(w.old as Row) })) : null;
      opts.hooks.after(hookContext(operation, 'after', object, live.map((w) => Object.freeze({ ...w.row })), afterOld, live.map((w) => w.index), failures));
    }
    return { failures: failures.failures, ids };
  });
}
