/** Types of the DML API: options, per-record results, trigger hooks, DmlException. */
import type { Row } from '../schema-types.js';

export type DmlOperation = 'insert' | 'update' | 'delete' | 'undelete';

export interface DmlError {
    statusCode: string;
    message: string;
    fields: string[];
}

/** Database.SaveResult / UpsertResult / DeleteResult / UndeleteResult. */
export interface DmlResult {
    /** The record's Id (null when an insert failed). */
    id: string | null;
    success: boolean;
    /** Upsert only: true when the record was inserted. */
    created?: boolean;
    errors: DmlError[];
}

/** What a trigger sees (Trigger.new / old / operation) and how it reports errors (addError). */
export interface DmlHookContext {
    operation: DmlOperation;
    timing: 'before' | 'after';
    objectName: string;
    /** Trigger.new: mutable in `before` insert/update; null for delete. */
    newRows: Row[] | null;
    /** Trigger.old: null for insert and undelete. */
    oldRows: Row[] | null;
    /**
     * Marks row `index` (in newRows, or oldRows for delete) as failed, by default with FIELD_CUSTOM_VALIDATION_EXCEPTION
     * (Apex addError); the interpreter passes e.g. CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY for an unhandled trigger exception.
     */
    addError(index: number, message: string, fields?: string[], statusCode?: string): void;
}

export interface DmlHooks {
    before?(ctx: DmlHookContext): void;
    after?(ctx: DmlHookContext): void;
}

export interface DmlOptions {
    /** Default true: any failure undoes the whole statement and throws DmlException. */
    allOrNone?: boolean;
    /** Default 'system'. 'user' enforces object and field permissions of `userId`. */
    mode?: 'user' | 'system';
    /** The running user (defaults to the store's default user). */
    userId?: string;
    /**
     * Record sharing applies (a `with sharing` context): records the user may not edit or delete, and details of
     * masters they may not edit, fail. User mode applies it whatever this says.
     */
    sharing?: boolean;
    /** Upsert: the field to match on (default Id). */
    externalIdField?: string;
    hooks?: DmlHooks;
}

const VERB: Record<string, string> = {
    insert: 'Insert',
    update: 'Update',
    upsert: 'Upsert',
    delete: 'Delete',
    undelete: 'Undelete',
    merge: 'Merge',
};

/** System.DmlException: raised by an allOrNone statement with failures. */
export class DmlException extends Error {
    constructor(
        readonly operation: DmlOperation | 'upsert' | 'merge',
        readonly results: DmlResult[],
        /** Ids sent with each record (for the "with id" part of the message). */
        sentIds: (string | null)[],
    ) {
        const index = results.findIndex((r) => !r.success && r.errors.length > 0);
        const first = results[index]?.errors[0];
        const id = sentIds[index];
        const where = `row ${index}${id ? ` with id ${id}` : ''}`;
        const detail = first
            ? `${first.statusCode}, ${first.message}: [${first.fields.join(', ')}]`
            : 'UNKNOWN_EXCEPTION';
        super(`${VERB[operation] ?? operation} failed. First exception on ${where}; first error: ${detail}`);
        this.name = 'DmlException';
        this.firstFailedIndex = index;
    }

    readonly firstFailedIndex: number;
}
