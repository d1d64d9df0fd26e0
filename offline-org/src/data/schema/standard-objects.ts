/**
 * The built-in standard objects with their real key prefixes, common fields and relationship names.
 * Only what Apex commonly touches; a field not listed here is "No such column" as on an org without it.
 */
import type { FieldDescribe, ObjectDescribe } from '../schema-types.js';
import { makeField, makeObject, picklist, referenceField, systemField } from './field-factory.js';

const str = (name: string, length = 255, over: Partial<FieldDescribe> = {}): FieldDescribe =>
    makeField(name, 'string', { length, ...over });
const req = (f: FieldDescribe): FieldDescribe => ({ ...f, nillable: false });
const nameField = (name = 'Name', length = 255): FieldDescribe => req(str(name, length, { nameField: true }));
const text = (name: string, length = 32000): FieldDescribe =>
    makeField(name, 'textarea', { length, filterable: length <= 255, sortable: length <= 255 });
const pick = (name: string, values: string[], def?: string): FieldDescribe =>
    makeField(name, 'picklist', {
        picklistValues: picklist(values, def),
        defaultValue: def ?? null,
        defaultedOnCreate: def !== undefined,
    });
const ref = (
    name: string,
    to: string[],
    rel: string,
    child: string | null,
    over: Partial<FieldDescribe> = {},
): FieldDescribe => referenceField(name, to, rel, { childRelationshipName: child, ...over });
const bool = (name: string, def = false, over: Partial<FieldDescribe> = {}): FieldDescribe =>
    makeField(name, 'boolean', { defaultValue: def, ...over });
