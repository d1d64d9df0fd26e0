/**
 * What a new org holds before any test runs: the Organization row, the standard profiles, the default
 * (System Administrator) user, one PermissionSet row per project permission set, record types and custom
 * metadata records.
 */
import type { Row } from '../schema-types.js';
import { STANDARD_USER, SYSTEM_ADMINISTRATOR } from '../security/permission-model.js';
import type { DataContext } from './data-context.js';
import { systemInsert } from './system-write.js';
import { MetadataError } from '../errors.js';

export interface SeedResult {
    organizationId: string;
    defaultUserId: string;
    profileIds: Record<string, string>;
}

export function seedOrg(ctx: DataContext, setUser: (id: string) => void): SeedResult {
    const [organizationId] = systemInsert(ctx, 'Organization', [
        {
            Name: 'Offline Org',
            IsSandbox: false,
            OrganizationType: 'Developer Edition',
            InstanceName: 'OFF1',
            TimeZoneSidKey: ctx.timeZone,
            LanguageLocaleKey: 'en_US',
            DefaultLocaleSidKey: 'en_US',
        },
    ]);
    const profileNames = [SYSTEM_ADMINISTRATOR, STANDARD_USER, 'Minimum Access - Salesforce'];
    const profileIdList = systemInsert(
        ctx,
        'Profile',
        profileNames.map((Name) => ({ Name, UserType: 'Standard' })),
    );
    const profileIds: Record<string, string> = {};
    profileNames.forEach((n, i) => (profileIds[n] = profileIdList[i]));
    const admin: Row = {
        Username: 'admin@offline-org.invalid',
        FirstName: 'Offline',
        LastName: 'Admin',
        Name: 'Offline Admin',
        Alias: 'admin',
        Email: 'admin@offline-org.invalid',
        ProfileId: profileIds[SYSTEM_ADMINISTRATOR],
        IsActive: true,
        TimeZoneSidKey: ctx.timeZone,
        LocaleSidKey: 'en_US',
        EmailEncodingKey: 'UTF-8',
        LanguageLocaleKey: 'en_US',
        UserType: 'Standard',
    };
    const defaultUserId = ctx.ids.newId('005');
    setUser(defaultUserId);
    systemInsert(ctx, 'User', [{ ...admin, Id: defaultUserId }]);
    systemInsert(
        ctx,
        'PermissionSet',
        ctx.schema.permissionSets.map((ps) => ({ Name: ps.name, Label: ps.label, IsOwnedByProfile: false })),
    );
    const byObject = new Map<string, Row[]>();
    for (const rec of metadataWithIds(ctx)) {
        const list = byObject.get(rec.objectName) ?? [];
        list.push(rec.values);
        byObject.set(rec.objectName, list);
    }
    for (const [objectName, rows] of byObject) systemInsert(ctx, objectName, rows);
    return { organizationId: organizationId, defaultUserId, profileIds };
}

/**
 * The metadata records with their Ids given up front, so that a custom metadata relationship to another custom
 * metadata type holds the related record's Id, as on the platform (the record file names it by DeveloperName).
 */
function textOf(value: unknown): string {
    return typeof value === 'string' ? value : '';
}

function metadataWithIds(ctx: DataContext): { objectName: string; values: Row }[] {
    const records = ctx.schema.metadataRecords.map((rec) => ({
        objectName: rec.objectName,
        values: { ...rec.values },
    }));
    const ids = new Map<string, string>();
    for (const rec of records) {
        const object = ctx.schema.getObject(rec.objectName);
        if (!object?.customMetadata) continue;
        const id = ctx.ids.newId(object.keyPrefix);
        rec.values.Id = id;
        ids.set(`${object.name}.${textOf(rec.values.DeveloperName)}`.toLowerCase(), id);
    }
    for (const rec of records) {
        const object = ctx.schema.getObject(rec.objectName);
        if (!object?.customMetadata) continue;
        for (const field of object.fields.values()) {
            const related = field.type === 'reference' ? ctx.schema.getObject(field.referenceTo[0] ?? '') : undefined;
            const value = rec.values[field.name];
            if (!related?.customMetadata || typeof value !== 'string') continue;
            const id = ids.get(`${related.name}.${value}`.toLowerCase());
            if (!id)
                throw new MetadataError(
                    `customMetadata/${object.name.replace(/__mdt$/i, '')}.${textOf(rec.values.DeveloperName)}.md-meta.xml`,
                    `${field.name} names ${value}, but ${related.name} has no such record`,
                );
            rec.values[field.name] = id;
        }
    }
    return records;
}
