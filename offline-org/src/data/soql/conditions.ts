/**
 * Translates WHERE / HAVING conditions to SQL with SOQL's semantics: case-insensitive text comparison, `!=` and
 * NOT IN matching nulls, LIKE with `\` escapes, INCLUDES / EXCLUDES on multi-select picklists, date literals as
 * ranges in the org's time zone, 15/18-character Id equivalence, bind lists, and semi-joins.
 */
import { NotSupportedError, QueryException } from '../errors.js';
import { isValidId, to18 } from '../ids/ids.js';
import type { FieldDescribe, FieldType, StorageValue } from '../schema-types.js';
import type { SqlValue } from '../store/codec.js';
import type { Condition, Operand, Operator, SoqlQuery, SoqlValue } from './ast.js';
import type { BindResolver } from './binds.js';
import { dateLiteralBounds } from './date-literals.js';
import { soqlErrors } from './messages.js';

/** A resolved left-hand side: its SQL and the type its values have. */
export interface OperandInfo {
    sql: string;
    field: FieldDescribe;
}

export interface ConditionEnv {
    params: SqlValue[];
    binds: BindResolver;
    now: Date;
    timeZone: string;
    location: string;
    operand(op: Operand, clause: 'where' | 'having'): OperandInfo;
    /** SQL for a semi-join sub-select returning one column. */
    semiJoin(query: SoqlQuery): string;
}

const TEXT_TYPES: ReadonlySet<FieldType> = new Set([
    'string',
    'textarea',
    'picklist',
    'multipicklist',
    'combobox',
    'email',
    'phone',
    'url',
    'encryptedstring',
    'id',
    'reference',
    'base64',
]);
const NUMBER_TYPES: ReadonlySet<FieldType> = new Set(['integer', 'long', 'double', 'currency', 'percent']);

function placeholder(env: ConditionEnv, value: SqlValue): string {
    env.params.push(value);
    return '?';
}

