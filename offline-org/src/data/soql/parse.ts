/**
 * Parses SOQL text with @apexdevtools/apex-parser's SOQL grammar (the grammar the interpreter uses for inline
 * `[SELECT ...]`, so bind expressions are cut the same way) into the runtime's SoqlQuery model.
 */
import {
    ApexParserFactory,
    type ApexParserRuleContext as ParserRuleContext,
    type ConditionalExpressionContext,
    type FieldExpressionContext,
    type FieldNameContext,
    type LogicalExpressionContext,
    type QueryContext,
    type SoqlFunctionContext,
    type SubQueryContext,
    type ValueContext,
    type WhereConditionalExpressionContext,
    type WhereLogicalExpressionContext,
} from '@apexdevtools/apex-parser';
import { NotSupportedError, QueryException } from '../errors.js';
import type {
    AggregateCall,
    AggregateFunction,
    Condition,
    FieldPath,
    Operand,
    Operator,
    OrderItem,
    SelectItem,
    SoqlQuery,
    SoqlValue,
} from './ast.js';

const AGGREGATES: ReadonlySet<string> = new Set(['COUNT', 'COUNT_DISTINCT', 'SUM', 'AVG', 'MIN', 'MAX']);

class SoqlReader {
    constructor(
        private readonly source: string,
        private readonly location: string,
    ) {}

    private unsupported(what: string): never {
        throw new NotSupportedError(`SOQL ${what}`, this.location);
    }

    private text(ctx: ParserRuleContext): string {
        return this.source.slice(ctx.start.start, (ctx.stop ?? ctx.start).stop + 1);
    }

    path(ctx: FieldNameContext): FieldPath {
        return ctx.soqlId_list().map((id) => id.getText());
    }

    aggregate(ctx: SoqlFunctionContext): AggregateCall {
        const name = (ctx.getChild(0)?.getText() ?? '').toUpperCase();
        if (!AGGREGATES.has(name)) this.unsupported(`function ${name}()`);
        const field = ctx.fieldName();
        if (!field && name !== 'COUNT') this.unsupported(`${name}() without a field`);
        return { fn: name as AggregateFunction, path: field ? this.path(field) : null };
    }

    query(ctx: QueryContext | SubQueryContext, isSub: boolean): SoqlQuery {
        const fromList = ctx.fromNameList();
        if (fromList.fieldName_list().length !== 1) this.unsupported('FROM with several objects');
        const fromName = this.path(fromList.fieldName(0));
        if (fromName.length > 1 && !isSub) this.unsupported('FROM with a dotted name');
        const aliasCtx = fromList.soqlId_list()[0];
        const q: SoqlQuery = {
            select: [],
            from: fromName.join('.'),
            alias: aliasCtx ? aliasCtx.getText() : null,
            where: null,
            withMode: null,
            groupBy: [],
            having: null,
            orderBy: [],
            limit: null,
            offset: null,
            forUpdate: false,
            allRows: false,
        };
        const entries = isSub
            ? (ctx as SubQueryContext).subFieldList().subFieldEntry_list()
            : (ctx as QueryContext).selectList().selectEntry_list();
        for (const e of entries) q.select.push(this.selectEntry(e, isSub));
        const where = ctx.whereClause();
        if (where) q.where = this.whereLogical(where.whereLogicalExpression());
        const order = ctx.orderByClause();
        if (order)
            q.orderBy = order
                .fieldOrderList()
                .fieldOrder_list()
                .map((o) => this.orderItem(o));
        const limit = ctx.limitClause();
        if (limit) q.limit = this.limitValue(limit.IntegerLiteral()?.getText(), limit.boundExpression());
        const forClauses = ctx.forClauses();
        if (forClauses) {
            const kinds = forClauses.getText().toUpperCase();
            q.forUpdate = kinds.includes('UPDATE');
        }
        if (!isSub) {
            const top = ctx as QueryContext;
            if (top.usingScope()) this.unsupported('USING SCOPE');
            const withClause = top.withClause();
            if (withClause) {
                if (withClause.SECURITY_ENFORCED()) q.withMode = 'SECURITY_ENFORCED';
                else if (withClause.USER_MODE()) q.withMode = 'USER_MODE';
                else if (withClause.SYSTEM_MODE()) q.withMode = 'SYSTEM_MODE';
                else this.unsupported(`WITH ${this.text(withClause).replace(/^WITH\s+/i, '')}`);
            }
            const groupBy = top.groupByClause();
            if (groupBy) {
                if (groupBy.ROLLUP() || groupBy.CUBE()) this.unsupported('GROUP BY ROLLUP/CUBE');
                q.groupBy = groupBy
                    .fieldGroupByList()
                    .fieldGroupBy_list()
                    .map((g) => {
                        const f = g.fieldName();
                        if (!f) this.unsupported('GROUP BY on a function');
                        return this.path(f);
                    });
                const having = groupBy.logicalExpression();
                if (having) q.having = this.logical(having);
            }
            const offset = top.offsetClause();
            if (offset) q.offset = this.limitValue(offset.IntegerLiteral()?.getText(), offset.boundExpression());
            if (top.allRowsClause()) q.allRows = true;
            if (top.updateList()) {
                // FOR UPDATE TRACKING / VIEWSTAT: accepted, no effect offline.
            }
        }
        return q;
    }

