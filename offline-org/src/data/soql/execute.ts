/** Runs a SOQL query against an org store: parse, check permissions, run SQL, shape rows, count query rows. */
import type { ObjectDescribe, Row } from '../schema-types.js';
import type { SoqlQuery } from './ast.js';
import type { DataContext } from '../store/data-context.js';
import { runAggregate, runCountOnly } from './aggregate-query.js';
import { memoized, toResolver, type Binds } from './binds.js';
import { attachChildRows } from './child-queries.js';
import { parseSoql } from './parse.js';
import { enforceSecurityEnforced, enforceUserMode } from './query-security.js';
import { queryObject, type QueryRun } from './query-env.js';
import { buildRecordSql, shapeRows } from './record-query.js';

export interface QueryOptions {
    /** Default 'system' (Apex's default); `WITH USER_MODE` / `WITH SYSTEM_MODE` in the query win. */
    mode?: 'user' | 'system';
    /** The running user (defaults to the store's default user). */
    userId?: string;
    /**
     * Record sharing applies (a `with sharing` context): only the records the running user may read are seen. User
     * mode applies it whatever this says.
     */
    sharing?: boolean;
    /** `file:line` of the query in Apex source, for "not supported" errors. */
    location?: string;
    /** The running user's time zone for date literals (default: the org's). */
    timeZone?: string;
}

export interface QueryResult {
    rows: Row[];
    /** Number of records (for COUNT(): the count). */
    totalSize: number;
    isAggregate: boolean;
    /** Rows counted against the query-rows governor limit (child rows included). */
    queryRowsCounted: number;
}

/** A parsed query ready to run: its object, the run state, and the permission check to apply once resolved. */
export interface PreparedQuery {
    query: SoqlQuery;
    run: QueryRun;
    object: ObjectDescribe;
    enforce: () => void;
}

export function prepareQuery(ctx: DataContext, soql: string, binds: Binds, opts: QueryOptions): PreparedQuery {
    const location = opts.location ?? '<soql>:1';
    const query = parseSoql(soql, location);
    const run: QueryRun = {
        ctx,
        binds: memoized(toResolver(binds)),
        location,
        timeZone: opts.timeZone ?? ctx.timeZone,
        allRows: query.allRows,
        touched: [],
        selectTouched: [],
        aliasCounter: 0,
        visible: null,
    };
    const object = queryObject(run, query.from);
    const userId = opts.userId ?? ctx.defaultUserId;
    const mode =
        query.withMode === 'USER_MODE' ? 'user' : query.withMode === 'SYSTEM_MODE' ? 'system' : (opts.mode ?? 'system');
    // Pricebook2 is read whatever the sharing (Apex Developer Guide, "Enforcing Sharing Rules").
    if (mode === 'user' || opts.sharing === true)
        run.visible = (o, alias) => (o.name === 'Pricebook2' ? null : ctx.sharing.filter(o, alias, userId, 'read'));
    const enforce = (): void => {
        if (mode === 'user') enforceUserMode(ctx.permissions, userId, object, run.touched);
        if (query.withMode === 'SECURITY_ENFORCED')
            enforceSecurityEnforced(ctx.permissions, userId, object, run.selectTouched);
    };
    return { query, run, object, enforce };
}

/** True for queries returning aggregate rows or a count. */
export function isAggregateQuery(query: SoqlQuery): boolean {
    return query.groupBy.length > 0 || query.select.some((s) => s.kind === 'aggregate');
}

export function executeQuery(ctx: DataContext, soql: string, binds: Binds, opts: QueryOptions = {}): QueryResult {
    const { query, run, object, enforce } = prepareQuery(ctx, soql, binds, opts);
    const first = query.select[0];
    if (
        query.select.length === 1 &&
        first?.kind === 'aggregate' &&
        first.call.fn === 'COUNT' &&
        first.call.path === null &&
        first.alias === null &&
        query.groupBy.length === 0
    ) {
        const count = runCountOnly(run, query, object);
        enforce();
        return { rows: [], totalSize: count, isAggregate: false, queryRowsCounted: 1 };
    }
    if (isAggregateQuery(query)) {
        const { rows, rowsCounted } = runAggregate(run, query, object);
        enforce();
        return { rows, totalSize: rows.length, isAggregate: true, queryRowsCounted: rowsCounted };
    }
    const built = buildRecordSql(run, query, object, 't0', null, true);
    const subqueries = query.select.flatMap((s) => (s.kind === 'subquery' ? [s.query] : []));
    // Resolve child subqueries before running anything, so name and permission errors come first.
    for (const sub of subqueries) attachChildRows(run, object, [], sub);
    enforce();
    const raw = ctx.io.prepare(built.sql).raw(true).all(built.params) as unknown[][];
    const rows = shapeRows(raw, built.columns, object.name);
    let counted = rows.length;
    for (const sub of subqueries) counted += attachChildRows(run, object, rows, sub);
    return { rows, totalSize: rows.length, isAggregate: false, queryRowsCounted: counted };
}
