/**
 * Child subqueries (`(SELECT ... FROM Contacts)`): run once per batch of parent Ids through the child relationship
 * named in FROM, grouped into arrays under the canonical relationship name; LIMIT applies per parent.
 */
import type { ObjectDescribe, Row } from '../schema-types.js';
import { columnName } from '../store/sql-names.js';
import type { SoqlQuery } from './ast.js';
import { soqlErrors } from './messages.js';
import { queryObject, integerValue, type QueryRun } from './query-env.js';
import { buildRecordSql, shapeRows } from './record-query.js';

const BATCH = 900;

/** Attaches the subquery's rows to `parents`; returns how many child rows were read. */
export function attachChildRows(run: QueryRun, parentObject: ObjectDescribe, parents: Row[], sub: SoqlQuery): number {
    const rel = run.ctx.schema.childRelationship(parentObject, sub.from);
    if (!rel || !rel.relationshipName) throw soqlErrors.noSuchChildRelationship(sub.from);
    const child = queryObject(run, rel.childSObject);
    const fk = child.fields.get(rel.field.toLowerCase());
    if (!fk) throw soqlErrors.noSuchChildRelationship(sub.from);
    const limit = integerValue(run, sub.limit, 'LIMIT');
    const alias = `c${++run.aliasCounter}`;
    const groups = new Map<string, Row[]>();
    let counted = 0;
    const ids = parents.map((p) => p.Id).filter((id): id is string => typeof id === 'string');
    const chunks: string[][] = [];
    for (let start = 0; start < ids.length; start += BATCH) chunks.push(ids.slice(start, start + BATCH));
    if (chunks.length === 0) chunks.push([]);
    for (const chunk of chunks) {
        const extra =
            chunk.length > 0
                ? { sql: `${alias}.${columnName(fk)} IN (${chunk.map(() => '?').join(', ')})`, params: chunk }
                : { sql: '0', params: [] };
        const built = buildRecordSql(run, sub, child, alias, extra, false);
        if (chunk.length === 0) continue;
        const sql = built.sql.replace(/^SELECT /, `SELECT ${alias}.${columnName(fk)} AS __parent_fk, `);
        const raw = run.ctx.io.prepare(sql).raw(true).all(built.params) as unknown[][];
        const rows = shapeRows(
            raw.map((r) => r.slice(1)),
            built.columns,
            child.name,
        );
        raw.forEach((r, i) => {
            const parentId = r[0] as string;
            const list = groups.get(parentId) ?? [];
            if (limit === null || list.length < limit) list.push(rows[i]);
            groups.set(parentId, list);
        });
    }
    for (const parent of parents) {
        const list = groups.get(parent.Id as string) ?? [];
        counted += list.length;
        parent[rel.relationshipName] = list;
    }
    return counted;
}