/** Checks and converts a literal to the stored form for comparison with `field`. */
function literalFor(field: FieldDescribe, v: Extract<SoqlValue, { kind: 'literal' }>): StorageValue {
    if (v.type === 'null') return null;
    const t = field.type;
    if (TEXT_TYPES.has(t)) {
        if (v.type !== 'string') throw soqlErrors.wrongValueType(field.name, 'string', true);
        return idNormalised(field, v.value as string);
    }
    if (t === 'boolean') {
        if (v.type !== 'boolean') throw soqlErrors.wrongValueType(field.name, 'boolean', false);
        return v.value;
    }
    if (NUMBER_TYPES.has(t)) {
        if (v.type !== 'number')
            throw soqlErrors.wrongValueType(field.name, t === 'integer' ? 'integer' : 'double', false);
        return v.value;
    }
    if (t === 'date') {
        if (v.type !== 'date') throw soqlErrors.wrongValueType(field.name, 'date', false);
        return v.value;
    }
    if (t === 'datetime') {
        if (v.type !== 'datetime') throw soqlErrors.wrongValueType(field.name, 'dateTime', false);
        const d = new Date(String(v.value).replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
        if (Number.isNaN(d.getTime())) throw new QueryException(`invalid dateTime literal ${String(v.value)}`);
        return d.toISOString();
    }
    if (t === 'time') {
        if (v.type !== 'time') throw soqlErrors.wrongValueType(field.name, 'time', false);
        return String(v.value).endsWith('Z') ? v.value : `${String(v.value)}Z`;
    }
    return v.value;
}

function idNormalised(field: FieldDescribe, value: string): string {
    if (field.type !== 'id' && field.type !== 'reference') return value;
    if (!isValidId(value)) throw soqlErrors.invalidId(value);
    return to18(value);
}

/** A bound value in stored form (booleans as 1/0, Ids as 18 characters). */
function boundFor(field: FieldDescribe, value: StorageValue): SqlValue {
    if (value === null || value === undefined) return null;
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (typeof value === 'string' && (field.type === 'id' || field.type === 'reference')) {
        if (!isValidId(value)) throw soqlErrors.invalidId(value);
        return to18(value);
    }
    return value;
}

function toSqlValue(value: StorageValue): SqlValue {
    return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

/** Values of the right-hand side as a flat list of stored values (literals, list items or a bound collection). */
function valuesOf(env: ConditionEnv, field: FieldDescribe, value: SoqlValue): { list: SqlValue[]; isList: boolean } {
    switch (value.kind) {
        case 'literal':
            return { list: [toSqlValue(literalFor(field, value))], isList: false };
        case 'list':
            return { list: value.items.flatMap((i) => valuesOf(env, field, i).list), isList: true };
        case 'bind': {
            const bound = env.binds(value.text);
            if (Array.isArray(bound)) return { list: bound.map((b) => boundFor(field, b)), isList: true };
            return { list: [boundFor(field, bound)], isList: false };
        }
        default:
            throw new QueryException(`unexpected value in filter on ${field.name}`);
    }
}

function compareDateLiteral(
    env: ConditionEnv,
    sql: string,
    field: FieldDescribe,
    op: Operator,
    lit: Extract<SoqlValue, { kind: 'dateLiteral' }>,
): string {
    if (field.type !== 'date' && field.type !== 'datetime')
        throw soqlErrors.wrongValueType(field.name, field.type, false);
    const [start, end] = dateLiteralBounds(lit.name, lit.n, field.type, env.now, env.timeZone);
    const s = (): string => placeholder(env, start);
    const e = (): string => placeholder(env, end);
    switch (op) {
        case '=':
            return `(${sql} >= ${s()} AND ${sql} < ${e()})`;
        case '!=':
            return `(${sql} IS NULL OR ${sql} < ${s()} OR ${sql} >= ${e()})`;
        case '<':
            return `${sql} < ${s()}`;
        case '<=':
            return `${sql} < ${e()}`;
        case '>':
            return `${sql} >= ${e()}`;
        case '>=':
            return `${sql} >= ${s()}`;
        default:
            throw new QueryException(`invalid operator ${op} with date literal ${lit.name}`);
    }
}

/** Above this many values an IN list is passed as one JSON parameter (SQLite limits bound parameters). */
const LARGE_LIST = 500;

function inList(env: ConditionEnv, sql: string, values: SqlValue[], negate: boolean): string {
    const nonNull = values.filter((v) => v !== null);
    const hasNull = nonNull.length !== values.length;
    const parts: string[] = [];
    if (nonNull.length > LARGE_LIST)
        parts.push(`${sql} IN (SELECT value FROM json_each(${placeholder(env, JSON.stringify(nonNull))}))`);
    else if (nonNull.length > 0) parts.push(`${sql} IN (${nonNull.map((v) => placeholder(env, v)).join(', ')})`);
    if (hasNull) parts.push(`${sql} IS NULL`);
    const positive = parts.length === 0 ? '0' : `(${parts.join(' OR ')})`;
    if (!negate) return positive;
    return hasNull ? `NOT ${positive}` : `(${sql} IS NULL OR NOT ${positive})`;
}

function multiPicklist(
    env: ConditionEnv,
    sql: string,
    field: FieldDescribe,
    op: 'INCLUDES' | 'EXCLUDES',
    value: SoqlValue,
): string {
    if (field.type !== 'multipicklist')
        throw new QueryException(`INCLUDES/EXCLUDES operator only valid on multipicklist field: ${field.name}`);
    const terms = valuesOf(env, field, value).list.filter((t): t is string => typeof t === 'string');
    const any =
        terms.length === 0
            ? '0'
            : `(${terms.map((t) => `soql_includes(${sql}, ${placeholder(env, t)})`).join(' OR ')})`;
    return op === 'INCLUDES' ? any : `(${sql} IS NULL OR NOT ${any})`;
}

function compare(env: ConditionEnv, cond: Extract<Condition, { kind: 'compare' }>, clause: 'where' | 'having'): string {
    const { sql, field } = env.operand(cond.left, clause);
    const { op, value } = cond;
    if (clause === 'where' && !field.filterable) throw soqlErrors.notFilterable(field.name);
    if (value.kind === 'dateLiteral') return compareDateLiteral(env, sql, field, op, value);
    if (value.kind === 'list' && value.items.some((i) => i.kind === 'dateLiteral')) {
        if (op !== 'IN' && op !== 'NOT IN') throw new QueryException(`invalid use of date literals with ${op}`);
        const parts = value.items.map((i) =>
            i.kind === 'dateLiteral'
                ? compareDateLiteral(env, sql, field, '=', i)
                : inList(env, sql, valuesOf(env, field, i).list, false),
        );
        const any = `(${parts.join(' OR ')})`;
        return op === 'IN' ? any : `(${sql} IS NULL OR NOT ${any})`;
    }
    if (value.kind === 'semiJoin') {
        if (op !== 'IN' && op !== 'NOT IN')
            throw new QueryException('semi join sub-selects are only allowed with IN and NOT IN');
        const sub = env.semiJoin(value.query);
        return op === 'IN' ? `${sql} IN (${sub})` : `(${sql} IS NULL OR ${sql} NOT IN (${sub}))`;
    }
    if (op === 'INCLUDES' || op === 'EXCLUDES') return multiPicklist(env, sql, field, op, value);
    const { list, isList } = valuesOf(env, field, value);
    if (op === 'IN' || op === 'NOT IN') return inList(env, sql, list, op === 'NOT IN');
    if (isList) {
        if (op === '=') return inList(env, sql, list, false);
        if (op === '!=') return inList(env, sql, list, true);
        throw new QueryException(`Invalid bind expression type of List for column of type ${field.type}`);
    }
    const v = list[0] ?? null;
    if (op === 'LIKE') {
        if (!TEXT_TYPES.has(field.type)) throw new QueryException(`invalid operator on ${field.type} field: LIKE`);
        if (v === null) return '0';
        return `${sql} LIKE ${placeholder(env, v)} ESCAPE '\\'`;
    }
    if (v === null) {
        if (op === '=') return field.type === 'boolean' ? `(${sql} IS NULL OR ${sql} = 0)` : `${sql} IS NULL`;
        if (op === '!=') return field.type === 'boolean' ? `${sql} = 1` : `${sql} IS NOT NULL`;
        return '0';
    }
    if (op === '!=') return `(${sql} IS NULL OR ${sql} != ${placeholder(env, v)})`;
    // A unique case-sensitive text field is compared case-sensitively by = (and !=, IN, LIKE) only; the ordering
    // operators compare without regard to case, as on every other text field.
    if (field.caseSensitive && TEXT_TYPES.has(field.type) && RANGE_OPERATORS.has(op))
        return `${sql} COLLATE NOCASE ${op} ${placeholder(env, v)}`;
    return `${sql} ${op} ${placeholder(env, v)}`;
}

const RANGE_OPERATORS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=']);

export function conditionSql(env: ConditionEnv, cond: Condition, clause: 'where' | 'having'): string {
    switch (cond.kind) {
        case 'and':
        case 'or':
            return `(${cond.items.map((c) => conditionSql(env, c, clause)).join(cond.kind === 'and' ? ' AND ' : ' OR ')})`;
        case 'not':
            return `(NOT ${conditionSql(env, cond.item, clause)})`;
        case 'compare':
            return compare(env, cond, clause);
        default:
            throw new NotSupportedError('SOQL condition', env.location);
    }
}