    private limitValue(literal: string | undefined, bound: { expression(): ParserRuleContext } | null): SoqlValue {
        if (literal !== undefined) return { kind: 'literal', type: 'number', value: Number(literal) };
        if (bound) return { kind: 'bind', text: this.text(bound.expression()) };
        return this.unsupported('LIMIT/OFFSET value');
    }

    private selectEntry(
        e: {
            fieldName(): FieldNameContext | null;
            soqlFunction(): SoqlFunctionContext | null;
            subQuery(): SubQueryContext | null;
            typeOf(): ParserRuleContext | null;
            soqlId(): ParserRuleContext | null;
        },
        isSub: boolean,
    ): SelectItem {
        if (e.typeOf()) this.unsupported('TYPEOF');
        const sub = e.subQuery();
        if (sub) {
            if (isSub) throw new QueryException('Nesting of semi join sub-selects is not supported');
            return { kind: 'subquery', query: this.query(sub, true) };
        }
        const fn = e.soqlFunction();
        if (fn) return { kind: 'aggregate', call: this.aggregate(fn), alias: e.soqlId()?.getText() ?? null };
        const field = e.fieldName();
        if (!field) return this.unsupported(`select entry ${e.soqlId()?.getText() ?? ''}`);
        return { kind: 'field', path: this.path(field), alias: e.soqlId()?.getText() ?? null };
    }

    private orderItem(o: {
        fieldName(): FieldNameContext | null;
        soqlFunction(): SoqlFunctionContext | null;
        DESC(): unknown;
        NULLS(): unknown;
        FIRST(): unknown;
        LAST(): unknown;
    }): OrderItem {
        const fn = o.soqlFunction();
        const field = o.fieldName();
        const target: Operand = fn
            ? { kind: 'aggregate', call: this.aggregate(fn) }
            : { kind: 'field', path: this.path(field as FieldNameContext) };
        const desc = Boolean(o.DESC());
        const nullsFirst = o.NULLS() ? Boolean(o.FIRST()) : !desc;
        return { target, desc, nullsFirst };
    }

    private combine(items: Condition[], hasAnd: boolean, hasOr: boolean, not: boolean): Condition {
        if (hasAnd && hasOr)
            throw new QueryException('unexpected token: OR (AND and OR must be separated by parentheses)');
        let cond: Condition = items.length === 1 ? items[0] : { kind: hasOr ? 'or' : 'and', items };
        if (not) cond = { kind: 'not', item: cond };
        return cond;
    }

    whereLogical(ctx: WhereLogicalExpressionContext): Condition {
        const items = ctx.whereConditionalExpression_list().map((c) => this.whereConditional(c));
        return this.combine(items, ctx.SOQLAND_list().length > 0, ctx.SOQLOR_list().length > 0, Boolean(ctx.NOT()));
    }

    private whereConditional(ctx: WhereConditionalExpressionContext): Condition {
        const nested = ctx.whereLogicalExpression();
        if (nested) return this.whereLogical(nested);
        const fe = ctx.whereFieldExpression();
        const inner = fe.fieldExpression();
        if (!inner) this.unsupported('FORMULA() in WHERE');
        return this.fieldExpression(inner);
    }

    logical(ctx: LogicalExpressionContext): Condition {
        const items = ctx.conditionalExpression_list().map((c) => this.conditional(c));
        return this.combine(items, ctx.SOQLAND_list().length > 0, ctx.SOQLOR_list().length > 0, Boolean(ctx.NOT()));
    }

    private conditional(ctx: ConditionalExpressionContext): Condition {
        const nested = ctx.logicalExpression();
        if (nested) return this.logical(nested);
        return this.fieldExpression(ctx.fieldExpression());
    }

