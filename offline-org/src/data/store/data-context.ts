/** What the DML and SOQL modules share from an OrgStore. */
import type Database from 'better-sqlite3';
import type { IdGenerator } from '../ids/ids.js';
import type { Schema } from '../schema/schema.js';
import type { PermissionModel } from '../security/permission-model.js';
import type { RecordSharing } from '../security/record-sharing.js';
import type { AutoNumbers } from './auto-numbers.js';
import type { RecordIO } from './record-io.js';
import type { TransactionManager } from './transactions.js';

export interface DataContext {
    readonly schema: Schema;
    readonly db: Database.Database;
    readonly io: RecordIO;
    readonly tx: TransactionManager;
    readonly ids: IdGenerator;
    readonly autoNumbers: AutoNumbers;
    readonly permissions: PermissionModel;
    /** Record-level access, where sharing applies. */
    readonly sharing: RecordSharing;
    readonly defaultUserId: string;
    /** The injectable clock. */
    now(): Date;
    /** The org's time zone (IANA), for date literals. */
    readonly timeZone: string;
}
