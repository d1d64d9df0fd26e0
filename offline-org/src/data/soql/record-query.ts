/**
 * Non-aggregate SELECT: the root object's fields, parent fields through relationships (as nested rows, null when
 * the parent is empty), ORDER BY with SOQL's null ordering, LIMIT / OFFSET; child subqueries are attached after.
 */
import type { FieldDescribe, ObjectDescribe, Row } from '../schema-types.js';
import { fromSql, type SqlValue } from '../store/codec.js';
import { DELETED_COLUMN, tableName } from '../store/sql-names.js';
import type { OrderItem, SoqlQuery } from './ast.js';
import { conditionSql } from './conditions.js';
import { JoinPlanner } from './join-planner.js';
import { soqlErrors } from './messages.js';
import { addSharingFilter, conditionEnv, integerValue, type QueryRun } from './query-env.js';
import { QueryException } from '../errors.js';
import { setRowType } from '../row-type.js';

export type Column =
    | { kind: 'field'; relPath: string[]; name: string; field: FieldDescribe; sql: string }
    | { kind: 'relation'; relPath: string[] };

export interface RecordSql {
    sql: string;
    params: SqlValue[];
    columns: Column[];
    planner: JoinPlanner;
}

/** Text types a field may be case-sensitive in. */
const CASE_SENSITIVE_TEXT: ReadonlySet<string> = new Set(['string', 'textarea', 'email', 'phone', 'url']);

export function orderSql(planner: JoinPlanner, items: OrderItem[]): string {
    if (items.length === 0) return '';
    const parts = items.map((o) => {
        if (o.target.kind !== 'field')
            throw new QueryException('Ordering by an aggregate is only allowed in aggregate queries');
        const r = planner.resolve(o.target.path);
        if (!r.field.sortable) throw soqlErrors.notSortable(r.field.name);
        // Text sorts without regard to case, a case-sensitive field's too (its column compares case-sensitively).
        const sortSql =
            r.field.caseSensitive && CASE_SENSITIVE_TEXT.has(r.field.type) ? `${r.sql} COLLATE NOCASE` : r.sql;
        return `${sortSql} ${o.desc ? 'DESC' : 'ASC'} NULLS ${o.nullsFirst ? 'FIRST' : 'LAST'}`;
    });
    return ` ORDER BY ${parts.join(', ')}`;
}

/** Builds the SQL of a record query over `object` (root or child), with extra WHERE SQL if given. */
export function buildRecordSql(
    run: QueryRun,
    query: SoqlQuery,
    object: ObjectDescribe,
    alias: string,
    extraWhere: { sql: string; params: SqlValue[] } | null,
    paginate: boolean,
): RecordSql {
    const planner = new JoinPlanner(run.ctx.schema, object, alias, query.alias, run.location);
    const columns: Column[] = [];
    const seen = new Set<string>();
    const addField = (path: string[]): void => {
        const r = planner.resolve(path);
        const key = [...r.relPath, r.name].join('.').toLowerCase();
        if (seen.has(key)) return;
        seen.add(key);
        columns.push({ kind: 'field', relPath: r.relPath, name: r.name, field: r.field, sql: r.sql });
    };
    addField(['Id']);
    for (const item of query.select) if (item.kind === 'field') addField(item.path);
    const selectTouched = planner.touched.length;
    const relations = new Map<string, string[]>();
    for (const c of columns) {
        for (let i = 1; i <= c.relPath.length; i++)
            relations.set(c.relPath.slice(0, i).join('.').toLowerCase(), c.relPath.slice(0, i));
    }
    const selectSql: string[] = columns.map((c) => (c.kind === 'field' ? c.sql : ''));
    for (const relPath of relations.values()) {
        columns.push({ kind: 'relation', relPath });
        selectSql.push(planner.relationTypeSql(relPath));
    }
    const params: SqlValue[] = [];
    const filters: string[] = [];
    if (!run.allRows) filters.push(`${alias}.${DELETED_COLUMN} = 0`);
    if (query.where) filters.push(conditionSql(conditionEnv(run, planner, params), query.where, 'where'));
    addSharingFilter(run, object, alias, filters, params);
    if (extraWhere) {
        filters.push(extraWhere.sql);
        params.push(...extraWhere.params);
    }
    const order = orderSql(planner, query.orderBy);
    let sql = `SELECT ${selectSql.join(', ')} FROM ${tableName(object)} ${alias} ${planner.joins}${filters.length ? ` WHERE ${filters.join(' AND ')}` : ''}${order}`;
    if (paginate) {
        const limit = integerValue(run, query.limit, 'LIMIT');
        const offset = integerValue(run, query.offset, 'OFFSET');
        if (limit !== null || offset !== null) {
            sql += ' LIMIT ? OFFSET ?';
            params.push(limit ?? -1, offset ?? 0);
        }
    }
    run.selectTouched.push(...planner.touched.slice(0, selectTouched));
    run.touched.push(...planner.touched);
    return { sql, params, columns, planner };
}

/** Turns raw SQL rows into nested Rows typed with their object, keys in SELECT order; an empty relationship is null. */
export function shapeRows(raw: unknown[][], columns: Column[], objectName: string): Row[] {
    const relationIndex = new Map<string, number>();
    columns.forEach((c, i) => {
        if (c.kind === 'relation') relationIndex.set(c.relPath.join('.').toLowerCase(), i);
    });
    return raw.map((values) => {
        const root: Row = setRowType({}, objectName);
        const containers = new Map<string, Row | null>([['', root]]);
        const container = (relPath: string[]): Row | null => {
            const key = relPath.join('.').toLowerCase();
            const known = containers.get(key);
            if (known !== undefined) return known;
            const parent = container(relPath.slice(0, -1));
            let row: Row | null = null;
            if (parent) {
                const name = relPath[relPath.length - 1];
                const type = values[relationIndex.get(key) ?? -1];
                row = typeof type === 'string' ? setRowType({}, type) : null;
                parent[name] = row;
            }
            containers.set(key, row);
            return row;
        };
        columns.forEach((c, i) => {
            if (c.kind !== 'field') return;
            const target = container(c.relPath);
            if (target) target[c.name] = fromSql(values[i], c.field);
        });
        return root;
    });
}
