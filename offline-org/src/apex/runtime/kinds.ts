/**
 * Which built-in method table (stdlib registry kind) serves a value that is not a user object.
 */
import {
    ApexList,
    ApexMap,
    ApexObject,
    ApexSet,
    EnumValue,
    IdValue,
    NativeObject,
    SObjectValue,
    TypeValue,
} from './values.js';
import type { Value } from './values.js';
import { valueTypeName } from './types.js';

export function kindOf(v: Value): string {
    switch (typeof v) {
        case 'string':
            return 'string';
        case 'number':
            return 'integer';
        case 'bigint':
            return 'long';
        case 'boolean':
            return 'boolean';
    }
    if (v instanceof ApexList) return 'list';
    if (v instanceof ApexMap) return 'map';
    if (v instanceof ApexSet) return 'set';
    if (v instanceof SObjectValue) return 'sobject';
    if (v instanceof IdValue) return 'id';
    if (v instanceof EnumValue) return 'enum';
    if (v instanceof TypeValue) return 'type';
    if (v instanceof NativeObject) return v.typeName.toLowerCase();
    if (v instanceof ApexObject) return 'object';
    return valueTypeName(v).toLowerCase();
}
