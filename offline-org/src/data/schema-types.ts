/**
 * The shape of the offline org's schema, shared by the data layer (which builds it from metadata) and the
 * interpreter (which answers `Schema.*` describe calls and converts storage values with it).
 * Names follow the platform's DescribeSObjectResult / DescribeFieldResult.
 */

/** Schema.DisplayType, lower-cased. */
export type FieldType =
    | 'id'
    | 'reference'
    | 'string'
    | 'textarea'
    | 'picklist'
    | 'multipicklist'
    | 'combobox'
    | 'email'
    | 'phone'
    | 'url'
    | 'boolean'
    | 'integer'
    | 'long'
    | 'double'
    | 'currency'
    | 'percent'
    | 'date'
    | 'datetime'
    | 'time'
    | 'encryptedstring'
    | 'base64'
    | 'address'
    | 'location';

/** A storage value: what the data layer stores and returns (see offline-org/README.md). */
export type StorageValue = string | number | boolean | null;

/** One row as the data layer takes and returns it, keyed by canonical field names. */
export interface Row {
    [field: string]: StorageValue | Row | Row[] | undefined;
}

export interface PicklistEntry {
    value: string;
    label: string;
    active: boolean;
    defaultValue: boolean;
}

export interface FieldDescribe {
    /** Canonical API name, e.g. `Name`, `Resync_Target__c`. */
    name: string;
    label: string;
    type: FieldType;
    length: number;
    precision: number;
    scale: number;
    digits: number;
    nillable: boolean;
    createable: boolean;
    updateable: boolean;
    filterable: boolean;
    sortable: boolean;
    groupable: boolean;
    unique: boolean;
    caseSensitive: boolean;
    externalId: boolean;
    idLookup: boolean;
    nameField: boolean;
    custom: boolean;
    calculated: boolean;
    autoNumber: boolean;
    defaultedOnCreate: boolean;
    /** The default value from metadata, as a storage value, or null. */
    defaultValue: StorageValue;
    /** For reference fields: the objects it may point to. */
    referenceTo: string[];
    /** For reference fields: the relationship name used in SOQL (`Account`, `Parent`, `Target__r`). */
    relationshipName: string | null;
    /** For master-detail fields. */
    cascadeDelete: boolean;
    /** Added by the data layer: a master-detail field (the record's sharing follows its master's). */
    masterDetail?: boolean;
    /** Added by the data layer: writing the detail needs only read access to the master (`writeRequiresMasterRead`). */
    writeRequiresMasterRead?: boolean;
    restrictedDelete: boolean;
    picklistValues: PicklistEntry[];
    inlineHelpText: string | null;
    description: string | null;
    /** Added by the data layer: the child relationship name this reference field gives its parent (`Contacts`). */
    childRelationshipName?: string | null;
    /** Added by the data layer: a restricted picklist rejects values outside its value set. */
    restrictedPicklist?: boolean;
    /** Added by the data layer: the display format of an auto-number field, e.g. `INV-{0000}`. */
    autoNumberFormat?: string;
    /** Added by the data layer: the formula of a calculated field (not evaluated by the offline runtime). */
    formula?: string;
    /** Added by the data layer: a default-value formula the offline runtime cannot evaluate (raises "not supported"). */
    defaultFormula?: string;
    /**
     * Added by the data layer: why the offline org cannot use the field (a relationship to a platform object it does
     * not model, e.g. FieldDefinition). The project still loads; SOQL and DML touching the field refuse loudly.
     */
    unsupported?: string;
}

export interface ChildRelationship {
    childSObject: string;
    field: string;
    relationshipName: string | null;
    cascadeDelete: boolean;
    restrictedDelete: boolean;
}

export interface ObjectDescribe {
    /** Canonical API name, e.g. `Account`, `Resync_Run__c`. */
    name: string;
    label: string;
    labelPlural: string;
    keyPrefix: string;
    custom: boolean;
    customSetting: boolean;
    /** Custom metadata type (`__mdt`). */
    customMetadata: boolean;
    /** Platform event (`__e`). */
    platformEvent: boolean;
    createable: boolean;
    updateable: boolean;
    deletable: boolean;
    queryable: boolean;
    undeletable: boolean;
    /** Keyed by lower-cased field name. */
    fields: Map<string, FieldDescribe>;
    childRelationships: ChildRelationship[];
    /** Added by the data layer: `List` or `Hierarchy` for custom settings. */
    customSettingsType?: 'List' | 'Hierarchy';
    /** Added by the data layer: fields the read-only `Name` is composed of (Contact, Lead, User). */
    nameComposedOf?: string[];
    /** Added by the data layer: the SObject is a setup object (User, Profile, PermissionSet ...), with no recycle bin. */
    setup?: boolean;
    /**
     * Platform events: `PublishImmediately` (delivered even when the publishing transaction rolls back) or
     * `PublishAfterCommit` (delivered only after it commits), from the object's `<publishBehavior>`.
     */
    publishBehavior?: 'PublishImmediately' | 'PublishAfterCommit';
    /**
     * Added by the data layer: the organization-wide default for internal users, from the object's `<sharingModel>`
     * (a standard object without a project file of its own: absent, read as Public Read/Write).
     */
    sharingModel?: SharingModel;
    /** Added by the data layer: the project's sharing-rules file for the object (rules are not modelled). */
    sharingRulesFile?: string;
}

/** An organization-wide default (`<sharingModel>` of CustomObject metadata). */
export type SharingModel = 'Private' | 'Read' | 'ReadWrite' | 'ReadWriteTransfer' | 'FullAccess' | 'ControlledByParent';

/** What the interpreter needs from the schema. */
export interface SchemaProvider {
    /** Case-insensitive lookup; undefined when the object does not exist. */
    getObject(name: string): ObjectDescribe | undefined;
    /** Canonical names of every object. */
    objectNames(): string[];
    /** The object whose Ids start with this 3-character prefix. */
    objectByKeyPrefix(prefix: string): ObjectDescribe | undefined;
}
