/**
 * Transactions over SQLite: begin / commit / rollback, Apex savepoints (Database.setSavepoint / rollback) and the
 * short-lived internal savepoints a DML statement uses to undo its own effects.
 */
import type Database from 'better-sqlite3';

/** An Apex savepoint (Database.Savepoint). */
export interface Savepoint {
    readonly name: string;
}

export class TransactionManager {
    private readonly stack: string[] = [];
    private counter = 0;

    constructor(private readonly db: Database.Database) {}

    get inTransaction(): boolean {
        return this.db.inTransaction;
    }

    begin(): void {
        if (this.db.inTransaction) throw new Error('A transaction is already open');
        this.db.exec('BEGIN');
        this.stack.length = 0;
    }

    commit(): void {
        if (this.db.inTransaction) this.db.exec('COMMIT');
        this.stack.length = 0;
    }

    rollback(): void {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        this.stack.length = 0;
    }

    /** Database.setSavepoint(): opens the transaction if none is open. */
    setSavepoint(): Savepoint {
        if (!this.db.inTransaction) this.begin();
        const name = `apex_sp_${++this.counter}`;
        this.db.exec(`SAVEPOINT ${name}`);
        this.stack.push(name);
        return { name };
    }

    /** Database.rollback(sp): undoes everything after `sp`; savepoints set after it become invalid. */
    rollbackTo(sp: Savepoint): void {
        const index = this.stack.indexOf(sp.name);
        if (index === -1) throw new Error('Savepoint does not exist in this context');
        this.db.exec(`ROLLBACK TO ${sp.name}`);
        this.stack.length = index + 1;
    }

    /** Database.releaseSavepoint(sp): forgets `sp` and every savepoint after it, keeping their changes. */
    release(sp: Savepoint): void {
        const index = this.stack.indexOf(sp.name);
        if (index === -1) throw new Error('Savepoint does not exist in this context');
        this.db.exec(`RELEASE ${sp.name}`);
        this.stack.length = index;
    }

    /** Runs `work` inside an internal savepoint; `work` returns false to undo its changes. */
    atomically<T>(work: () => { keep: boolean; value: T }): T {
        const name = `dml_sp_${++this.counter}`;
        const depth = this.stack.length;
        this.db.exec(`SAVEPOINT ${name}`);
        try {
            const { keep, value } = work();
            if (!keep) this.db.exec(`ROLLBACK TO ${name}`);
            this.db.exec(`RELEASE ${name}`);
            this.stack.length = Math.min(this.stack.length, depth);
            return value;
        } catch (e) {
            this.db.exec(`ROLLBACK TO ${name}`);
            this.db.exec(`RELEASE ${name}`);
            this.stack.length = Math.min(this.stack.length, depth);
            throw e;
        }
    }
}
