/**
 * The data layer's DML hooks, running the project's triggers: rows become Trigger.new / Trigger.old SObjects,
 * field changes made in before triggers are written back to the rows being saved, `addError` messages become
 * per-record DML errors, and an exception escaping a trigger fails the records with
 * CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY, as on the platform.
 */
import type { DmlHookContext, DmlHooks, Row, SchemaProvider } from '../data/index.js';
import type { Runtime } from '../apex/interpreter/runtime.js';
import { exceptionTypeName } from '../apex/runtime/exceptions.js';
import { ApexThrow, SObjectValue } from '../apex/runtime/values.js';
import { rowToSObject, sobjectToRow } from './records.js';

function recordsOf(schema: SchemaProvider, objectName: string, rows: Row[] | null): SObjectValue[] | null {
    return rows ? rows.map((r) => rowToSObject(schema, objectName, r)) : null;
}

function writeBack(schema: SchemaProvider, records: SObjectValue[], rows: Row[]): void {
    records.forEach((so, i) => {
        const row = rows[i];
        for (const [name, value] of Object.entries(sobjectToRow(schema, so))) {
            if (row[name] !== value) row[name] = value;
        }
    });
}

function eventWord(ctx: DmlHookContext): string {
    const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
    return cap(ctx.timing) + cap(ctx.operation);
}

/** Fails every record of the invocation with the platform's report of an unhandled trigger exception. */
function reportTriggerException(rt: Runtime, ctx: DmlHookContext, e: ApexThrow, count: number): void {
    const exc = e.exc.exc!;
    const frame = /Trigger\.([A-Za-z0-9_]+): line \d+, column \d+/.exec(exc.stack);
    const trigger = frame ? frame[1] : ctx.objectName;
    const message =
        `${trigger}: execution of ${eventWord(ctx)}\n\ncaused by: ${exceptionTypeName(e.exc.cls)}: ` +
        `${rt.stringOf(exc.message)}\n\n${frame ? frame[0] : ''}`;
    for (let i = 0; i < count; i++) ctx.addError(i, message, [], 'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY');
}

export function triggerHooks(rt: Runtime, schema: SchemaProvider): DmlHooks | undefined {
    if (rt.triggers.length === 0) return undefined;
    const run = (ctx: DmlHookContext): void => {
        const event = `${ctx.timing} ${ctx.operation}`;
        const object = ctx.objectName.toLowerCase();
        if (!rt.triggers.some((t) => t.decl.object.toLowerCase() === object && t.decl.events.includes(event))) return;
        const newRecords = recordsOf(schema, ctx.objectName, ctx.newRows);
        const oldRecords = recordsOf(schema, ctx.objectName, ctx.oldRows);
        const records = newRecords ?? oldRecords ?? [];
        try {
            rt.runTriggers({ objectName: ctx.objectName, event, newRecords, oldRecords });
        } catch (e) {
            if (!(e instanceof ApexThrow) || exceptionTypeName(e.exc.cls) === 'System.LimitException') throw e;
            reportTriggerException(rt, ctx, e, records.length);
            return;
        }
        records.forEach((so, i) => {
            for (const e of so.errors) ctx.addError(i, e.message, e.field ? [e.field] : []);
        });
        if (ctx.timing === 'before' && newRecords && ctx.newRows && ctx.operation !== 'delete') {
            writeBack(schema, newRecords, ctx.newRows);
        }
    };
    return { before: run, after: run };
}
