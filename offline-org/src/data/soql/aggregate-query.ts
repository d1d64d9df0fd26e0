/**
 * Aggregate queries: COUNT / COUNT_DISTINCT / SUM / AVG / MIN / MAX with GROUP BY and HAVING. Result rows are
 * keyed by alias, by `exprN` for unaliased aggregates (N counts unaliased aggregates from 0), and by field name for
 * grouped fields. Query rows counted follow the platform: COUNT-only queries count 1 (or 1 per group with GROUP BY);
 * other aggregates count every row aggregated.
 */
import { QueryException } from '../errors.js';
import { setRowType } from '../row-type.js';
import type { FieldDescribe, ObjectDescribe, Row } from '../schema-types.js';
import { fromSql, type SqlValue } from '../store/codec.js';
import { makeField } from '../schema/field-factory.js';
import { DELETED_COLUMN, tableName } from '../store/sql-names.js';
import type { AggregateCall, Operand, SoqlQuery } from './ast.js';
import { conditionSql, type OperandInfo } from './conditions.js';
import { JoinPlanner } from './join-planner.js';
import { soqlErrors } from './messages.js';
import { addSharingFilter, conditionEnv, integerValue, type QueryRun } from './query-env.js';

const INTEGER = makeField('expr', 'integer');
const DOUBLE = makeField('expr', 'double');

function aggregateSql(planner: JoinPlanner, call: AggregateCall): OperandInfo {
    if (!call.path) return { sql: 'COUNT(*)', field: INTEGER };
    const r = planner.resolve(call.path);
    switch (call.fn) {
        case 'COUNT':
            return { sql: `COUNT(${r.sql})`, field: INTEGER };
        case 'COUNT_DISTINCT':
            return { sql: `COUNT(DISTINCT ${r.sql})`, field: INTEGER };
        case 'SUM':
        case 'AVG':
            if (!['integer', 'long', 'double', 'currency', 'percent'].includes(r.field.type))
                throw new QueryException(`field ${r.field.name} does not support aggregate operator ${call.fn}`);
            return { sql: `${call.fn}(${r.sql})`, field: DOUBLE };
        default:
            if (r.field.type === 'boolean' || r.field.type === 'multipicklist')
                throw new QueryException(`field ${r.field.name} does not support aggregate operator ${call.fn}`);
            return { sql: `${call.fn}(${r.sql})`, field: r.field };
    }
}

export interface AggregateOutcome {
    rows: Row[];
    rowsCounted: number;
}

export function runAggregate(run: QueryRun, query: SoqlQuery, object: ObjectDescribe): AggregateOutcome {
    const planner = new JoinPlanner(run.ctx.schema, object, 't0', query.alias, run.location);
    const groups = query.groupBy.map((p) => {
        const r = planner.resolve(p);
        if (!r.field.groupable) throw soqlErrors.notGroupable(r.field.name);
        return r;
    });
    const groupKeys = new Set(groups.map((g) => g.sql));
    const outputs: { key: string; sql: string; field: FieldDescribe }[] = [];
    let exprIndex = 0;
    let countOnly = true;
    for (const item of query.select) {
        if (item.kind === 'subquery') throw new QueryException('Aggregate queries do not support subqueries');
        if (item.kind === 'field') {
            const r = planner.resolve(item.path);
            if (!groupKeys.has(r.sql)) throw soqlErrors.notGroupedField(item.path.join('.'));
            outputs.push({ key: item.alias ?? r.name, sql: r.sql, field: r.field });
            continue;
        }
        if (item.call.fn !== 'COUNT') countOnly = false;
        const info = aggregateSql(planner, item.call);
        outputs.push({ key: item.alias ?? `expr${exprIndex++}`, sql: info.sql, field: info.field });
    }
    run.selectTouched.push(...planner.touched);
    const params: SqlValue[] = [];
    const filters: string[] = [];
    if (!run.allRows) filters.push(`t0.${DELETED_COLUMN} = 0`);
    if (query.where) filters.push(conditionSql(conditionEnv(run, planner, params), query.where, 'where'));
    addSharingFilter(run, object, 't0', filters, params);
    const whereParams = params.length;
    const aggregateOperand = (op: Operand): OperandInfo => {
        if (op.kind === 'aggregate') return aggregateSql(planner, op.call);
        const r = planner.resolve(op.path);
        if (!groupKeys.has(r.sql)) throw soqlErrors.notGroupedField(op.path.join('.'));
        return r;
    };
    const from = `FROM ${tableName(object)} t0 ${planner.joins}${filters.length ? ` WHERE ${filters.join(' AND ')}` : ''}`;
    const groupSql = groups.length ? ` GROUP BY ${groups.map((g) => g.sql).join(', ')}` : '';
    const having = query.having
        ? ` HAVING ${conditionSql(conditionEnv(run, planner, params, aggregateOperand), query.having, 'having')}`
        : '';
    const order = query.orderBy.length
        ? ` ORDER BY ${query.orderBy.map((o) => `${aggregateOperand(o.target).sql} ${o.desc ? 'DESC' : 'ASC'} NULLS ${o.nullsFirst ? 'FIRST' : 'LAST'}`).join(', ')}`
        : '';
    let sql = `SELECT ${outputs.map((o) => o.sql).join(', ')} ${from}${groupSql}${having}${order}`;
    const limit = integerValue(run, query.limit, 'LIMIT');
    const offset = integerValue(run, query.offset, 'OFFSET');
    if (limit !== null && groups.length === 0)
        throw new QueryException('A LIMIT clause is not allowed in an aggregate query without GROUP BY');
    if (limit !== null || offset !== null) {
        sql += ' LIMIT ? OFFSET ?';
        params.push(limit ?? -1, offset ?? 0);
    }
    run.touched.push(...planner.touched);
    const raw = run.ctx.io.prepare(sql).raw(true).all(params) as unknown[][];
    const rows = raw.map((values) => {
        const row: Row = setRowType({}, 'AggregateResult');
        outputs.forEach((o, i) => (row[o.key] = fromSql(values[i], o.field)));
        return row;
    });
    let rowsCounted = rows.length;
    if (!countOnly) {
        rowsCounted = (
            run.ctx.io.prepare(`SELECT COUNT(*) ${from}`).raw(true).get(params.slice(0, whereParams)) as [number]
        )[0];
    } else if (groups.length === 0) {
        rowsCounted = 1;
    }
    return { rows, rowsCounted };
}

/** `SELECT COUNT() FROM ...`: the number of matching records (after LIMIT / OFFSET). */
export function runCountOnly(run: QueryRun, query: SoqlQuery, object: ObjectDescribe): number {
    const planner = new JoinPlanner(run.ctx.schema, object, 't0', query.alias, run.location);
    const params: SqlValue[] = [];
    const filters: string[] = [];
    if (!run.allRows) filters.push(`t0.${DELETED_COLUMN} = 0`);
    if (query.where) filters.push(conditionSql(conditionEnv(run, planner, params), query.where, 'where'));
    addSharingFilter(run, object, 't0', filters, params);
    run.touched.push(...planner.touched);
    const limit = integerValue(run, query.limit, 'LIMIT');
    const offset = integerValue(run, query.offset, 'OFFSET');
    params.push(limit ?? -1, offset ?? 0);
    const sql = `SELECT COUNT(*) FROM (SELECT 1 FROM ${tableName(object)} t0 ${planner.joins}${filters.length ? ` WHERE ${filters.join(' AND ')}` : ''} LIMIT ? OFFSET ?)`;
    return (run.ctx.io.prepare(sql).raw(true).get(params) as [number])[0];
}
