/** Raw reads and writes of records (no validation, no triggers): the layer DML and seeding build on. */
import type Database from 'better-sqlite3';
import type { FieldDescribe, ObjectDescribe, Row, StorageValue } from '../schema-types.js';
import { fromSql, toSql } from './codec.js';
import { CASCADE_ROOT_COLUMN, DELETED_COLUMN, columnName, hasColumn, tableName } from './sql-names.js';

export class RecordIO {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  prepare(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  private columns(object: ObjectDescribe) {
    return [...object.fields.values()].filter((f) => hasColumn(f) && f.name !== 'IsDeleted');
  }

  insertRow(object: ObjectDescribe, row: Row): void {
    const cols = this.columns(object);
    const sql = `INSERT INTO ${tableName(object)} (${cols.map((c) => columnName(c)).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`;
    this.prepare(sql).run(cols.map((c) => toSql((row[c.name] as StorageValue | undefined) ?? null, c)));
  }

  updateRow(object: ObjectDescribe, id: string, changes: Row): void {
    const fields = Object.keys(changes).map((k) => object.fields.get(k.toLowerCase())).filter((f): f is FieldDescribe => f !== undefined && hasColumn(f));
    if (fields.length === 0) return;
    const sql = `UPDATE ${tableName(object)} SET ${fields.map((f) => `${columnName(f)} = ?`).join(', ')} WHERE "Id" = ?`;
    this.prepare(sql).run([...fields.map((f) => toSql((changes[f.name] as StorageValue | undefined) ?? null, f)), id]);
  }

  /** The stored record with every field, plus `IsDeleted`; undefined when no such Id. */
  getRow(object: ObjectDescribe, id: string): Row | undefined {
    const raw = this.prepare(`SELECT *, ${DELETED_COLUMN} AS "__deleted" FROM ${tableName(object)} WHERE "Id" = ?`).get(id) as Record<string, unknown> | undefined;
    return raw ? this.decode(object, raw) : undefined;
  }

  decode(object: ObjectDescribe, raw: Record<string, unknown>): Row {
    const row: Row = {};
    for (const f of this.columns(object)) row[f.name] = fromSql(raw[f.name], f);
    if (object.fields.has('isdeleted')) row.IsDeleted = raw.__deleted === 1;
    return row;
  }

  isDeleted(object: ObjectDescribe, id: string): boolean | undefined {
    const raw = this.prepare(`SELECT ${DELETED_COLUMN} AS d FROM ${tableName(object)} WHERE "Id" = ?`).get(id) as { d: number } | undefined;
    return raw === undefined ? undefined : raw.d === 1;
  }

  setDeleted(object: ObjectDescribe, id: string, deleted: boolean, cascadeRoot: string | null, stamp: Row): void {
    this.prepare(`UPDATE ${tableName(object)} SET ${DELETED_COLUMN} = ?, ${CASCADE_ROOT_COLUMN} = ? WHERE "Id" = ?`).run(deleted ? 1 : 0, cascadeRoot, id);
    this.updateRow(object, id, stamp);
  }

  /** Ids of the records (deleted or not, as asked) whose `field` equals `value`. */
  idsWhere(object: ObjectDescribe, fieldName: string, value: StorageValue, deleted: boolean | 'any' = false): string[] {
    const field = object.fields.get(fieldName.toLowerCase());
    if (!field) return [];
    const filter = deleted === 'any' ? '' : ` AND ${DELETED_COLUMN} = ${deleted ? 1 : 0}`;
    const rows = this.prepare(`SELECT "Id" FROM ${tableName(object)} WHERE ${columnName(field)} = ?${filter}`).all(toSql(value, field)) as { Id: string }[];
    return rows.map((r) => r.Id);
  }

  /** Ids deleted together with `rootId` (cascade) in this object. */
  cascadedWith(object: ObjectDescribe, rootId: string): string[] {
    const rows = this.prepare(`SELECT "Id" FROM ${tableName(object)} WHERE ${CASCADE_ROOT_COLUMN} = ? AND ${DELETED_COLUMN} = 1`).all(rootId) as { Id: string }[];
    return rows.map((r) => r.Id);
  }

  count(object: ObjectDescribe): number {
    return (this.prepare(`SELECT COUNT(*) AS n FROM ${tableName(object)} WHERE ${DELETED_COLUMN} = 0`).get() as { n: number }).n;
  }
}
