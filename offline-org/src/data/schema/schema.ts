/**
 * The org's schema: every SObject (standard and from metadata), with child relationships linked, plus the metadata
 * records that become rows (custom metadata records, record types) and the permission sets.
 */
import type { ChildRelationship, FieldDescribe, ObjectDescribe, Row, SchemaProvider } from '../schema-types.js';
import type { PermissionSetDefinition } from '../security/permission-set.js';

export interface MetadataRecord {
    objectName: string;
    values: Row;
}

export interface SchemaExtras {
    /** Rows loaded from metadata: custom metadata records, record types. Inserted by the store when it is created. */
    metadataRecords?: MetadataRecord[];
    permissionSets?: PermissionSetDefinition[];
}

export class Schema implements SchemaProvider {
    private readonly byName = new Map<string, ObjectDescribe>();
    private readonly byPrefix = new Map<string, ObjectDescribe>();
    readonly metadataRecords: MetadataRecord[];
    readonly permissionSets: PermissionSetDefinition[];

    constructor(objects: ObjectDescribe[], extras: SchemaExtras = {}) {
        for (const o of objects) {
            const key = o.name.toLowerCase();
            if (this.byName.has(key)) throw new Error(`Schema: object ${o.name} defined twice`);
            if (this.byPrefix.has(o.keyPrefix))
                throw new Error(
                    `Schema: key prefix ${o.keyPrefix} used by ${o.name} and ${this.byPrefix.get(o.keyPrefix)?.name}`,
                );
            this.byName.set(key, o);
            this.byPrefix.set(o.keyPrefix, o);
        }
        linkChildRelationships(objects, this);
        this.metadataRecords = extras.metadataRecords ?? [];
        this.permissionSets = extras.permissionSets ?? [];
    }

    getObject(name: string): ObjectDescribe | undefined {
        return this.byName.get(name.toLowerCase());
    }

    objectNames(): string[] {
        return [...this.byName.values()].map((o) => o.name).sort();
    }

    objectByKeyPrefix(prefix: string): ObjectDescribe | undefined {
        return this.byPrefix.get(prefix);
    }

    /** Case-insensitive field lookup. */
    getField(objectName: string, fieldName: string): FieldDescribe | undefined {
        return this.getObject(objectName)?.fields.get(fieldName.toLowerCase());
    }

    /** The parent reference field whose relationship name is `relationshipName` (case-insensitive). */
    parentRelationship(object: ObjectDescribe, relationshipName: string): FieldDescribe | undefined {
        const key = relationshipName.toLowerCase();
        for (const f of object.fields.values()) if (f.relationshipName?.toLowerCase() === key) return f;
        return undefined;
    }

    /** The child relationship of `object` named `relationshipName` (case-insensitive). */
    childRelationship(object: ObjectDescribe, relationshipName: string): ChildRelationship | undefined {
        const key = relationshipName.toLowerCase();
        return object.childRelationships.find((c) => c.relationshipName?.toLowerCase() === key);
    }
}

/** Fills each object's childRelationships from the reference fields of every object pointing at it. */
function linkChildRelationships(objects: ObjectDescribe[], schema: Schema): void {
    for (const o of objects) o.childRelationships = [];
    for (const o of objects) {
        for (const f of o.fields.values()) {
            if (f.type !== 'reference') continue;
            for (const target of f.referenceTo) {
                const parent = schema.getObject(target);
                if (!parent) continue;
                parent.childRelationships.push({
                    childSObject: o.name,
                    field: f.name,
                    relationshipName: f.childRelationshipName ?? null,
                    cascadeDelete: f.cascadeDelete,
                    restrictedDelete: f.restrictedDelete,
                });
            }
        }
    }
}
