/** Creates one SQLite table per queryable/storable SObject of the schema, with indexes for lookups and keys. */
import type Database from 'better-sqlite3';
import type { Schema } from '../schema/schema.js';
import { CASCADE_ROOT_COLUMN, DELETED_COLUMN, columnName, columnType, hasColumn, tableName } from './sql-names.js';

export function createTables(db: Database.Database, schema: Schema): void {
    for (const name of schema.objectNames()) {
        const object = schema.getObject(name);
        if (!object) continue;
        const columns: string[] = [];
        for (const f of object.fields.values()) {
            if (!hasColumn(f) || f.name === 'IsDeleted') continue;
            columns.push(
                f.name === 'Id' ? `"Id" TEXT PRIMARY KEY COLLATE BINARY` : `${columnName(f)} ${columnType(f)}`,
            );
        }
        columns.push(`${DELETED_COLUMN} INTEGER NOT NULL DEFAULT 0`, `${CASCADE_ROOT_COLUMN} TEXT`);
        const table = tableName(object);
        db.exec(`CREATE TABLE IF NOT EXISTS ${table} (${columns.join(', ')})`);
        for (const f of object.fields.values()) {
            if (!hasColumn(f) || f.name === 'Id' || f.name === 'CreatedById' || f.name === 'LastModifiedById') continue;
            if (f.type === 'reference' || f.unique || f.externalId || f.nameField) {
                db.exec(
                    `CREATE INDEX IF NOT EXISTS "ix_${object.name.toLowerCase()}_${f.name.toLowerCase()}" ON ${table} (${columnName(f)})`,
                );
            }
        }
    }
    db.exec('CREATE TABLE IF NOT EXISTS "_meta" (key TEXT PRIMARY KEY, value TEXT)');
    // Lookups cleared because their parent was deleted, so that undelete can restore them.
    db.exec(
        'CREATE TABLE IF NOT EXISTS "_cleared_lookups" (parent_id TEXT, child_object TEXT, child_id TEXT, field TEXT)',
    );
    db.exec('CREATE INDEX IF NOT EXISTS "ix_cleared_lookups" ON "_cleared_lookups" (parent_id)');
}
