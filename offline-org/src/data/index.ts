/** The offline org's data layer: schema, Ids, the SQLite store, SOQL, DML and the permission model. */
export * from './schema-types.js';
export * from './errors.js';
export { checksumSuffix, idsEqual, isValidId, keyPrefixOf, to15, to18, IdGenerator } from './ids/ids.js';
export { loadSchema } from './schema/load-schema.js';
export { Schema, type MetadataRecord, type SchemaExtras } from './schema/schema.js';
export { buildStandardObjects } from './schema/standard-objects.js';
export { parseXml, type XmlElement } from './schema/xml.js';
export { OrgStore, type OrgStoreOptions } from './store/org-store.js';
export type { Savepoint } from './store/transactions.js';
export type { QueryOptions, QueryResult } from './soql/execute.js';
export type { QueryCursor } from './soql/cursor.js';
export type { BindResolver, BindValue, Binds } from './soql/binds.js';
export { parseSoql } from './soql/parse.js';
export type * from './soql/ast.js';
export type { MergeResult } from './dml/merge.js';
export {
    DmlException,
    type DmlError,
    type DmlHookContext,
    type DmlHooks,
    type DmlOperation,
    type DmlOptions,
    type DmlResult,
} from './dml/types.js';
export {
    PermissionModel,
    STANDARD_USER,
    SYSTEM_ADMINISTRATOR,
    type UserDirectory,
} from './security/permission-model.js';
export type { PermissionSetDefinition, ObjectPermission, FieldPermission } from './security/permission-set.js';
export { dateLiteralRange } from './soql/date-literals.js';
export { rowType, setRowType } from './row-type.js';
