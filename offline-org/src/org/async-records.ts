/**
 * Mirrors the async engine's AsyncApexJob / CronTrigger / CronJobDetail rows into the org's store, so SOQL sees them:
 * times become ISO datetimes and ApexClassName becomes ApexClassId (an ApexClass row is created for a class the
 * first time one of its jobs is recorded).
 */
import type { RecordObjectName, RecordSink } from '../async/records.js';
import { NotSupportedError } from '../data/index.js';
import type { OrgStore, Row } from '../data/index.js';

const TIME_FIELDS = new Set([
    'CreatedDate',
    'CompletedDate',
    'NextFireTime',
    'PreviousFireTime',
    'StartTime',
    'EndTime',
]);

function exists(store: OrgStore, objectName: string, id: string): boolean {
    return store.query(`SELECT Id FROM ${objectName} WHERE Id = :id`, { id }, { mode: 'system' }).rows.length > 0;
}

function apexClassId(store: OrgStore, name: string): string | null {
    if (!name) return null;
    const found = store.query('SELECT Id FROM ApexClass WHERE Name = :name', { name }, { mode: 'system' }).rows[0];
    if (found && typeof found.Id === 'string') return found.Id;
    return store.systemInsert('ApexClass', [{ Name: name }])[0] ?? null;
}

function toRow(store: OrgStore, record: Readonly<object>): Row {
    const row: Row = {};
    for (const [k, v] of Object.entries(record)) {
        if (k === 'ApexClassName') row.ApexClassId = apexClassId(store, String(v));
        else if (k === 'CreatedDate')
            continue; // kept by the store's audit fields
        else if (TIME_FIELDS.has(k)) row[k] = typeof v === 'number' ? new Date(v).toISOString() : null;
        else if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null)
            row[k] = v as string | number | boolean | null;
    }
    return row;
}

export function storeRecordSink(store: OrgStore): RecordSink {
    return {
        upsert(objectName: RecordObjectName, record) {
            const row = toRow(store, record);
            const id = record.Id;
            if (exists(store, objectName, id)) {
                delete row.Id;
                store.systemUpdate(objectName, id, row);
            } else store.systemInsert(objectName, [row]);
        },
        remove(objectName: RecordObjectName, id: string) {
            // The engine removes rows only for work it forgets (a rolled-back transaction), after the store's own
            // rollback has removed them (endOrgTransaction rolls the store back first).
            if (exists(store, objectName, id)) {
                throw new NotSupportedError(`removing the ${objectName} row ${id} of committed work`, '<async>:1');
            }
        },
    };
}
