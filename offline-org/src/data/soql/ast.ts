/** The offline runtime's own model of a SOQL query, built from the apex-parser parse tree. */

/** A dotted field reference as written (`Account.Owner.Name`). */
export type FieldPath = string[];

export type AggregateFunction = 'COUNT' | 'COUNT_DISTINCT' | 'SUM' | 'AVG' | 'MIN' | 'MAX';

export interface AggregateCall {
    fn: AggregateFunction;
    /** null for COUNT(). */
    path: FieldPath | null;
}

export type SelectItem =
    | { kind: 'field'; path: FieldPath; alias: string | null }
    | { kind: 'aggregate'; call: AggregateCall; alias: string | null }
    | { kind: 'subquery'; query: SoqlQuery };

export type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE' | 'IN' | 'NOT IN' | 'INCLUDES' | 'EXCLUDES';

export type LiteralType = 'string' | 'number' | 'boolean' | 'null' | 'date' | 'datetime' | 'time';

export type SoqlValue =
    | { kind: 'literal'; type: LiteralType; value: string | number | boolean | null }
    | { kind: 'dateLiteral'; name: string; n: number | null }
    | { kind: 'list'; items: SoqlValue[] }
    | { kind: 'bind'; text: string }
    | { kind: 'semiJoin'; query: SoqlQuery };

export type Operand = { kind: 'field'; path: FieldPath } | { kind: 'aggregate'; call: AggregateCall };

export type Condition =
    | { kind: 'and' | 'or'; items: Condition[] }
    | { kind: 'not'; item: Condition }
    | { kind: 'compare'; left: Operand; op: Operator; value: SoqlValue };

export interface OrderItem {
    target: Operand;
    desc: boolean;
    nullsFirst: boolean;
}

export type QueryMode = 'USER_MODE' | 'SYSTEM_MODE' | 'SECURITY_ENFORCED';

export interface SoqlQuery {
    select: SelectItem[];
    from: string;
    alias: string | null;
    where: Condition | null;
    withMode: QueryMode | null;
    groupBy: FieldPath[];
    having: Condition | null;
    orderBy: OrderItem[];
    limit: SoqlValue | null;
    offset: SoqlValue | null;
    forUpdate: boolean;
    allRows: boolean;
}
