/**
 * Schema tokens and describe results: SObjectType / SObjectField tokens, DescribeSObjectResult, DescribeFieldResult,
 * PicklistEntry, Schema.getGlobalDescribe, Schema.SObjectType.X.fields.Y. Access checks (isAccessible, isCreateable,
 * isUpdateable, isDeletable, on objects and fields) answer from the schema's flags and the running user's permissions
 * (`Platform.access`, the data layer's permission model), as describe does for the running user on the platform.
 */
import { textOf } from '../apex/runtime/format.js';
import type { SourcePos } from '../apex/errors.js';
import type { ApexHost } from './host.js';
import type { FieldDescribe, ObjectDescribe } from '../data/schema-types.js';
import { keyOf } from '../apex/runtime/equality.js';
import { prim } from '../apex/runtime/types.js';
import { ApexList, ApexMap, EnumValue, IdValue, NativeObject, SObjectValue } from '../apex/runtime/values.js';
import type { Value } from '../apex/runtime/values.js';
import type { Registry } from './registry.js';
import { describeOf, newSObject } from './sobject.js';
import { BUILTIN_ENUMS } from '../apex/runtime/type-names.js';

const TOKEN = 'Schema.SObjectType';
const FIELD = 'Schema.SObjectField';
const DESCRIBE = 'Schema.DescribeSObjectResult';
const FIELD_DESCRIBE = 'Schema.DescribeFieldResult';
const FIELDS_OF = 'Schema.SObjectTypeFields';

export function sobjectTypeToken(rt: ApexHost, objectName: string, pos: SourcePos): NativeObject {
    return new NativeObject(TOKEN, describeOf(rt, objectName, pos));
}

function fieldToken(o: ObjectDescribe, f: FieldDescribe): NativeObject {
    return new NativeObject(FIELD, { o, f });
}

function describeResult(o: ObjectDescribe): NativeObject {
    return new NativeObject(DESCRIBE, o);
}

function fieldDescribe(o: ObjectDescribe, f: FieldDescribe): NativeObject {
    return new NativeObject(FIELD_DESCRIBE, { o, f });
}

function fieldOf(rt: ApexHost, o: ObjectDescribe, name: string): FieldDescribe {
    const f = o.fields.get(name.toLowerCase());
    if (!f) return rt.fail('SObjectException', `Invalid field ${name} for ${o.name}`);
    return f;
}

const obj = (s: Value): ObjectDescribe => (s as NativeObject).state as ObjectDescribe;

type Action = 'read' | 'create' | 'edit' | 'delete';
/** The running user's permission, when the platform models permissions (else the schema's flag alone decides). */
const allowed = (rt: ApexHost, o: ObjectDescribe, field: FieldDescribe | null, action: Action): boolean =>
    rt.platform.access?.(o.name, field ? field.name : null, action) ?? true;
const fld = (s: Value): { o: ObjectDescribe; f: FieldDescribe } =>
    (s as NativeObject).state as { o: ObjectDescribe; f: FieldDescribe };

function fieldMap(o: ObjectDescribe): ApexMap {
    const m = new ApexMap(prim('string'), { k: 'native', name: FIELD });
    m.caseInsensitiveKeys = true;
    for (const f of o.fields.values())
        m.entries.set(keyOf(f.name.toLowerCase()), [f.name.toLowerCase(), fieldToken(o, f)]);
    return m;
}

function displayType(t: string): EnumValue {
    const e = BUILTIN_ENUMS.get('schema.displaytype')!;
    const name = t.toUpperCase();
    return new EnumValue(e.qualified, name, e.values.indexOf(name));
}