const readOnly = (f: FieldDescribe): FieldDescribe => ({ ...f, createable: false, updateable: false });
const num = (
    name: string,
    type: 'integer' | 'double' | 'currency' | 'percent',
    precision = 18,
    scale = 0,
): FieldDescribe => makeField(name, type, type === 'integer' ? {} : { precision, scale });
const address = (prefix: string): FieldDescribe[] => [
    text(`${prefix}Street`, 255),
    str(`${prefix}City`, 40),
    str(`${prefix}State`, 80),
    str(`${prefix}PostalCode`, 20),
    str(`${prefix}Country`, 80),
];
const personName = (): FieldDescribe[] => [
    pick('Salutation', ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Prof.']),
    str('FirstName', 40),
    req(str('LastName', 80)),
    readOnly(str('Name', 121, { nameField: true })),
];
const LEAD_SOURCES = ['Web', 'Phone Inquiry', 'Partner Referral', 'Purchased List', 'Other'];
const INDUSTRIES = [
    'Agriculture',
    'Banking',
    'Chemicals',
    'Communications',
    'Education',
    'Energy',
    'Finance',
    'Government',
    'Healthcare',
    'Manufacturing',
    'Media',
    'Retail',
    'Technology',
    'Other',
];

function standardObjects(): ObjectDescribe[] {
    return [
        makeObject(
            'Account',
            '001',
            [
                readOnly(ref('MasterRecordId', ['Account'], 'MasterRecord', null)),
                nameField(),
                str('AccountNumber', 40),
                pick('Type', [
                    'Prospect',
                    'Customer - Direct',
                    'Customer - Channel',
                    'Channel Partner / Reseller',
                    'Installation Partner',
                    'Technology Partner',
                    'Other',
                ]),
                pick('Industry', INDUSTRIES),
                pick('Rating', ['Hot', 'Warm', 'Cold']),
                pick('AccountSource', LEAD_SOURCES),
                num('AnnualRevenue', 'currency', 18, 0),
                num('NumberOfEmployees', 'integer'),
                makeField('Phone', 'phone', { length: 40 }),
                makeField('Fax', 'phone', { length: 40 }),
                makeField('Website', 'url', { length: 255 }),
                str('Site', 80),
                str('TickerSymbol', 20),
                text('Description'),
                ref('ParentId', ['Account'], 'Parent', 'ChildAccounts'),
                ...address('Billing'),
                ...address('Shipping'),
            ],
            { ownerTo: ['User'], labelPlural: 'Accounts' },
        ),
        makeObject(
            'Contact',
            '003',
            [
                readOnly(ref('MasterRecordId', ['Contact'], 'MasterRecord', null)),
                ...personName(),
                makeField('Email', 'email', { length: 80 }),
                makeField('Phone', 'phone', { length: 40 }),
                makeField('MobilePhone', 'phone', { length: 40 }),
                str('Title', 128),
                str('Department', 80),
                makeField('Birthdate', 'date'),
                pick('LeadSource', LEAD_SOURCES),
                text('Description'),
                bool('HasOptedOutOfEmail'),
                ref('AccountId', ['Account'], 'Account', 'Contacts', { cascadeDelete: true }),
                ref('ReportsToId', ['Contact'], 'ReportsTo', null),
                ...address('Mailing'),
            ],
            { ownerTo: ['User'], nameComposedOf: ['FirstName', 'LastName'] },
        ),
        makeObject(
            'Opportunity',
            '006',
            [
                nameField('Name', 120),
                ref('AccountId', ['Account'], 'Account', 'Opportunities', { cascadeDelete: true }),
                req(
                    pick('StageName', [
                        'Prospecting',
                        'Qualification',
                        'Needs Analysis',
                        'Value Proposition',
                        'Proposal/Price Quote',
                        'Negotiation/Review',
                        'Closed Won',
                        'Closed Lost',
                    ]),
                ),
                req(makeField('CloseDate', 'date')),
                num('Amount', 'currency', 18, 2),
                num('Probability', 'percent', 3, 0),
                pick('Type', [
                    'Existing Customer - Upgrade',
                    'Existing Customer - Replacement',
                    'Existing Customer - Downgrade',
                    'New Customer',
                ]),
                pick('LeadSource', LEAD_SOURCES),
                pick('ForecastCategoryName', ['Omitted', 'Pipeline', 'Best Case', 'Commit', 'Closed']),
                str('NextStep', 255),
                text('Description'),
                readOnly(bool('IsClosed')),
                readOnly(bool('IsWon')),
            ],
            { ownerTo: ['User'], labelPlural: 'Opportunities' },
        ),
        makeObject(
            'Case',
            '500',
            [
                readOnly(ref('MasterRecordId', ['Case'], 'MasterRecord', null)),
                systemField('CaseNumber', 'string', {
                    length: 30,
                    nameField: true,
                    autoNumber: true,
                    autoNumberFormat: '{00000000}',
                }),
                str('Subject', 255),
                text('Description'),
                pick('Status', ['New', 'Working', 'Escalated', 'Closed'], 'New'),
                pick('Priority', ['High', 'Medium', 'Low'], 'Medium'),
                pick('Origin', ['Phone', 'Email', 'Web']),
                pick('Type', ['Mechanical', 'Electrical', 'Electronic', 'Structural', 'Other']),
                pick('Reason', [
                    'Installation',
                    'Equipment Complexity',
                    'Performance',
                    'Breakdown',
                    'Equipment Design',
                    'Feedback',
                    'Other',
                ]),
                ref('AccountId', ['Account'], 'Account', 'Cases', { cascadeDelete: true }),
                ref('ContactId', ['Contact'], 'Contact', 'Cases'),
                ref('ParentId', ['Case'], 'Parent', 'Cases'),
                makeField('SuppliedEmail', 'email', { length: 80 }),
                readOnly(bool('IsClosed')),
                readOnly(makeField('ClosedDate', 'datetime')),
            ],
            { ownerTo: ['Group', 'User'] },
        ),
        makeObject(
            'Lead',
            '00Q',
            [
                readOnly(ref('MasterRecordId', ['Lead'], 'MasterRecord', null)),
                ...personName(),
                req(str('Company', 255)),
                req(
                    pick(
                        'Status',
                        ['Open - Not Contacted', 'Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'],
                        'Open - Not Contacted',
                    ),
                ),
                makeField('Email', 'email', { length: 80 }),
                makeField('Phone', 'phone', { length: 40 }),
                str('Title', 128),
                pick('LeadSource', LEAD_SOURCES),
                pick('Industry', INDUSTRIES),
                pick('Rating', ['Hot', 'Warm', 'Cold']),
                text('Description'),
                readOnly(bool('IsConverted')),
                readOnly(ref('ConvertedAccountId', ['Account'], 'ConvertedAccount', null)),
                readOnly(ref('ConvertedContactId', ['Contact'], 'ConvertedContact', null)),
                readOnly(ref('ConvertedOpportunityId', ['Opportunity'], 'ConvertedOpportunity', null)),
                ...address(''),
            ],
            { ownerTo: ['Group', 'User'], nameComposedOf: ['FirstName', 'LastName'] },
        ),
        makeObject(
            'User',
            '005',
            [
                req(str('Username', 80, { unique: true, idLookup: true })),
                ...personName(),
                req(str('Alias', 8)),
                req(makeField('Email', 'email', { length: 128 })),
                str('CommunityNickname', 40, { unique: true }),
                req(ref('ProfileId', ['Profile'], 'Profile', 'Users')),
                ref('UserRoleId', ['UserRole'], 'UserRole', 'Users'),
                ref('ManagerId', ['User'], 'Manager', null),
                bool('IsActive', true),
                req(
                    pick('TimeZoneSidKey', [
                        'GMT',
                        'America/Los_Angeles',
                        'America/New_York',
                        'Europe/London',
                        'Europe/Paris',
                        'Asia/Tokyo',
                    ]),
                ),
                req(pick('LocaleSidKey', ['en_US', 'en_GB', 'fr_FR', 'de_DE'])),
                req(pick('EmailEncodingKey', ['UTF-8', 'ISO-8859-1'])),
                req(pick('LanguageLocaleKey', ['en_US', 'fr', 'de', 'ja'])),
                str('Title', 80),
                str('Department', 80),
                str('CompanyName', 80),
                str('FederationIdentifier', 512),
                readOnly(pick('UserType', ['Standard', 'PowerPartner', 'CspLitePortal', 'Guest'], 'Standard')),
            ],
            { setup: true, nameComposedOf: ['FirstName', 'LastName'], deletable: false },
        ),
        makeObject(
            'Task',
            '00T',
            [
                makeField('Subject', 'combobox', { length: 255 }),
                req(
                    pick(
                        'Status',
                        ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'],
                        'Not Started',
                    ),
                ),
                req(pick('Priority', ['High', 'Normal', 'Low'], 'Normal')),
                makeField('ActivityDate', 'date'),
                text('Description'),
                ref('WhoId', ['Contact', 'Lead'], 'Who', 'Tasks', { cascadeDelete: true }),
                ref('WhatId', ['Account', 'Opportunity', 'Case'], 'What', 'Tasks', { cascadeDelete: true }),
                readOnly(bool('IsClosed')),
                pick('TaskSubtype', ['Task', 'Email', 'Call'], 'Task'),
            ],
            { ownerTo: ['User'] },
        ),
        makeObject(
            'RecordType',
            '012',
            [
                nameField('Name', 80),
                str('DeveloperName', 80),
                str('SobjectType', 40),
                bool('IsActive', true),
                str('Description', 255),
                str('NamespacePrefix', 15),
            ],
            { setup: true, createable: false, updateable: false, deletable: false },
        ),
        makeObject('Profile', '00e', [nameField(), str('UserType', 40), str('Description', 255)], {
            setup: true,
            createable: false,
            updateable: false,
            deletable: false,
        }),
        makeObject(
            'UserRole',
            '00E',
            [nameField('Name', 80), str('DeveloperName', 80), ref('ParentRoleId', ['UserRole'], 'ParentRole', null)],
            { setup: true },
        ),
        makeObject(
            'Organization',
            '00D',
            [
                nameField('Name', 80),
                bool('IsSandbox'),
                str('OrganizationType', 40),
                str('InstanceName', 5),
                str('NamespacePrefix', 15),
                str('TimeZoneSidKey', 40),
                str('LanguageLocaleKey', 40),
                str('DefaultLocaleSidKey', 40),
                makeField('TrialExpirationDate', 'datetime'),
            ],
            { setup: true, createable: false, updateable: false, deletable: false },
        ),
        // Setup: one row per named credential the org knows (mirrored from its endpoint table by open-org.ts).
        makeObject(
            'NamedCredential',
            '0XA',
            [
                str('DeveloperName', 80),
                nameField('MasterLabel', 80),
                makeField('Endpoint', 'url', { length: 255 }),
                str('NamespacePrefix', 15),
            ],
            { setup: true, createable: false, updateable: false, deletable: false },
        ),
        makeObject(
            'ApexClass',
            '01p',
            [
                nameField(),
                str('NamespacePrefix', 15),
                pick('Status', ['Active', 'Deleted'], 'Active'),
                num('ApiVersion', 'double', 18, 1),
                bool('IsValid', true),
                num('LengthWithoutComments', 'integer'),
                makeField('Body', 'textarea', {
                    length: 1000000,
                    filterable: false,
                    sortable: false,
                    groupable: false,
                }),
            ],
            { setup: true, createable: false, updateable: false, deletable: false },
        ),
        makeObject(
            'AsyncApexJob',
            '707',
            [
                ref('ApexClassId', ['ApexClass'], 'ApexClass', null),
                pick('JobType', [
                    'Future',
                    'SharingRecalculation',
                    'ScheduledApex',
                    'BatchApex',
                    'BatchApexWorker',
                    'TestRequest',
                    'TestWorker',
                    'ApexToken',
                    'Queueable',
                ]),
                pick('Status', ['Holding', 'Queued', 'Preparing', 'Processing', 'Aborted', 'Completed', 'Failed']),
                num('JobItemsProcessed', 'integer'),
                num('TotalJobItems', 'integer'),
                num('NumberOfErrors', 'integer'),
                str('MethodName', 255),
                str('ExtendedStatus', 255),
                makeField('CompletedDate', 'datetime'),
                str('ParentJobId', 18),
                ref('CronTriggerId', ['CronTrigger'], 'CronTrigger', null),
            ],
            { setup: true, createable: false, updateable: false, deletable: false },
        ),
        makeObject(
            'CronJobDetail',
            '08a',
            [nameField('Name', 255), pick('JobType', ['1', '3', '4', '6', '7', '8', '9', 'A', 'H'])],
            {
                setup: true,
                createable: false,
                updateable: false,
                deletable: false,
            },
        ),
        makeObject(
            'CronTrigger',
            '08e',
            [
                str('CronExpression', 255),
                ref('CronJobDetailId', ['CronJobDetail'], 'CronJobDetail', null),
                str('State', 16),
                makeField('NextFireTime', 'datetime'),
                makeField('PreviousFireTime', 'datetime'),
                makeField('StartTime', 'datetime'),
                makeField('EndTime', 'datetime'),
                num('TimesTriggered', 'integer'),
                str('TimeZoneSidKey', 40),
            ],
            { setup: true, ownerTo: ['User'], createable: false, updateable: false, deletable: false },
        ),
        makeObject(
            'PermissionSet',
            '0PS',
            [
                nameField('Name', 80),
                str('Label', 80),
                bool('IsOwnedByProfile'),
                ref('ProfileId', ['Profile'], 'Profile', null),
                str('Description', 255),
                str('NamespacePrefix', 15),
            ],
            { setup: true },
        ),
        makeObject(
            'PermissionSetAssignment',
            '0Pa',
            [
                req(ref('AssigneeId', ['User'], 'Assignee', 'PermissionSetAssignments')),
                req(ref('PermissionSetId', ['PermissionSet'], 'PermissionSet', 'Assignments')),
            ],
            { setup: true },
        ),
        makeObject(
            'Group',
            '00G',
            [
                nameField('Name', 40),
                str('DeveloperName', 80),
                req(pick('Type', ['Regular', 'Role', 'Queue', 'Organization'], 'Regular')),
                makeField('Email', 'email', { length: 255 }),
            ],
            { setup: true, labelPlural: 'Groups' },
        ),
        makeObject(
            'ContentDocument',
            '069',
            [str('Title', 255, { nameField: true }), str('FileExtension', 40), num('ContentSize', 'integer')],
            {
                ownerTo: ['User'],
                createable: false,
            },
        ),
        makeObject(
            'ContentVersion',
            '068',
            [
                req(str('Title', 255, { nameField: true })),
                req(str('PathOnClient', 500)),
                makeField('VersionData', 'base64'),
                ref('ContentDocumentId', ['ContentDocument'], 'ContentDocument', 'ContentVersions'),
                str('FileExtension', 40),
                str('FileType', 20),
                num('ContentSize', 'integer'),
                bool('IsLatest', true),
            ],
            { ownerTo: ['User'] },
        ),
    ];
}

/** A fresh copy of the standard objects (each Schema owns and may extend its copies). */
export function buildStandardObjects(): ObjectDescribe[] {
    return standardObjects();
}
