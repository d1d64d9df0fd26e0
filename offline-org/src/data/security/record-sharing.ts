/**
 * Record-level access: which records of an object a user may read or edit where sharing applies (a `with sharing`
 * class, user mode, the REST API). Modelled: organization-wide defaults (`<sharingModel>`: Private, Public Read Only,
 * Public Read/Write, Controlled by Parent through master-detail fields), ownership, the role hierarchy (a user reaches
 * the records of users whose roles are below theirs), and View All / Modify All (the System Administrator profile, or
 * the object's permission in a permission set). Not modelled: sharing rules and manual shares; where an object has a
 * sharing-rules file and its default restricts access, the check refuses loudly instead of answering without them.
 */
import type Database from 'better-sqlite3';
import { NotSupportedError } from '../errors.js';
import { isValidId, to18 } from '../ids/ids.js';
import type { Schema } from '../schema/schema.js';
import type { ObjectDescribe } from '../schema-types.js';
import type { SqlValue } from '../store/codec.js';
import { tableName } from '../store/sql-names.js';
import type { PermissionModel } from './permission-model.js';

/** A condition on one table alias, with its parameters. */
export interface SqlFilter {
    sql: string;
    params: SqlValue[];
}

export type RecordAccess = 'read' | 'edit';

/** Defaults under which every user may edit every record (delete apart: that stays with owners). */
const PUBLIC_EDIT = new Set(['ReadWrite', 'ReadWriteTransfer', 'FullAccess']);

export class RecordSharing {
    constructor(
        private readonly schema: Schema,
        private readonly db: Database.Database,
        private readonly permissions: PermissionModel,
    ) {}

    /**
     * The condition that keeps the rows of `object` (as `alias`) that `userId` may read or edit, or null when the
     * user may reach every row.
     */
    filter(object: ObjectDescribe, alias: string, userId: string, access: RecordAccess): SqlFilter | null {
        return this.filterAt(object, alias, to18(userId), access, 0);
    }

    /**
     * Of `ids` (records of `object`), those that `userId` may not edit (or, with `access` 'delete', delete: only the
     * owner, users above the owner's role and Modify All may delete an owned record, whatever the default).
     */
    denied(object: ObjectDescribe, ids: string[], userId: string, access: RecordAccess | 'delete'): Set<string> {
        const valid = ids.filter((id) => isValidId(id)).map((id) => to18(id));
        if (valid.length === 0) return new Set();
        const filter =
            access === 'delete'
                ? this.deleteFilter(object, 't', to18(userId))
                : this.filterAt(object, 't', to18(userId), access, 0);
        if (!filter) return new Set();
        const denied = new Set(valid);
        for (let start = 0; start < valid.length; start += 500) {
            const chunk = valid.slice(start, start + 500);
            const rows = this.db
                .prepare(
                    `SELECT t."Id" FROM ${tableName(object)} t WHERE t."Id" IN (${chunk.map(() => '?').join(', ')}) AND ${filter.sql}`,
                )
                .raw(true)
                .all(...chunk, ...filter.params) as [string][];
            for (const [id] of rows) denied.delete(id);
        }
        return denied;
    }

    private filterAt(
        object: ObjectDescribe,
        alias: string,
        userId: string,
        access: RecordAccess,
        depth: number,
    ): SqlFilter | null {
        if (this.permissions.reachesAllRecords(userId, object, access)) return null;
        const model = object.sharingModel ?? 'ReadWrite';
        if (model === 'ControlledByParent') return this.throughMasters(object, alias, userId, access, depth);
        if (access === 'read' && model !== 'Private') return null;
        if (access === 'edit' && PUBLIC_EDIT.has(model)) return null;
        return this.byOwner(object, alias, userId);
    }

    private deleteFilter(object: ObjectDescribe, alias: string, userId: string): SqlFilter | null {
        if (this.permissions.reachesAllRecords(userId, object, 'edit')) return null;
        if ((object.sharingModel ?? 'ReadWrite') === 'ControlledByParent')
            return this.throughMasters(object, alias, userId, 'edit', 0);
        return this.byOwner(object, alias, userId);
    }

    /** A detail record is reached through every one of its masters (read, or edit unless the field asks only read). */
    private throughMasters(
        object: ObjectDescribe,
        alias: string,
        userId: string,
        access: RecordAccess,
        depth: number,
    ): SqlFilter | null {
        const masters = [...object.fields.values()].filter((f) => f.masterDetail);
        if (masters.length === 0) return this.byOwner(object, alias, userId);
        const parts: SqlFilter[] = [];
        masters.forEach((field, i) => {
            const master = this.schema.getObject(field.referenceTo[0] ?? '');
            if (!master) return;
            const masterAlias = `${alias}_m${depth}_${i}`;
            const needed: RecordAccess = access === 'edit' && !field.writeRequiresMasterRead ? 'edit' : 'read';
            const inner = this.filterAt(master, masterAlias, userId, needed, depth + 1);
            if (!inner) return;
            parts.push({
                sql: `${alias}."${field.name}" IN (SELECT ${masterAlias}."Id" FROM ${tableName(master)} ${masterAlias} WHERE ${inner.sql})`,
                params: inner.params,
            });
        });
        if (parts.length === 0) return null;
        return { sql: parts.map((p) => p.sql).join(' AND '), params: parts.flatMap((p) => p.params) };
    }

    private byOwner(object: ObjectDescribe, alias: string, userId: string): SqlFilter | null {
        if (!object.fields.has('ownerid')) return null;
        if (object.sharingRulesFile)
            throw new NotSupportedError(
                `sharing rules (${object.name} has a Private or Public Read Only default and rules in ` +
                    `${object.sharingRulesFile}; records they share would be missing)`,
            );
        const owners = this.reachableOwners(userId);
        return { sql: `${alias}."OwnerId" IN (${owners.map(() => '?').join(', ')})`, params: owners };
    }

    /** The user and every user whose role is below the user's role. */
    private reachableOwners(userId: string): string[] {
        const owners = [userId];
        const role = (
            this.db.prepare('SELECT "UserRoleId" FROM "o_user" WHERE "Id" = ?').raw(true).get(userId) as
                [string | null] | undefined
        )?.[0];
        if (!role) return owners;
        const below: string[] = [];
        let level = [role];
        const seen = new Set(level);
        while (level.length > 0) {
            const children = (
                this.db
                    .prepare(
                        `SELECT "Id" FROM "o_userrole" WHERE "ParentRoleId" IN (${level.map(() => '?').join(', ')})`,
                    )
                    .raw(true)
                    .all(...level) as [string][]
            )
                .map(([id]) => id)
                .filter((id) => !seen.has(id));
            for (const id of children) seen.add(id);
            below.push(...children);
            level = children;
        }
        if (below.length === 0) return owners;
        const users = this.db
            .prepare(`SELECT "Id" FROM "o_user" WHERE "UserRoleId" IN (${below.map(() => '?').join(', ')})`)
            .raw(true)
            .all(...below) as [string][];
        return [...owners, ...users.map(([id]) => id)];
    }
}
