/**
 * Query cursors (Database.Cursor, QueryLocator, SOQL for-loops over large results): the matching record Ids are
 * fixed when the cursor opens (binds evaluated once), and each fetch reads a slice of them with every selected field,
 * relationship and child subquery. DML between fetches does not shift positions. Bind values are those of the open.
 */
import { QueryException } from '../errors.js';
import type { Row } from '../schema-types.js';
import type { DataContext } from '../store/data-context.js';
import type { Binds } from './binds.js';
import { attachChildRows } from './child-queries.js';
import { isAggregateQuery, prepareQuery, type QueryOptions, type QueryResult } from './execute.js';
import type { QueryRun } from './query-env.js';
import { buildRecordSql, shapeRows } from './record-query.js';

export interface QueryCursor {
    /** Number of records matched when the cursor was opened. */
    readonly size: number;
    /** Records [position, position + count), in query order. */
    fetch(position: number, count: number): QueryResult;
}

export function openCursor(ctx: DataContext, soql: string, binds: Binds, opts: QueryOptions = {}): QueryCursor {
    const prepared = prepareQuery(ctx, soql, binds, opts);
    const { query, object } = prepared;
    if (isAggregateQuery(query)) throw new QueryException('Aggregate queries are not supported by query cursors');
    const built = buildRecordSql(prepared.run, query, object, 't0', null, true);
    const subqueries = query.select.flatMap((s) => (s.kind === 'subquery' ? [s.query] : []));
    for (const sub of subqueries) attachChildRows(prepared.run, object, [], sub);
    prepared.enforce();
    const ids: string[] = [];
    for (const raw of ctx.io.prepare(built.sql).raw(true).iterate(built.params) as Iterable<unknown[]>)
        ids.push(raw[0] as string);
    return {
        size: ids.length,
        fetch(position: number, count: number): QueryResult {
            if (!Number.isInteger(position) || !Number.isInteger(count) || position < 0 || count < 0)
                throw new QueryException('Invalid cursor position or count');
            const slice = ids.slice(position, position + count);
            if (slice.length === 0) return { rows: [], totalSize: 0, isAggregate: false, queryRowsCounted: 0 };
            const run: QueryRun = { ...prepared.run, touched: [], selectTouched: [], aliasCounter: 0 };
            const extra = { sql: 't0."Id" IN (SELECT value FROM json_each(?))', params: [JSON.stringify(slice)] };
            const page = buildRecordSql(
                run,
                { ...query, where: null, limit: null, offset: null, orderBy: [] },
                object,
                't0',
                extra,
                false,
            );
            const byId = new Map<string, Row>();
            for (const row of shapeRows(
                ctx.io.prepare(page.sql).raw(true).all(page.params) as unknown[][],
                page.columns,
                object.name,
            ))
                byId.set(row.Id as string, row);
            const rows = slice.map((id) => byId.get(id)).filter((r): r is Row => r !== undefined);
            let counted = rows.length;
            for (const sub of subqueries) counted += attachChildRows(run, object, rows, sub);
            return { rows, totalSize: rows.length, isAggregate: false, queryRowsCounted: counted };
        },
    };
}
