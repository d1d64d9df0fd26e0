/**
 * Object and field permissions of a user: profile (System Administrator: everything; Standard User: the common
 * standard objects; any other profile: nothing) plus assigned permission sets. Record-level access (sharing, OWD,
 * roles) is record-sharing.ts's.
 */
import type { Schema } from '../schema/schema.js';
import type { FieldDescribe, ObjectDescribe } from '../schema-types.js';
import type { ObjectPermission, PermissionSetDefinition } from './permission-set.js';

export const SYSTEM_ADMINISTRATOR = 'System Administrator';
export const STANDARD_USER = 'Standard User';

/** Objects a Standard User may read, create, edit and delete. */
const STANDARD_USER_CRUD = new Set([
    'account',
    'contact',
    'opportunity',
    'case',
    'lead',
    'task',
    'contentversion',
    'contentdocument',
]);
/** Objects a Standard User may read only. */
const STANDARD_USER_READ = new Set([
    'user',
    'profile',
    'recordtype',
    'organization',
    'group',
    'userrole',
    'asyncapexjob',
    'crontrigger',
    'cronjobdetail',
    'apexclass',
    'permissionset',
    'permissionsetassignment',
]);

/** Where the model reads who a user is. */
export interface UserDirectory {
    profileName(userId: string): string | undefined;
    permissionSetNames(userId: string): string[];
}

type Action = keyof Pick<ObjectPermission, 'read' | 'create' | 'edit' | 'delete'>;

export class PermissionModel {
    private readonly sets = new Map<string, PermissionSetDefinition>();

    constructor(
        private readonly schema: Schema,
        private readonly users: UserDirectory,
    ) {
        for (const ps of schema.permissionSets) this.sets.set(ps.name.toLowerCase(), ps);
    }

    private grants(userId: string): PermissionSetDefinition[] {
        return this.users
            .permissionSetNames(userId)
            .map((n) => this.sets.get(n.toLowerCase()))
            .filter((p): p is PermissionSetDefinition => p !== undefined);
    }

    private isAdmin(userId: string): boolean {
        return this.users.profileName(userId) === SYSTEM_ADMINISTRATOR;
    }

    private objectAllows(userId: string, object: ObjectDescribe, action: Action): boolean {
        if (this.isAdmin(userId)) return true;
        const key = object.name.toLowerCase();
        if (action === 'read' && (object.customMetadata || object.customSetting)) return true;
        if (this.users.profileName(userId) === STANDARD_USER) {
            if (STANDARD_USER_CRUD.has(key)) return true;
            if (action === 'read' && STANDARD_USER_READ.has(key)) return true;
        }
        return this.grants(userId).some((ps) => {
            const p = ps.objects.get(key);
            if (!p) return false;
            if (action === 'read') return p.read || p.viewAll || p.modifyAll;
            return p[action] || p.modifyAll;
        });
    }

    canRead(userId: string, object: ObjectDescribe): boolean {
        return this.objectAllows(userId, object, 'read');
    }
    canCreate(userId: string, object: ObjectDescribe): boolean {
        return object.createable && this.objectAllows(userId, object, 'create');
    }
    canEdit(userId: string, object: ObjectDescribe): boolean {
        return object.updateable && this.objectAllows(userId, object, 'edit');
    }
    canDelete(userId: string, object: ObjectDescribe): boolean {
        return object.deletable && this.objectAllows(userId, object, 'delete');
    }

    /** Standard fields follow the object; custom fields need a grant unless required (required fields have no FLS). */
    canReadField(userId: string, object: ObjectDescribe, field: FieldDescribe): boolean {
        if (!this.canRead(userId, object)) return false;
        if (!field.custom || this.isAdmin(userId) || !field.nillable || object.customMetadata || object.customSetting)
            return true;
        const key = `${object.name}.${field.name}`.toLowerCase();
        return this.grants(userId).some(
            (ps) => ps.fields.get(key)?.readable === true || ps.fields.get(key)?.editable === true,
        );
    }

    canEditField(userId: string, object: ObjectDescribe, field: FieldDescribe): boolean {
        if (!field.createable && !field.updateable) return false;
        if (!this.canEdit(userId, object) && !this.canCreate(userId, object)) return false;
        if (!field.custom || this.isAdmin(userId) || !field.nillable) return true;
        const key = `${object.name}.${field.name}`.toLowerCase();
        return this.grants(userId).some((ps) => ps.fields.get(key)?.editable === true);
    }

    /**
     * Whether the user reaches every record of the object whatever its sharing: the System Administrator profile (View
     * All Data / Modify All Data), or View All (reading) / Modify All (reading and editing) on the object.
     */
    reachesAllRecords(userId: string, object: ObjectDescribe, access: 'read' | 'edit'): boolean {
        if (this.isAdmin(userId)) return true;
        const key = object.name.toLowerCase();
        return this.grants(userId).some((ps) => {
            const p = ps.objects.get(key);
            return p !== undefined && (p.modifyAll || (access === 'read' && p.viewAll));
        });
    }

    /** The schema the model answers for (describe helpers use it). */
    get schemaProvider(): Schema {
        return this.schema;
    }
}
