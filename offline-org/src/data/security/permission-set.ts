/** Permission sets: object and field permissions, read from `permissionsets/*.permissionset-meta.xml`. */
import { MetadataError } from '../errors.js';
import { childBool, childrenNamed, childText, parseXml } from '../schema/xml.js';

export interface ObjectPermission {
    read: boolean;
    create: boolean;
    edit: boolean;
    delete: boolean;
    viewAll: boolean;
    modifyAll: boolean;
}

export interface FieldPermission {
    readable: boolean;
    editable: boolean;
}

export interface PermissionSetDefinition {
    name: string;
    label: string;
    /** Keyed by lower-cased object name. */
    objects: Map<string, ObjectPermission>;
    /** Keyed by lower-cased `object.field`. */
    fields: Map<string, FieldPermission>;
}

export function readPermissionSet(source: string, file: string, name: string): PermissionSetDefinition {
    const root = parseXml(source, file);
    if (root.name !== 'PermissionSet') throw new MetadataError(file, `expected <PermissionSet>, found <${root.name}>`);
    const objects = new Map<string, ObjectPermission>();
    for (const op of childrenNamed(root, 'objectPermissions')) {
        const object = childText(op, 'object');
        if (!object) throw new MetadataError(file, 'objectPermissions without <object>');
        objects.set(object.toLowerCase(), {
            read: childBool(op, 'allowRead'),
            create: childBool(op, 'allowCreate'),
            edit: childBool(op, 'allowEdit'),
            delete: childBool(op, 'allowDelete'),
            viewAll: childBool(op, 'viewAllRecords'),
            modifyAll: childBool(op, 'modifyAllRecords'),
        });
    }
    const fields = new Map<string, FieldPermission>();
    for (const fp of childrenNamed(root, 'fieldPermissions')) {
        const field = childText(fp, 'field');
        if (!field || !field.includes('.'))
            throw new MetadataError(file, `fieldPermissions with a bad <field> (${field ?? ''})`);
        fields.set(field.toLowerCase(), { readable: childBool(fp, 'readable'), editable: childBool(fp, 'editable') });
    }
    return { name, label: childText(root, 'label') ?? name, objects, fields };
}
