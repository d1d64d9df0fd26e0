/**
 * Resolves dotted field paths of a query (`Account.Owner.Name`) against the schema into SQL column expressions,
 * adding one LEFT JOIN per parent relationship. Polymorphic relationships (Owner of Group|User, What, Who) join
 * every target and read the field from whichever matched; traversing beyond one is not supported.
 */
import { NotSupportedError } from '../errors.js';
import type { Schema } from '../schema/schema.js';
import type { FieldDescribe, ObjectDescribe } from '../schema-types.js';
import { columnName, hasColumn, tableName } from '../store/sql-names.js';
import type { FieldPath } from './ast.js';
import { soqlErrors } from './messages.js';

export interface ResolvedField {
    sql: string;
    field: FieldDescribe;
    /** Canonical relationship names from the query's object to the field's object. */
    relPath: string[];
    /** Canonical field name. */
    name: string;
}

interface RelationNode {
    targets: { object: ObjectDescribe; alias: string }[];
    polymorphic: boolean;
}

/** An (object, field) pair a query reads, for permission checks. */
export interface TouchedField {
    object: ObjectDescribe;
    field: FieldDescribe;
}

export class JoinPlanner {
    private readonly nodes = new Map<string, RelationNode>();
    private readonly joinClauses: string[] = [];
    readonly touched: TouchedField[] = [];
    private aliasCounter = 0;

    constructor(
        private readonly schema: Schema,
        readonly root: ObjectDescribe,
        readonly rootAlias: string,
        private readonly queryAlias: string | null,
        private readonly location: string,
    ) {
        this.nodes.set('', { targets: [{ object: root, alias: rootAlias }], polymorphic: false });
    }

    get joins(): string {
        return this.joinClauses.join(' ');
    }

    private strip(path: FieldPath): FieldPath {
        if (this.queryAlias && path.length > 1 && path[0]?.toLowerCase() === this.queryAlias.toLowerCase())
            return path.slice(1);
        return path;
    }

    /** The relationship node for `relNames` (as written), joining as needed; returns it and its canonical path. */
    private relation(relNames: string[]): { node: RelationNode; canonical: string[] } {
        let node = this.nodes.get('') as RelationNode;
        const canonical: string[] = [];
        for (const rel of relNames) {
            if (node.polymorphic)
                throw new NotSupportedError(
                    `SOQL traversal beyond the polymorphic relationship ${canonical.join('.')}`,
                    this.location,
                );
            const parentObject = (node.targets[0] as { object: ObjectDescribe }).object;
            const fk = this.schema.parentRelationship(parentObject, rel);
            if (!fk) {
                const unsupported = [...parentObject.fields.values()].find(
                    (f) => f.unsupported && rel.toLowerCase() === f.name.toLowerCase().replace(/__c$/, '__r'),
                );
                if (unsupported) throw new NotSupportedError(`SOQL on ${unsupported.unsupported}`, this.location);
                throw soqlErrors.noSuchRelationship(rel);
            }
            this.touched.push({ object: parentObject, field: fk });
            canonical.push(fk.relationshipName as string);
            const key = canonical.join('.').toLowerCase();
            const existing = this.nodes.get(key);
            if (existing) {
                node = existing;
                continue;
            }
            const parentAlias = (node.targets[0] as { alias: string }).alias;
            const fkSql = `${parentAlias}.${columnName(fk)}`;
            const targets = fk.referenceTo.map((name) => {
                const object = this.schema.getObject(name) as ObjectDescribe;
                const alias = `${this.rootAlias}j${++this.aliasCounter}`;
                this.joinClauses.push(`LEFT JOIN ${tableName(object)} ${alias} ON ${alias}."Id" = ${fkSql}`);
                return { object, alias };
            });
            const created: RelationNode = { targets, polymorphic: targets.length > 1 };
            this.nodes.set(key, created);
            node = created;
        }
        return { node, canonical };
    }

    /** Resolves a field path (aliases stripped). */
    resolve(rawPath: FieldPath): ResolvedField {
        const path = this.strip(rawPath);
        const fieldName = path[path.length - 1];
        const { node, canonical } = this.relation(path.slice(0, -1));
        if (node.polymorphic) return this.resolvePolymorphic(node, canonical, fieldName);
        const target = node.targets[0];
        const field = target.object.fields.get(fieldName.toLowerCase());
        if (!field) throw soqlErrors.noSuchColumn(fieldName, target.object.name);
        this.checkReadable(field, target.object);
        this.touched.push({ object: target.object, field });
        return { sql: `${target.alias}.${columnName(field)}`, field, relPath: canonical, name: field.name };
    }

    private checkReadable(field: FieldDescribe, object: ObjectDescribe): void {
        if (field.unsupported) throw new NotSupportedError(`SOQL on ${field.unsupported}`, this.location);
        if (!hasColumn(field))
            throw new NotSupportedError(
                `SOQL on the compound ${field.type} field ${object.name}.${field.name}`,
                this.location,
            );
        if (field.calculated)
            throw new NotSupportedError(
                `formula/roll-up field ${object.name}.${field.name} (formulas are not evaluated)`,
                this.location,
            );
    }

    private resolvePolymorphic(node: RelationNode, canonical: string[], fieldName: string): ResolvedField {
        if (fieldName.toLowerCase() === 'type') {
            const cases = node.targets.map((t) => `WHEN ${t.alias}."Id" IS NOT NULL THEN '${t.object.name}'`).join(' ');
            const field: FieldDescribe = {
                ...(node.targets[0]?.object.fields.get('id') as FieldDescribe),
                name: 'Type',
                type: 'string',
                label: 'Type',
            };
            return { sql: `(CASE ${cases} END)`, field, relPath: canonical, name: 'Type' };
        }
        const having = node.targets.filter((t) => t.object.fields.has(fieldName.toLowerCase()));
        const first = having[0];
        if (!first) throw soqlErrors.noSuchColumn(fieldName, node.targets[0]?.object.name ?? 'Name');
        const field = first.object.fields.get(fieldName.toLowerCase()) as FieldDescribe;
        for (const t of having) {
            const f = t.object.fields.get(fieldName.toLowerCase()) as FieldDescribe;
            this.checkReadable(f, t.object);
            this.touched.push({ object: t.object, field: f });
        }
        const sql =
            having.length === 1
                ? `${first.alias}.${columnName(field)}`
                : `COALESCE(${having.map((t) => `${t.alias}.${columnName(field)}`).join(', ')})`;
        return { sql, field, relPath: canonical, name: field.name };
    }

    /** SQL giving the object name of the related record at a canonical relationship path, or NULL when there is none. */
    relationTypeSql(relPath: string[]): string {
        const node = this.nodes.get(relPath.join('.').toLowerCase());
        if (!node) throw new Error(`relation ${relPath.join('.')} was not resolved`);
        return `(CASE ${node.targets.map((t) => `WHEN ${t.alias}."Id" IS NOT NULL THEN '${t.object.name}'`).join(' ')} END)`;
    }
}
