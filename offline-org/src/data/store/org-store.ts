/**
 * One offline org: a SQLite database (in memory, or a file) with a table per SObject of the schema, and the
 * operations the interpreter calls: SOQL, DML, transactions and savepoints, system writes.
 */
import Database from 'better-sqlite3';
import { IdGenerator, isValidId, keyPrefixOf, to18 } from '../ids/ids.js';
import type { Schema } from '../schema/schema.js';
import type { Row } from '../schema-types.js';
import { mergeRecords, type MergeResult } from '../dml/merge.js';
import { deleteRecords, undeleteRecords } from '../dml/remove.js';
import { save } from '../dml/save.js';
import type { DmlOptions, DmlResult } from '../dml/types.js';
import { upsertRecords } from '../dml/upsert.js';
import { PermissionModel, type UserDirectory } from '../security/permission-model.js';
import type { Binds } from '../soql/binds.js';
import { openCursor, type QueryCursor } from '../soql/cursor.js';
import { executeQuery, type QueryOptions, type QueryResult } from '../soql/execute.js';
import { AutoNumbers } from './auto-numbers.js';
import type { DataContext } from './data-context.js';
import { RecordSharing } from '../security/record-sharing.js';
import { RecordIO } from './record-io.js';
import { seedOrg, type SeedResult } from './seed.js';
import { systemInsert, systemUpdate } from './system-write.js';
import { createTables } from './tables.js';
import { TransactionManager, type Savepoint } from './transactions.js';

export interface OrgStoreOptions {
    /** A database file; default in memory. */
    file?: string;
    /** The clock (default: the real time). Timestamps and date literals use it. */
    clock?: () => Date;
    /** The org's IANA time zone (default UTC). */
    timeZone?: string;
    /**
     * The two characters after an Id's key prefix (default `5g`). A second org (the REST face's target) takes another
     * pod, so that no Id of one org is ever a valid Id in the other.
     */
    idPod?: string;
}

/** SOQL INCLUDES: does the `;`-joined value hold every `;`-joined term (case-insensitive)? */
function includesAll(value: unknown, terms: unknown): number {
    if (typeof value !== 'string' || typeof terms !== 'string') return 0;
    const have = new Set(value.split(';').map((v) => v.trim().toLowerCase()));
    return terms.split(';').every((t) => have.has(t.trim().toLowerCase())) ? 1 : 0;
}

export class OrgStore implements DataContext {
    readonly db: Database.Database;
    readonly io: RecordIO;
    readonly tx: TransactionManager;
    readonly ids: IdGenerator;
    readonly autoNumbers: AutoNumbers;
    readonly permissions: PermissionModel;
    readonly sharing: RecordSharing;
    readonly timeZone: string;
    private readonly clock: () => Date;
    private userId = '';
    private seedInfo: SeedResult | undefined;

    constructor(
        readonly schema: Schema,
        options: OrgStoreOptions = {},
    ) {
        this.db = new Database(options.file ?? ':memory:');
        this.db.pragma('journal_mode = MEMORY');
        this.db.pragma('synchronous = OFF');
        this.db.function('soql_includes', { deterministic: true }, includesAll);
        this.clock = options.clock ?? (() => new Date());
        this.timeZone = options.timeZone ?? 'UTC';
        this.io = new RecordIO(this.db);
        this.tx = new TransactionManager(this.db);
        this.autoNumbers = new AutoNumbers(this.io);
        this.permissions = new PermissionModel(schema, this.userDirectory());
        this.sharing = new RecordSharing(schema, this.db, this.permissions);
        createTables(this.db, schema);
        const meta = (key: string): string | undefined =>
            (this.db.prepare('SELECT value FROM "_meta" WHERE key = ?').get(key) as { value: string } | undefined)
                ?.value;
        this.ids = new IdGenerator(Number(meta('idCounter') ?? '1'), options.idPod);
        const existingUser = meta('defaultUserId');
        if (existingUser) this.userId = existingUser;
        else {
            this.seedInfo = seedOrg(this, (id) => (this.userId = id));
            this.saveMeta();
        }
    }

    get defaultUserId(): string {
        return this.userId;
    }

    /** Ids of the seeded Organization, default user and profiles (only for a store created fresh). */
    get seeded(): SeedResult | undefined {
        return this.seedInfo;
    }

    now(): Date {
        return this.clock();
    }

