/**
 * Names of the platform's built-in (non-primitive) types and enums that the runtime knows, so that declarations like
 * `Pattern p` or `System.RoundingMode m` resolve. Keys are lower-cased, qualified or not.
 */
/** Canonical names; each is also known by its last segment (`Iterator` = `System.Iterator`). */
const natives = [
    'System.Type',
    'System.Pattern',
    'System.Matcher',
    'System.JSONGenerator',
    'System.JSONParser',
    'Schema.SObjectType',
    'Schema.SObjectField',
    'Schema.DescribeSObjectResult',
    'Schema.DescribeFieldResult',
    'Schema.PicklistEntry',
    'Schema.ChildRelationship',
    'Schema.SObjectTypeFields',
    'Database.SaveResult',
    'Database.UpsertResult',
    'Database.DeleteResult',
    'Database.UndeleteResult',
    'Database.Error',
    'Database.QueryLocator',
    'Database.BatchableContext',
    'Database.Batchable',
    'Database.Stateful',
    'Database.AllowsCallouts',
    'Database.DMLOptions',
    'System.QueueableContext',
    'System.SchedulableContext',
    'System.FinalizerContext',
    'System.HttpRequest',
    'System.HttpResponse',
    'System.Http',
    'System.HttpCalloutMock',
    'System.Savepoint',
    'System.Url',
    'System.TimeZone',
    'System.Iterator',
    'System.Iterable',
    'System.Comparable',
    'System.Comparator',
    'System.Queueable',
    'System.Schedulable',
    'System.Finalizer',
    'System.StubProvider',
    'System.Callable',
    'System.AsyncOptions',
    'System.QueueableDuplicateSignature',
    'System.QueueableDuplicateSignature.Builder',
];

export const NATIVE_TYPES = new Map<string, string>();
for (const n of natives) {
    NATIVE_TYPES.set(n.toLowerCase(), n);
    const short = n.split('.').pop()!;
    if (!NATIVE_TYPES.has(short.toLowerCase())) NATIVE_TYPES.set(short.toLowerCase(), n);
}

/** The canonical name of a built-in type (`Pattern` -> `System.Pattern`), or the name itself. */
export function canonicalNative(name: string): string {
    return NATIVE_TYPES.get(name.toLowerCase()) ?? name;
}

export interface BuiltinEnum {
    qualified: string;
    values: string[];
}

const enums: BuiltinEnum[] = [
    { qualified: 'System.LoggingLevel', values: ['NONE', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'FINE', 'FINER', 'FINEST'] },
    {
        qualified: 'System.RoundingMode',
        values: ['CEILING', 'DOWN', 'FLOOR', 'HALF_DOWN', 'HALF_EVEN', 'HALF_UP', 'UNNECESSARY', 'UP'],
    },
    {
        qualified: 'System.JSONToken',
        values: [
            'END_ARRAY',
            'END_OBJECT',
            'FIELD_NAME',
            'NOT_AVAILABLE',
            'START_ARRAY',
            'START_OBJECT',
            'VALUE_EMBEDDED_OBJECT',
            'VALUE_FALSE',
            'VALUE_NULL',
            'VALUE_NUMBER_FLOAT',
            'VALUE_NUMBER_INT',
            'VALUE_STRING',
            'VALUE_TRUE',
        ],
    },
    { qualified: 'System.ParentJobResult', values: ['SUCCESS', 'UNHANDLED_EXCEPTION'] },
    { qualified: 'System.AccessLevel', values: ['SYSTEM_MODE', 'USER_MODE'] },
    {
        qualified: 'System.TriggerOperation',
        values: [
            'BEFORE_INSERT',
            'BEFORE_UPDATE',
            'BEFORE_DELETE',
            'AFTER_INSERT',
            'AFTER_UPDATE',
            'AFTER_DELETE',
            'AFTER_UNDELETE',
        ],
    },
    {
        qualified: 'System.StatusCode',
        values: [
            'REQUIRED_FIELD_MISSING',
            'FIELD_CUSTOM_VALIDATION_EXCEPTION',
            'DUPLICATE_VALUE',
            'INVALID_CROSS_REFERENCE_KEY',
            'ENTITY_IS_DELETED',
            'UNABLE_TO_LOCK_ROW',
            'INVALID_FIELD',
            'STRING_TOO_LONG',
            'INVALID_FIELD_FOR_INSERT_UPDATE',
            'MALFORMED_ID',
            'FIELD_INTEGRITY_EXCEPTION',
            'DUPLICATE_EXTERNAL_ID',
            'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
            'INVALID_TYPE_ON_FIELD_IN_RECORD',
            'INVALID_TYPE',
            'INVALID_ID_FIELD',
            'MISSING_ARGUMENT',
            'DELETE_FAILED',
            'UNDELETE_FAILED',
            'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY',
            'INSUFFICIENT_ACCESS_OR_READONLY',
            'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
            'UNKNOWN_EXCEPTION',
        ],
    },
    {
        qualified: 'Schema.DisplayType',
        values: [
            'ADDRESS',
            'ANYTYPE',
            'BASE64',
            'BOOLEAN',
            'COMBOBOX',
            'CURRENCY',
            'DATACATEGORYGROUPREFERENCE',
            'DATE',
            'DATETIME',
            'DOUBLE',
            'EMAIL',
            'ENCRYPTEDSTRING',
            'ID',
            'INTEGER',
            'LOCATION',
            'LONG',
            'MULTIPICKLIST',
            'PERCENT',
            'PHONE',
            'PICKLIST',
            'REFERENCE',
            'STRING',
            'TEXTAREA',
            'TIME',
            'URL',
        ],
    },
];

export const BUILTIN_ENUMS = new Map<string, BuiltinEnum>();
for (const e of enums) {
    BUILTIN_ENUMS.set(e.qualified.toLowerCase(), e);
    BUILTIN_ENUMS.set(e.qualified.split('.').pop()!.toLowerCase(), e);
}

/**
 * Platform classes this runtime knows exist but does not implement (yet). Naming one resolves (so declarations
 * compile); calling into it raises the loud "not supported by the offline runtime" error instead of a misleading
 * "Variable does not exist".
 */
export const KNOWN_UNIMPLEMENTED = new Set([
    'url',
    'messaging',
    'cache',
    'approval',
    'site',
    'network',
    'connectapi',
    'auth',
    'search',
    'process',
    'flow',
    'page',
    'apexpages',
    'pagereference',
    'restcontext',
    'restrequest',
    'restresponse',
    'continuation',
    'dom',
    'xmlstreamreader',
    'xmlstreamwriter',
    'featuremanagement',
    'formula',
    'dataweave',
    'reports',
    'metadata',
    'orglimits',
    'request',
    'quiddity',
    'currencyinfo',
    'domainparser',
    'usermanagement',
    'sobjectaccessdecision',
    'security',
    'accesstype',
    'invocable',
    'webservicecallout',
    'kbmanagement',
    'staticresourcecalloutmock',
    'multistaticresourcecalloutmock',
    'webservicemock',
    'csvreader',
    'compression',
]);
