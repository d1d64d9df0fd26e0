/** The per-query state shared by the builders: planner, parameters, binds, clock, and the options in force. */
import { NotSupportedError, QueryException } from '../errors.js';
import type { ObjectDescribe } from '../schema-types.js';
import type { SqlValue } from '../store/codec.js';
import type { DataContext } from '../store/data-context.js';
import { DELETED_COLUMN, tableName } from '../store/sql-names.js';
import type { Operand, SoqlQuery, SoqlValue } from './ast.js';
import type { BindResolver } from './binds.js';
import { conditionSql, type ConditionEnv, type OperandInfo } from './conditions.js';
import { JoinPlanner, type TouchedField } from './join-planner.js';
import { soqlErrors } from './messages.js';
import type { SqlFilter } from '../security/record-sharing.js';

export interface QueryRun {
    ctx: DataContext;
    binds: BindResolver;
    location: string;
    /** The time zone date literals are evaluated in (the running user's, else the org's). */
    timeZone: string;
    allRows: boolean;
    /** Every (object, field) the query reads, for USER_MODE. */
    touched: TouchedField[];
    /** The fields of the SELECT lists only, for WITH SECURITY_ENFORCED. */
    selectTouched: TouchedField[];
    aliasCounter: number;
    /** Where sharing applies: the condition keeping the rows of an object (as an alias) the user may read. */
    visible: ((object: ObjectDescribe, alias: string) => SqlFilter | null) | null;
}

/** The sharing condition on `alias` (rows of `object`), added to `filters` and `params`, when sharing applies. */
export function addSharingFilter(
    run: QueryRun,
    object: ObjectDescribe,
    alias: string,
    filters: string[],
    params: SqlValue[],
): void {
    const visible = run.visible?.(object, alias);
    if (!visible) return;
    filters.push(visible.sql);
    params.push(...visible.params);
}

/** Resolves the object a query reads from, with the platform's message when unknown. */
export function queryObject(run: QueryRun, name: string): ObjectDescribe {
    const object = run.ctx.schema.getObject(name);
    // A name without a suffix is a standard object: the platform has hundreds (EntityDefinition, Pricebook2, ...)
    // the offline org does not model; answering that it does not exist would be wrong in silence.
    if (!object && !name.includes('__'))
        throw new NotSupportedError(`SOQL on ${name}, a standard object the offline org does not model`, run.location);
    if (!object || !object.queryable) throw soqlErrors.noSuchObject(name);
    return object;
}

/** Builds a condition environment over a planner. `aggregate` resolves aggregate operands (HAVING). */
export function conditionEnv(
    run: QueryRun,
    planner: JoinPlanner,
    params: SqlValue[],
    aggregate?: (op: Operand) => OperandInfo,
): ConditionEnv {
    return {
        params,
        binds: run.binds,
        now: run.ctx.now(),
        timeZone: run.timeZone,
        location: run.location,
        operand(op, clause) {
            if (op.kind === 'aggregate') {
                if (clause === 'where' || !aggregate)
                    throw new QueryException(
                        'Aggregate functions are only allowed in the SELECT list, HAVING and ORDER BY',
                    );
                return aggregate(op);
            }
            return planner.resolve(op.path);
        },
        semiJoin: (query) => semiJoinSql(run, query, params),
    };
}

/** `SELECT <one field> FROM <object> WHERE ...` used inside IN (...). */
function semiJoinSql(run: QueryRun, query: SoqlQuery, params: SqlValue[]): string {
    const object = queryObject(run, query.from);
    const alias = `s${++run.aliasCounter}`;
    const planner = new JoinPlanner(run.ctx.schema, object, alias, query.alias, run.location);
    const first = query.select[0];
    if (query.select.length !== 1 || !first || first.kind !== 'field')
        throw new QueryException('semi join sub-selects must select exactly one field');
    const column = planner.resolve(first.path);
    if (column.field.type !== 'id' && column.field.type !== 'reference')
        throw new QueryException('semi join sub-selects can only select Id or reference fields');
    const where = query.where ? ` AND ${conditionSql(conditionEnv(run, planner, params), query.where, 'where')}` : '';
    const sharing: string[] = [];
    addSharingFilter(run, object, alias, sharing, params);
    run.touched.push(...planner.touched);
    return `SELECT ${column.sql} FROM ${tableName(object)} ${alias} ${planner.joins} WHERE ${alias}.${DELETED_COLUMN} = 0 AND ${column.sql} IS NOT NULL${where}${sharing.map((s) => ` AND ${s}`).join('')}`;
}

/** A LIMIT / OFFSET value (literal or bind) as a non-negative integer. */
export function integerValue(run: QueryRun, value: SoqlValue | null, what: string): number | null {
    if (!value) return null;
    const raw = value.kind === 'literal' ? value.value : value.kind === 'bind' ? run.binds(value.text) : null;
    if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0)
        throw new QueryException(`${what} must be a non-negative integer`);
    return raw;
}
