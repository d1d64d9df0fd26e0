/** Raw reads and writes of records (no validation, no triggers): the layer DML and seeding build on. */
import type Database from 'better-sqlite3';
import type { FieldDescribe, ObjectDescribe, Row, StorageValue } from '../schema-types.js';
import { fromSql, toSql } from './codec.js';
import { CASCADE_ROOT_COLUMN, DELETED_COLUMN, columnName, hasColumn, tableName } from './sql-names.js';

export class RecordIO {
    private readonly statements = new Map<string, Database.Statement>();
    private readonly inserters = new Map<
        ObjectDescribe,
        { columns: FieldDescribe[]; positions: Map<string, number>; statement: Database.Statement }
    >();

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
        let inserter = this.inserters.get(object);
        if (!inserter) {
            const columns = this.columns(object);
            const sql = `INSERT INTO ${tableName(object)} (${columns.map((c) => columnName(c)).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
            inserter = {
                columns,
                positions: new Map(columns.map((c, i) => [c.name, i])),
                statement: this.db.prepare(sql),
            };
            this.inserters.set(object, inserter);
        }
        const values: unknown[] = new Array<unknown>(inserter.columns.length).fill(null);
        for (const key in row) {
            const i = inserter.positions.get(key);
            if (i !== undefined) values[i] = toSql((row[key] as StorageValue | undefined) ?? null, inserter.columns[i]);
        }
        inserter.statement.run(values);
    }

    updateRow(object: ObjectDescribe, id: string, changes: Row): void {
        const fields = Object.keys(changes)
            .map((k) => object.fields.get(k.toLowerCase()))
            .filter((f): f is FieldDescribe => f !== undefined && hasColumn(f));
        if (fields.length === 0) return;
        const sql = `UPDATE ${tableName(object)} SET ${fields.map((f) => `${columnName(f)} = ?`).join(', ')} WHERE "Id" = ?`;
        this.prepare(sql).run([
            ...fields.map((f) => toSql((changes[f.name] as StorageValue | undefined) ?? null, f)),
            id,
        ]);
    }

    /** The stored record with every field, plus `IsDeleted`; undefined when no such Id. */
    getRow(object: ObjectDescribe, id: string): Row | undefined {
        const raw = this.prepare(
            `SELECT *, ${DELETED_COLUMN} AS "__deleted" FROM ${tableName(object)} WHERE "Id" = ?`,
        ).get(id) as Record<string, unknown> | undefined;
        return raw ? this.decode(object, raw) : undefined;
    }

    decode(object: ObjectDescribe, raw: Record<string, unknown>): Row {
        const row: Row = {};
        for (const f of this.columns(object)) row[f.name] = fromSql(raw[f.name], f);
        if (object.fields.has('isdeleted')) row.IsDeleted = raw.__deleted === 1;
        return row;
    }

    isDeleted(object: ObjectDescribe, id: string): boolean | undefined {
        const raw = this.prepare(`SELECT ${DELETED_COLUMN} AS d FROM ${tableName(object)} WHERE "Id" = ?`).get(id) as
            { d: number } | undefined;
        return raw === undefined ? undefined : raw.d === 1;
    }

    setDeleted(object: ObjectDescribe, id: string, deleted: boolean, cascadeRoot: string | null, stamp: Row): void {
        this.prepare(
            `UPDATE ${tableName(object)} SET ${DELETED_COLUMN} = ?, ${CASCADE_ROOT_COLUMN} = ? WHERE "Id" = ?`,
        ).run(deleted ? 1 : 0, cascadeRoot, id);
        this.updateRow(object, id, stamp);
    }

    /** Ids of the records (deleted or not, as asked) whose `field` equals `value`. */
    idsWhere(
        object: ObjectDescribe,
        fieldName: string,
        value: StorageValue,
        deleted: boolean | 'any' = false,
    ): string[] {
        const field = object.fields.get(fieldName.toLowerCase());
        if (!field) return [];
        const filter = deleted === 'any' ? '' : ` AND ${DELETED_COLUMN} = ${deleted ? 1 : 0}`;
        const rows = this.prepare(`SELECT "Id" FROM ${tableName(object)} WHERE ${columnName(field)} = ?${filter}`).all(
            toSql(value, field),
        ) as { Id: string }[];
        return rows.map((r) => r.Id);
    }

    /** Ids deleted together with `rootId` (cascade) in this object. */
    cascadedWith(object: ObjectDescribe, rootId: string): string[] {
        const rows = this.prepare(
            `SELECT "Id" FROM ${tableName(object)} WHERE ${CASCADE_ROOT_COLUMN} = ? AND ${DELETED_COLUMN} = 1`,
        ).all(rootId) as { Id: string }[];
        return rows.map((r) => r.Id);
    }

    /** Remembers that `child.field` pointed at `parentId` before the parent's delete cleared it. */
    rememberClearedLookup(parentId: string, child: ObjectDescribe, childId: string, field: string): void {
        this.prepare(
            'INSERT INTO "_cleared_lookups" (parent_id, child_object, child_id, field) VALUES (?, ?, ?, ?)',
        ).run(parentId, child.name, childId, field);
    }

    /** Lookups cleared by the delete of `parentId`, forgotten as they are returned. */
    takeClearedLookups(parentId: string): { childObject: string; childId: string; field: string }[] {
        const rows = this.prepare(
            'SELECT child_object AS childObject, child_id AS childId, field FROM "_cleared_lookups" WHERE parent_id = ?',
        ).all(parentId) as {
            childObject: string;
            childId: string;
            field: string;
        }[];
        this.prepare('DELETE FROM "_cleared_lookups" WHERE parent_id = ?').run(parentId);
        return rows;
    }

    count(object: ObjectDescribe): number {
        return (
            this.prepare(`SELECT COUNT(*) AS n FROM ${tableName(object)} WHERE ${DELETED_COLUMN} = 0`).get() as {
                n: number;
            }
        ).n;
    }
}