    private saveMeta(): void {
        const put = this.db.prepare('INSERT OR REPLACE INTO "_meta" (key, value) VALUES (?, ?)');
        put.run('idCounter', String(this.ids.counter));
        put.run('defaultUserId', this.userId);
    }

    private userDirectory(): UserDirectory {
        return {
            profileName: (userId) =>
                (
                    this.db
                        .prepare(
                            'SELECT p."Name" AS n FROM "o_user" u JOIN "o_profile" p ON p."Id" = u."ProfileId" WHERE u."Id" = ?',
                        )
                        .get(userId) as { n: string } | undefined
                )?.n,
            permissionSetNames: (userId) =>
                (
                    this.db
                        .prepare(
                            'SELECT ps."Name" AS n FROM "o_permissionsetassignment" a JOIN "o_permissionset" ps ON ps."Id" = a."PermissionSetId" WHERE a."AssigneeId" = ? AND a."IsDeleted" = 0',
                        )
                        .all(userId) as { n: string }[]
                ).map((r) => r.n),
        };
    }

    /** A new Id for an object (without inserting anything). */
    newId(objectName: string): string {
        const object = this.schema.getObject(objectName);
        if (!object) throw new Error(`sObject type '${objectName}' is not supported.`);
        return this.ids.newId(object.keyPrefix);
    }

    query(soql: string, binds?: Binds, options: QueryOptions = {}): QueryResult {
        return executeQuery(this, soql, binds, options);
    }

    /** Opens a cursor over a record query (Database.Cursor / QueryLocator / SOQL for-loops): Ids fixed at open. */
    openCursor(soql: string, binds?: Binds, options: QueryOptions = {}): QueryCursor {
        return openCursor(this, soql, binds, options);
    }

    insert(objectName: string, rows: Row[], options?: DmlOptions): DmlResult[] {
        return save(this, objectName, 'insert', rows, options);
    }

    update(objectName: string, rows: Row[], options?: DmlOptions): DmlResult[] {
        return save(this, objectName, 'update', rows, options);
    }

    upsert(objectName: string, rows: Row[], options?: DmlOptions): DmlResult[] {
        return upsertRecords(this, objectName, rows, options);
    }

    /** Database.merge: `master` (with Id and the fields to set) absorbs one or two duplicates. */
    merge(objectName: string, master: Row, duplicateIds: string[], options?: DmlOptions): MergeResult {
        return mergeRecords(this, objectName, master, duplicateIds, options);
    }

    delete(objectName: string, ids: (string | null)[], options?: DmlOptions): DmlResult[] {
        return deleteRecords(this, objectName, ids, options);
    }

    undelete(objectName: string, ids: (string | null)[], options?: DmlOptions): DmlResult[] {
        return undeleteRecords(this, objectName, ids, options);
    }

    /** Platform-owned writes (AsyncApexJob, CronTrigger ...): no triggers, validation or permission checks. */
    systemInsert(objectName: string, rows: Row[]): string[] {
        return systemInsert(this, objectName, rows);
    }

    systemUpdate(objectName: string, id: string, changes: Row): void {
        systemUpdate(this, objectName, id, changes);
    }

    /**
     * Test.setCreatedDate: sets the CreatedDate of an existing record that is not deleted, and nothing else (no
     * triggers, no other audit field). Returns false when there is no such record.
     */
    setCreatedDate(id: string, createdDate: string): boolean {
        if (!isValidId(id)) return false;
        const object = this.schema.objectByKeyPrefix(keyPrefixOf(id));
        if (!object?.fields.has('createddate')) return false;
        const id18 = to18(id);
        if (this.io.isDeleted(object, id18) !== false) return false;
        this.io.updateRow(object, id18, { CreatedDate: createdDate });
        return true;
    }

    begin(): void {
        this.tx.begin();
    }

    setSavepoint(): Savepoint {
        return this.tx.setSavepoint();
    }

    rollbackTo(savepoint: Savepoint): void {
        this.tx.rollbackTo(savepoint);
    }

    releaseSavepoint(savepoint: Savepoint): void {
        this.tx.release(savepoint);
    }

    commit(): void {
        this.tx.commit();
        this.saveMeta();
    }

    rollback(): void {
        this.tx.rollback();
    }

    get inTransaction(): boolean {
        return this.tx.inTransaction;
    }

    close(): void {
        if (this.db.inTransaction) this.tx.rollback();
        this.saveMeta();
        this.db.close();
    }
}
