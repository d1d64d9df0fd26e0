/** Writes a small SFDX project into a temporary folder for the data-layer tests. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const XML = '<?xml version="1.0" encoding="UTF-8"?>\n';

function field(fullName: string, body: string): string {
    return `${XML}<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n  <fullName>${fullName}</fullName>\n  <label>${fullName.replace(/__c$/, '').replace(/_/g, ' ')}</label>\n${body}\n</CustomField>\n`;
}

function object(body: string): string {
    return `${XML}<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">\n${body}\n</CustomObject>\n`;
}

/** The files of the fixture project, relative to its root. */
export const FIXTURE_FILES: Record<string, string> = {
    'sfdx-project.json': JSON.stringify({
        packageDirectories: [{ path: 'force-app', default: true }],
        sourceApiVersion: '61.0',
    }),
    'force-app/main/default/objects/Invoice__c/Invoice__c.object-meta.xml': object(
        '  <label>Invoice</label>\n  <pluralLabel>Invoices</pluralLabel>\n  <nameField><label>Invoice Number</label><type>AutoNumber</type><displayFormat>INV-{0000}</displayFormat></nameField>\n  <sharingModel>ReadWrite</sharingModel>',
    ),
    'force-app/main/default/objects/Invoice__c/fields/Account__c.field-meta.xml': field(
        'Account__c',
        '  <type>Lookup</type><referenceTo>Account</referenceTo><relationshipName>Invoices</relationshipName><deleteConstraint>Restrict</deleteConstraint>',
    ),
    'force-app/main/default/objects/Invoice__c/fields/Amount__c.field-meta.xml': field(
        'Amount__c',
        '  <type>Currency</type><precision>18</precision><scale>2</scale>',
    ),
    'force-app/main/default/objects/Invoice__c/fields/Status__c.field-meta.xml': field(
        'Status__c',
        `  <type>Picklist</type><required>true</required>
  <valueSet><restricted>true</restricted><valueSetDefinition><sorted>false</sorted>
    <value><fullName>Draft</fullName><default>true</default><label>Draft</label></value>
    <value><fullName>Sent</fullName><default>false</default><label>Sent</label></value>
    <value><fullName>Paid</fullName><default>false</default><label>Paid</label></value>
  </valueSetDefinition></valueSet>`,
    ),
    'force-app/main/default/objects/Invoice__c/fields/Tags__c.field-meta.xml': field(
        'Tags__c',
        `  <type>MultiselectPicklist</type><visibleLines>4</visibleLines>
  <valueSet><valueSetDefinition>
    <value><fullName>red</fullName><default>false</default><label>red</label></value>
    <value><fullName>green</fullName><default>false</default><label>green</label></value>
    <value><fullName>blue</fullName><default>false</default><label>blue</label></value>
  </valueSetDefinition></valueSet>`,
    ),
    'force-app/main/default/objects/Invoice__c/fields/External_Key__c.field-meta.xml': field(
        'External_Key__c',
        '  <type>Text</type><length>20</length><externalId>true</externalId><unique>true</unique><caseSensitive>false</caseSensitive>',
    ),
    'force-app/main/default/objects/Invoice__c/fields/Case_Key__c.field-meta.xml': field(
        'Case_Key__c',
        '  <type>Text</type><length>20</length><externalId>true</externalId><unique>true</unique><caseSensitive>true</caseSensitive>',
    ),
    'force-app/main/default/objects/Invoice__c/fields/Due__c.field-meta.xml': field('Due__c', '  <type>Date</type>'),
    'force-app/main/default/objects/Invoice__c/fields/Sent_At__c.field-meta.xml': field(
        'Sent_At__c',
        '  <type>DateTime</type>',
    ),
    'force-app/main/default/objects/Invoice__c/fields/Paid__c.field-meta.xml': field(
        'Paid__c',
        '  <type>Checkbox</type><defaultValue>false</defaultValue>',
    ),
    'force-app/main/default/objects/Invoice__c/fields/Notes__c.field-meta.xml': field(
        'Notes__c',
        '  <type>LongTextArea</type><length>32768</length><visibleLines>3</visibleLines>',
    ),
    'force-app/main/default/objects/Invoice__c/fields/Code__c.field-meta.xml': field(
        'Code__c',
        "  <type>Text</type><length>5</length><defaultValue>'X1'</defaultValue>",
    ),
    'force-app/main/default/objects/Invoice__c/fields/Total_With_Tax__c.field-meta.xml': field(
        'Total_With_Tax__c',
        '  <type>Currency</type><precision>18</precision><scale>2</scale><formula>Amount__c * 1.2</formula>',
    ),
    'force-app/main/default/objects/Invoice__c/fields/Contact_Email__c.field-meta.xml': field(
        'Contact_Email__c',
        '  <type>Email</type>',
    ),
    'force-app/main/default/objects/Invoice_Line__c/Invoice_Line__c.object-meta.xml': object(
        '  <label>Invoice Line</label>\n  <pluralLabel>Invoice Lines</pluralLabel>\n  <nameField><label>Line Name</label><type>Text</type></nameField>\n  <sharingModel>ControlledByParent</sharingModel>',
    ),
    'force-app/main/default/objects/Invoice_Line__c/fields/Invoice__c.field-meta.xml': field(
        'Invoice__c',
        '  <type>MasterDetail</type><referenceTo>Invoice__c</referenceTo><relationshipName>Lines</relationshipName><relationshipOrder>0</relationshipOrder>',
    ),
    'force-app/main/default/objects/Invoice_Line__c/fields/Quantity__c.field-meta.xml': field(
        'Quantity__c',
        '  <type>Number</type><precision>10</precision><scale>0</scale>',
    ),
    'force-app/main/default/objects/Account/Account.object-meta.xml': object(
        '  <sharingModel>ReadWrite</sharingModel>',
    ),
    'force-app/main/default/objects/Account/fields/Tier__c.field-meta.xml': field(
        'Tier__c',
        '  <type>Text</type><length>10</length>',
    ),
    'force-app/main/default/objects/Account/fields/Score__c.field-meta.xml': field(
        'Score__c',
        '  <type>Number</type><precision>5</precision><scale>1</scale>',
    ),
    'force-app/main/default/objects/Account/recordTypes/Partner.recordType-meta.xml': `${XML}<RecordType xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>Partner</fullName><active>true</active><label>Partner Account</label></RecordType>`,
    'force-app/main/default/objects/Sync_Event__e/Sync_Event__e.object-meta.xml': object(
        '  <label>Sync Event</label>\n  <pluralLabel>Sync Events</pluralLabel>\n  <eventType>HighVolume</eventType>\n  <publishBehavior>PublishAfterCommit</publishBehavior>',
    ),
    'force-app/main/default/objects/Sync_Event__e/fields/Payload__c.field-meta.xml': field(
        'Payload__c',
        '  <type>Text</type><length>255</length>',
    ),
    'force-app/main/default/objects/Sync_Settings__c/Sync_Settings__c.object-meta.xml': object(
        '  <label>Sync Settings</label>\n  <customSettingsType>Hierarchy</customSettingsType>\n  <visibility>Protected</visibility>',
    ),
    'force-app/main/default/objects/Sync_Settings__c/fields/Batch_Size__c.field-meta.xml': field(
        'Batch_Size__c',
        '  <type>Number</type><precision>5</precision><scale>0</scale><defaultValue>200</defaultValue>',
    ),
    'force-app/main/default/objects/Endpoint__mdt/Endpoint__mdt.object-meta.xml': object(
        '  <label>Endpoint</label>\n  <pluralLabel>Endpoints</pluralLabel>\n  <visibility>Public</visibility>',
    ),
    'force-app/main/default/objects/Endpoint__mdt/fields/Url__c.field-meta.xml': field('Url__c', '  <type>Url</type>'),
    'force-app/main/default/objects/Endpoint__mdt/fields/Timeout__c.field-meta.xml': field(
        'Timeout__c',
        '  <type>Number</type><precision>5</precision><scale>0</scale>',
    ),
    'force-app/main/default/customMetadata/Endpoint.Primary.md-meta.xml': `${XML}<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <label>Primary endpoint</label><protected>false</protected>
  <values><field>Url__c</field><value xsi:type="xsd:string">https://example.com/a?x=1&amp;y=2</value></values>
  <values><field>Timeout__c</field><value xsi:type="xsd:double">30.0</value></values>
</CustomMetadata>`,
    'force-app/main/default/permissionsets/Invoice_Reader.permissionset-meta.xml': `${XML}<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
  <label>Invoice Reader</label>
  <objectPermissions><object>Invoice__c</object><allowRead>true</allowRead><allowCreate>false</allowCreate><allowEdit>false</allowEdit><allowDelete>false</allowDelete><viewAllRecords>false</viewAllRecords><modifyAllRecords>false</modifyAllRecords></objectPermissions>
  <fieldPermissions><field>Invoice__c.Amount__c</field><readable>true</readable><editable>false</editable></fieldPermissions>
  <fieldPermissions><field>Invoice__c.Account__c</field><readable>true</readable><editable>false</editable></fieldPermissions>
</PermissionSet>`,
    'force-app/main/default/permissionsets/Invoice_Editor.permissionset-meta.xml': `${XML}<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
  <label>Invoice Editor</label>
  <objectPermissions><object>Invoice__c</object><allowRead>true</allowRead><allowCreate>true</allowCreate><allowEdit>true</allowEdit><allowDelete>true</allowDelete><viewAllRecords>false</viewAllRecords><modifyAllRecords>false</modifyAllRecords></objectPermissions>
  <fieldPermissions><field>Invoice__c.Amount__c</field><readable>true</readable><editable>true</editable></fieldPermissions>
  <fieldPermissions><field>Invoice__c.Account__c</field><readable>true</readable><editable>true</editable></fieldPermissions>
</PermissionSet>`,
};

/** Creates the project (optionally with extra or replaced files) and returns its root. */
export function writeFixtureProject(extra: Record<string, string> = {}): string {
    const root = mkdtempSync(join(tmpdir(), 'offline-org-data-'));
    for (const [path, content] of Object.entries({ ...FIXTURE_FILES, ...extra })) {
        const full = join(root, path);
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
    }
    return root;
}
