/**
 * Names of the platform's built-in (non-primitive) types and enums that the runtime knows, so that declarations like
 * `Pattern p` or `System.RoundingMode m` resolve. Keys are lower-cased, qualified or not.
 */
const natives = [
  'System.Type', 'Pattern', 'Matcher', 'JSONGenerator', 'JSONParser', 'Schema.SObjectType', 'Schema.SObjectField',
  'Schema.DescribeSObjectResult', 'Schema.DescribeFieldResult', 'Database.SaveResult', 'Database.UpsertResult',
  'Database.DeleteResult', 'Database.Error', 'Database.QueryLocator', 'Database.BatchableContext', 'QueueableContext',
  'SchedulableContext', 'HttpRequest', 'HttpResponse', 'Http', 'Savepoint', 'System.Savepoint', 'Database.UndeleteResult',
  'Schema.PicklistEntry', 'Schema.ChildRelationship', 'FinalizerContext', 'Url', 'TimeZone', 'System.Iterator',
  'Iterator', 'Iterable', 'System.Iterable', 'Comparable', 'System.Comparable', 'Queueable', 'System.Queueable',
  'Schedulable', 'System.Schedulable', 'Database.Batchable', 'Database.Stateful', 'Database.AllowsCallouts', 'Finalizer',
  'System.Finalizer', 'HttpCalloutMock', 'Comparator', 'System.Comparator', 'StubProvider', 'System.StubProvider',
];

export const NATIVE_TYPES = new Map<string, string>();
for (const n of natives) {
  NATIVE_TYPES.set(n.toLowerCase(), n);
  const short = n.split('.').pop()!;
  if (!NATIVE_TYPES.has(short.toLowerCase())) NATIVE_TYPES.set(short.toLowerCase(), n);
}

export interface BuiltinEnum {
  qualified: string;
  values: string[];
}

const enums: BuiltinEnum[] = [
  { qualified: 'System.LoggingLevel', values: ['NONE', 'ERROR', 'WARN', 'INFO', 'DEBUG', 'FINE', 'FINER', 'FINEST'] },
  { qualified: 'System.RoundingMode', values: ['CEILING', 'DOWN', 'FLOOR', 'HALF_DOWN', 'HALF_EVEN', 'HALF_UP', 'UNNECESSARY', 'UP'] },
  { qualified: 'System.JSONToken', values: ['END_ARRAY', 'END_OBJECT', 'FIELD_NAME', 'NOT_AVAILABLE', 'START_ARRAY', 'START_OBJECT', 'VALUE_EMBEDDED_OBJECT', 'VALUE_FALSE', 'VALUE_NULL', 'VALUE_NUMBER_FLOAT', 'VALUE_NUMBER_INT', 'VALUE_STRING', 'VALUE_TRUE'] },
  { qualified: 'System.AccessLevel', values: ['SYSTEM_MODE', 'USER_MODE'] },
  { qualified: 'System.TriggerOperation', values: ['BEFORE_INSERT', 'BEFORE_UPDATE', 'BEFORE_DELETE', 'AFTER_INSERT', 'AFTER_UPDATE', 'AFTER_DELETE', 'AFTER_UNDELETE'] },
  { qualified: 'System.StatusCode', values: ['REQUIRED_FIELD_MISSING', 'FIELD_CUSTOM_VALIDATION_EXCEPTION', 'DUPLICATE_VALUE', 'INVALID_CROSS_REFERENCE_KEY', 'ENTITY_IS_DELETED', 'UNABLE_TO_LOCK_ROW', 'INVALID_FIELD', 'STRING_TOO_LONG'] },
  { qualified: 'Schema.DisplayType', values: ['ADDRESS', 'ANYTYPE', 'BASE64', 'BOOLEAN', 'COMBOBOX', 'CURRENCY', 'DATACATEGORYGROUPREFERENCE', 'DATE', 'DATETIME', 'DOUBLE', 'EMAIL', 'ENCRYPTEDSTRING', 'ID', 'INTEGER', 'LOCATION', 'LONG', 'MULTIPICKLIST', 'PERCENT', 'PHONE', 'PICKLIST', 'REFERENCE', 'STRING', 'TEXTAREA', 'TIME', 'URL'] },
];

export const BUILTIN_ENUMS = new Map<string, BuiltinEnum>();
for (const e of enums) {
  BUILTIN_ENUMS.set(e.qualified.toLowerCase(), e);
  BUILTIN_ENUMS.set(e.qualified.split('.').pop()!.toLowerCase(), e);
}