    private fieldExpression(ctx: FieldExpressionContext): Condition {
        const fn = ctx.soqlFunction();
        const left: Operand = fn
            ? { kind: 'aggregate', call: this.aggregate(fn) }
            : { kind: 'field', path: this.path(ctx.fieldName()) };
        const opText = ctx.comparisonOperator().getText().toUpperCase().replace(/\s+/g, '');
        const ops: Record<string, Operator> = {
            '=': '=',
            '!=': '!=',
            '<>': '!=',
            '<': '<',
            '<=': '<=',
            '>': '>',
            '>=': '>=',
            LIKE: 'LIKE',
            IN: 'IN',
            NOTIN: 'NOT IN',
            INCLUDES: 'INCLUDES',
            EXCLUDES: 'EXCLUDES',
        };
        const op = ops[opText];
        if (!op) this.unsupported(`operator ${opText}`);
        return { kind: 'compare', left, op, value: this.value(ctx.value()) };
    }

    private value(ctx: ValueContext): SoqlValue {
        if (ctx.NULL()) return { kind: 'literal', type: 'null', value: null };
        const bool = ctx.BooleanLiteral();
        if (bool) return { kind: 'literal', type: 'boolean', value: bool.getText().toLowerCase() === 'true' };
        const num = ctx.signedNumber();
        if (num) return { kind: 'literal', type: 'number', value: Number(num.getText()) };
        const str = ctx.StringLiteral();
        if (str) return { kind: 'literal', type: 'string', value: unquote(str.getText()) };
        if (ctx.DateLiteral()) return { kind: 'literal', type: 'date', value: ctx.getText() };
        if (ctx.DateTimeLiteral()) return { kind: 'literal', type: 'datetime', value: ctx.getText() };
        if (ctx.TimeLiteral()) return { kind: 'literal', type: 'time', value: ctx.getText() };
        const formula = ctx.dateFormula();
        if (formula) {
            const [name, n] = formula.getText().toUpperCase().split(':');
            return { kind: 'dateLiteral', name: name, n: n === undefined ? null : Number(n) };
        }
        const sub = ctx.subQuery();
        if (sub) return { kind: 'semiJoin', query: this.query(sub, true) };
        const list = ctx.valueList();
        if (list) return { kind: 'list', items: list.value_list().map((v) => this.value(v)) };
        const bound = ctx.boundExpression();
        if (bound) return { kind: 'bind', text: this.text(bound.expression()) };
        return this.unsupported(`value ${ctx.getText()}`);
    }
}

/** Removes the quotes of a SOQL string literal and resolves its escapes (keeping `\%` and `\_` for LIKE). */
export function unquote(literal: string): string {
    const body = literal.slice(1, -1);
    return body.replace(/\\(.)/g, (_m, c: string) => {
        switch (c) {
            case 'n':
                return '\n';
            case 't':
                return '\t';
            case 'r':
                return '\r';
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            default:
                return c;
        }
    });
}

/**
 * SOQL accepts `\%` and `\_` in string literals (LIKE escapes) where Apex's lexer does not: rewrite them as an escaped
 * backslash followed by the character, which unquotes to the same LIKE pattern.
 */
function escapeLikeSequences(text: string): string {
    let out = '';
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (!inString) {
            if (ch === "'") inString = true;
            out += ch;
            continue;
        }
        if (ch === '\\') {
            const next = text[i + 1] ?? '';
            out += next === '%' || next === '_' ? `\\\\${next}` : `\\${next}`;
            i++;
            continue;
        }
        if (ch === "'") inString = false;
        out += ch;
    }
    return out;
}

/** Parses a SOQL query; `location` (`file:line`) is used in "not supported" errors. */
export function parseSoql(source: string, location = '<soql>:1'): SoqlQuery {
    const text = escapeLikeSequences(source.trim().replace(/^\[/, '').replace(/\]$/, ''));
    const parser = ApexParserFactory.createParser(text, true);
    let ctx: QueryContext;
    try {
        ctx = parser.query();
    } catch (e) {
        const err = e as { line?: number; column?: number; message?: string };
        throw new QueryException(
            `unexpected token at line ${err.line ?? 1} column ${err.column ?? 0} in query: ${text}`,
        );
    }
    const next = parser.getCurrentToken();
    if (next.type !== -1) throw new QueryException(`unexpected token: '${next.text}'`);
    return new SoqlReader(text, location).query(ctx, false);
}