export function registerSchema(reg: Registry): void {
    reg.sobjectStatic = (rt, objectName, member, pos) => {
        const o = describeOf(rt, objectName, pos);
        if (member.toLowerCase() === 'sobjecttype') return new NativeObject(TOKEN, o);
        return fieldToken(o, fieldOf(rt, o, member));
    };
    reg.staticProps('SObjectType', { '*': (rt, pos, member) => describeResult(describeOf(rt, member, pos)) });
    reg.staticMethods('Schema', {
        getglobaldescribe: (rt) => {
            const m = new ApexMap(prim('string'), { k: 'native', name: TOKEN });
            m.caseInsensitiveKeys = true;
            for (const n of rt.schema.objectNames())
                m.entries.set(keyOf(n.toLowerCase()), [
                    n.toLowerCase(),
                    new NativeObject(TOKEN, rt.schema.getObject(n)!),
                ]);
            return m;
        },
        describesobjects: (rt, a) => {
            const names = a[0] instanceof ApexList ? a[0].items : [];
            const results: Value[] = names.map((n) => {
                const d = rt.schema.getObject(textOf(n));
                return d
                    ? describeResult(d)
                    : rt.fail(
                          'InvalidParameterValueException',
                          `In describeSObjects(), invalid SObject type: ${textOf(n)}`,
                      );
            });
            return new ApexList({ k: 'native', name: DESCRIBE }, results);
        },
    });
    reg.instanceMethods('schema.sobjecttype', {
        getdescribe: (_rt, s) => describeResult(obj(s)),
        newsobject: (rt, s, a, pos) => {
            const so: SObjectValue = newSObject(rt, obj(s).name, pos);
            if (a[0] !== undefined && a[0] !== null)
                so.fields.set('id', { name: 'Id', value: a[0] instanceof IdValue ? a[0] : rt.toId(textOf(a[0])) });
            return so;
        },
        tostring: (_rt, s) => obj(s).name,
        equals: (_rt, s, a) =>
            a[0] instanceof NativeObject && a[0].typeName === TOKEN && obj(a[0]).name === obj(s).name,
        hashcode: (_rt, s) => obj(s).name.length,
    });
    reg.instanceMethods('schema.sobjectfield', {
        getdescribe: (_rt, s) => fieldDescribe(fld(s).o, fld(s).f),
        tostring: (_rt, s) => fld(s).f.name,
        equals: (_rt, s, a) => a[0] instanceof NativeObject && a[0].typeName === FIELD && fld(a[0]).f === fld(s).f,
        hashcode: (_rt, s) => fld(s).f.name.length,
    });
    reg.instanceMethods('schema.describesobjectresult', {
        getname: (_rt, s) => obj(s).name,
        getlocalname: (_rt, s) => obj(s).name,
        getlabel: (_rt, s) => obj(s).label,
        getlabelplural: (_rt, s) => obj(s).labelPlural,
        getkeyprefix: (_rt, s) => obj(s).keyPrefix,
        iscustom: (_rt, s) => obj(s).custom,
        iscustomsetting: (_rt, s) => obj(s).customSetting,
        isaccessible: (rt, s) => obj(s).queryable && allowed(rt, obj(s), null, 'read'),
        isqueryable: (_rt, s) => obj(s).queryable,
        iscreateable: (rt, s) => obj(s).createable && allowed(rt, obj(s), null, 'create'),
        isupdateable: (rt, s) => obj(s).updateable && allowed(rt, obj(s), null, 'edit'),
        isdeletable: (rt, s) => obj(s).deletable && allowed(rt, obj(s), null, 'delete'),
        isundeletable: (_rt, s) => obj(s).undeletable,
        getsobjecttype: (_rt, s) => new NativeObject(TOKEN, obj(s)),
        '.fields': (_rt, s) => new NativeObject(FIELDS_OF, obj(s)),
        fields: (_rt, s) => new NativeObject(FIELDS_OF, obj(s)),
        getchildrelationships: (_rt, s) =>
            new ApexList(
                { k: 'native', name: 'Schema.ChildRelationship' },
                obj(s).childRelationships.map((c) => new NativeObject('Schema.ChildRelationship', c)),
            ),
    });
    reg.instanceMethods('schema.sobjecttypefields', {
        getmap: (_rt, s) => fieldMap(obj(s)),
        '.*': (rt, s, a) => fieldDescribe(obj(s), fieldOf(rt, obj(s), textOf(a[0]))),
    });
    const fd = (get: (f: FieldDescribe) => Value) => (_rt: ApexHost, s: Value) => get(fld(s).f);
    reg.instanceMethods('schema.describefieldresult', {
        getname: fd((f) => f.name),
        getlocalname: fd((f) => f.name),
        getlabel: fd((f) => f.label),
        gettype: fd((f) => displayType(f.type)),
        getlength: fd((f) => f.length),
        getprecision: fd((f) => f.precision),
        getscale: fd((f) => f.scale),
        getdigits: fd((f) => f.digits),
        isnillable: fd((f) => f.nillable),
        iscreateable: (rt, s) => fld(s).f.createable && allowed(rt, fld(s).o, fld(s).f, 'create'),
        isupdateable: (rt, s) => fld(s).f.updateable && allowed(rt, fld(s).o, fld(s).f, 'edit'),
        isaccessible: (rt, s) => allowed(rt, fld(s).o, fld(s).f, 'read'),
        isfilterable: fd((f) => f.filterable),
        issortable: fd((f) => f.sortable),
        isgroupable: fd((f) => f.groupable),
        isunique: fd((f) => f.unique),
        iscasesensitive: fd((f) => f.caseSensitive),
        isexternalid: fd((f) => f.externalId),
        isidlookup: fd((f) => f.idLookup),
        isnamefield: fd((f) => f.nameField),
        iscustom: fd((f) => f.custom),
        iscalculated: fd((f) => f.calculated),
        isautonumber: fd((f) => f.autoNumber),
        isdefaultedoncreate: fd((f) => f.defaultedOnCreate),
        getrelationshipname: fd((f) => f.relationshipName),
        iscascadedelete: fd((f) => f.cascadeDelete),
        isrestricteddelete: fd((f) => f.restrictedDelete),
        getinlinehelptext: fd((f) => f.inlineHelpText),
        getdefaultvalue: fd((f) => f.defaultValue),
        getreferenceto: (rt, s, _a, pos) =>
            new ApexList(
                { k: 'native', name: TOKEN },
                fld(s).f.referenceTo.map((n) => sobjectTypeToken(rt, n, pos)),
            ),
        getsobjectfield: (_rt, s) => fieldToken(fld(s).o, fld(s).f),
        getpicklistvalues: (_rt, s) =>
            new ApexList(
                { k: 'native', name: 'Schema.PicklistEntry' },
                fld(s).f.picklistValues.map((p) => new NativeObject('Schema.PicklistEntry', p)),
            ),
    });
    const pe =
        (get: (p: { value: string; label: string; active: boolean; defaultValue: boolean }) => Value) =>
        (_rt: ApexHost, s: Value) =>
            get((s as NativeObject).state as { value: string; label: string; active: boolean; defaultValue: boolean });
    reg.instanceMethods('schema.picklistentry', {
        getvalue: pe((p) => p.value),
        getlabel: pe((p) => p.label),
        isactive: pe((p) => p.active),
        isdefaultvalue: pe((p) => p.defaultValue),
    });
    const cr = (get: (c: ObjectDescribe['childRelationships'][number]) => Value) => (_rt: ApexHost, s: Value) =>
        get((s as NativeObject).state as ObjectDescribe['childRelationships'][number]);
    reg.instanceMethods('schema.childrelationship', {
        getrelationshipname: cr((c) => c.relationshipName),
        iscascadedelete: cr((c) => c.cascadeDelete),
        isrestricteddelete: cr((c) => c.restrictedDelete),
    });
}
