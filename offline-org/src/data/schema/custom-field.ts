/**
 * Reads one `<CustomField>` element (a `fields/X.field-meta.xml` file or an inline `<fields>` of an object) into a
 * FieldDescribe, following the platform's mapping of metadata field types to Schema.DisplayType.
 */
import { MetadataError } from '../errors.js';
import type { FieldDescribe, FieldType, StorageValue } from '../schema-types.js';
import { makeField } from './field-factory.js';
import { child, childBool, childrenNamed, childText, type XmlElement } from './xml.js';

const TYPE_MAP: Record<string, FieldType> = {
    Text: 'string',
    TextArea: 'textarea',
    LongTextArea: 'textarea',
    Html: 'textarea',
    EncryptedText: 'encryptedstring',
    Number: 'double',
    Currency: 'currency',
    Percent: 'percent',
    Checkbox: 'boolean',
    Date: 'date',
    DateTime: 'datetime',
    Time: 'time',
    Picklist: 'picklist',
    MultiselectPicklist: 'multipicklist',
    Email: 'email',
    Phone: 'phone',
    Url: 'url',
    Lookup: 'reference',
    MasterDetail: 'reference',
    MetadataRelationship: 'reference',
    AutoNumber: 'string',
    Location: 'location',
    Summary: 'double',
};

/** Parses a trivial default-value formula (`true`, `42`, `'text'`); returns undefined for anything else. */
export function trivialDefault(formula: string, type: FieldType): StorageValue | undefined {
    const f = formula.trim();
    if (type === 'boolean') return f.toLowerCase() === 'true' ? true : f.toLowerCase() === 'false' ? false : undefined;
    if (/^-?\d+(\.\d+)?$/.test(f) && ['double', 'currency', 'percent', 'integer'].includes(type)) return Number(f);
    const quoted = /^(['"])(.*)\1$/s.exec(f);
    if (quoted) return (quoted[2] ?? '').replace(/\\(.)/g, '$1');
    if (f.toLowerCase() === 'null') return null;
    return undefined;
}

function intChild(el: XmlElement, name: string): number {
    const t = childText(el, name);
    return t === undefined ? 0 : Number(t);
}

/** Builds the FieldDescribe for a custom field. `objectName` and `file` are for messages. */
export function readCustomField(el: XmlElement, objectName: string, file: string): FieldDescribe {
    const fullName = childText(el, 'fullName') ?? '';
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(fullName))
        throw new MetadataError(file, `field has no valid <fullName> (${JSON.stringify(fullName)})`);
    const metaType = childText(el, 'type');
    const formula = childText(el, 'formula');
    const summary = metaType === 'Summary';
    let type: FieldType | undefined = metaType ? TYPE_MAP[metaType] : undefined;
    if (formula !== undefined && metaType) type = TYPE_MAP[metaType === 'Checkbox' ? 'Checkbox' : metaType];
    if (!type)
        throw new MetadataError(file, `unknown field type ${JSON.stringify(metaType)} on ${objectName}.${fullName}`);
    if (metaType === 'Number' && intChild(el, 'scale') === 0 && formula === undefined && !summary) type = 'double';
    const calculated = formula !== undefined || summary;
    const required = childBool(el, 'required') || metaType === 'MasterDetail';
    const over: Partial<FieldDescribe> = {
        label: childText(el, 'label') ?? fullName,
        nillable: !required && type !== 'boolean',
        unique: childBool(el, 'unique'),
        externalId: childBool(el, 'externalId'),
        caseSensitive: childBool(el, 'caseSensitive'),
        custom: true,
        calculated,
        createable: !calculated && metaType !== 'AutoNumber',
        updateable:
            !calculated &&
            metaType !== 'AutoNumber' &&
            !(metaType === 'MasterDetail' && !childBool(el, 'reparentableMasterDetail')),
        inlineHelpText: childText(el, 'inlineHelpText') ?? null,
        description: childText(el, 'description') ?? null,
    };
    if (over.externalId || over.unique) over.idLookup = true;
    if (formula !== undefined) over.formula = formula;
    if (summary)
        over.formula = `${childText(el, 'summaryOperation') ?? 'summary'}(${childText(el, 'summarizedField') ?? childText(el, 'summaryForeignKey') ?? ''})`;
    switch (metaType) {
        case 'Text':
        case 'EncryptedText':
        case 'Email':
        case 'Phone':
        case 'Url':
            over.length = intChild(el, 'length') || (metaType === 'Email' ? 80 : metaType === 'Phone' ? 40 : 255);
            break;
        case 'TextArea':
            over.length = 255;
            break;
        case 'LongTextArea':
        case 'Html':
            over.length = intChild(el, 'length') || 32768;
            over.filterable = false;
            over.sortable = false;
            break;
        case 'Number':
        case 'Currency':
        case 'Percent':
            over.precision = intChild(el, 'precision') || 18;
            over.scale = intChild(el, 'scale');
            break;
        case 'AutoNumber':
            over.autoNumber = true;
            over.length = 30;
            over.autoNumberFormat = childText(el, 'displayFormat') ?? '{0}';
            over.defaultedOnCreate = true;
            break;
        case 'Lookup':
        case 'MasterDetail':
        case 'MetadataRelationship': {
            const target = childText(el, 'referenceTo');
            if (!target) throw new MetadataError(file, `${objectName}.${fullName} has no <referenceTo>`);
            over.referenceTo = [target];
            over.relationshipName = fullName.replace(/__c$/i, '__r');
            const childName = childText(el, 'relationshipName');
            over.childRelationshipName = childName ? `${childName}__r` : null;
            const constraint = childText(el, 'deleteConstraint');
            over.cascadeDelete = metaType === 'MasterDetail' || constraint === 'Cascade';
            if (metaType === 'MasterDetail') {
                over.masterDetail = true;
                over.writeRequiresMasterRead = childBool(el, 'writeRequiresMasterRead');
            }
            over.restrictedDelete = constraint === 'Restrict';
            over.length = 18;
            break;
        }
        case 'Picklist':
        case 'MultiselectPicklist': {
            const valueSet = child(el, 'valueSet');
            const definition = valueSet ? child(valueSet, 'valueSetDefinition') : undefined;
            over.picklistValues = (definition ? childrenNamed(definition, 'value') : []).map((v) => {
                const value = childText(v, 'fullName') ?? '';
                return {
                    value,
                    label: childText(v, 'label') ?? value,
                    active: true,
                    defaultValue: childBool(v, 'default'),
                };
            });
            // Global value sets (<valueSetName>) are not read: their values are accepted unrestricted.
            over.restrictedPicklist =
                valueSet !== undefined && definition !== undefined && childBool(valueSet, 'restricted');
            const def = over.picklistValues.find((p) => p.defaultValue);
            if (def) {
                over.defaultValue = def.value;
                over.defaultedOnCreate = true;
            }
            over.length = metaType === 'MultiselectPicklist' ? 4099 : 255;
            break;
        }
        default:
            break;
    }
    const field = makeField(fullName, type, over);
    const defaultFormula = childText(el, 'defaultValue');
    if (defaultFormula !== undefined && defaultFormula !== '') {
        const value = trivialDefault(defaultFormula, type);
        if (value === undefined) field.defaultFormula = defaultFormula;
        else {
            field.defaultValue = value;
            field.defaultedOnCreate = true;
        }
    }
    return field;
}
