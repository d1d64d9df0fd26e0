/**
 * Record-level access where sharing applies: a Private object shows a user only their records (and those of users
 * below their role) in a `with sharing` class or user mode, all of them without sharing; Public Read Only shows all
 * but lets only owners edit; a detail follows its master; View All sees everything; the sharing keyword of the class
 * that defines the method decides, and classes without one take their caller's (at API 67.0 and later: with
 * sharing, and SOQL and DML that name no mode run in user mode). Sharing rules are refused loudly.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openOrg, orgTestHooks } from '../../src/org/open-org.js';
import { runTests } from '../../src/testing/test-runner.js';

const object = (sharingModel: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>X</label><pluralLabel>Xs</pluralLabel>
    <nameField><label>Name</label><type>Text</type></nameField>
    <deploymentStatus>Deployed</deploymentStatus>
    <sharingModel>${sharingModel}</sharingModel>
</CustomObject>`;

const masterDetail = `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>Secret__c</fullName><label>Secret</label><type>MasterDetail</type>
    <referenceTo>Secret__c</referenceTo><relationshipName>Notes</relationshipName>
    <writeRequiresMasterRead>false</writeRequiresMasterRead>
</CustomField>`;

const permissionSet = (name: string, viewAll: boolean): string => `<?xml version="1.0" encoding="UTF-8"?>
<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>${name}</label>
    ${['Secret__c', 'Note__c', 'Open__c']
        .map(
            (
                o,
            ) => `<objectPermissions><object>${o}</object><allowCreate>true</allowCreate><allowDelete>true</allowDelete>
        <allowEdit>true</allowEdit><allowRead>true</allowRead><modifyAllRecords>false</modifyAllRecords>
        <viewAllRecords>${viewAll}</viewAllRecords></objectPermissions>`,
        )
        .join('\n    ')}
</PermissionSet>`;

const COUNTER = (keyword: string, name: string): string => `public virtual ${keyword} class ${name} {
  public static Integer secrets() { return [SELECT COUNT() FROM Secret__c]; }
  public static Integer notes() { return [SELECT COUNT() FROM Note__c]; }
  public static Integer opens() { return [SELECT COUNT() FROM Open__c]; }
  public static Integer viaPlain() { return Plain.secrets(); }
  public static Integer viaWithout() { return WithoutSharing.secrets(); }
  public static void rename(Id recordId) {
    SObject record = recordId.getSObjectType().newSObject(recordId);
    record.put('Name', 'renamed');
    update record;
  }
}`;

const CLASSES: Record<string, string> = {
    'WithSharing.cls': COUNTER('with sharing', 'WithSharing'),
    'WithoutSharing.cls': COUNTER('without sharing', 'WithoutSharing'),
    'Inherited.cls': COUNTER('inherited sharing', 'Inherited'),
    'Plain.cls': COUNTER('', 'Plain'),
    'Legacy.cls': `public class Legacy { public static Integer secrets() { return [SELECT COUNT() FROM Secret__c]; } }`,
    'Modern.cls': `public class Modern {
  public static Integer secrets() { return [SELECT COUNT() FROM Secret__c]; }
  public static void rename(Id recordId) { update new Secret__c(Id = recordId, Name = 'renamed'); }
}`,
    'Child.cls': `public class Child extends WithSharing { public static Integer mine() { return [SELECT COUNT() FROM Secret__c]; } }`,
    'SharingTest.cls': `@isTest private class SharingTest {
  static User user(String alias, Id roleId, String permissionSet) {
    User u = new User(Alias = alias, Email = alias + '@example.com', EmailEncodingKey = 'UTF-8', LastName = alias,
      LanguageLocaleKey = 'en_US', LocaleSidKey = 'en_US', TimeZoneSidKey = 'Europe/London',
      Username = alias + '@example.com.test', UserRoleId = roleId,
      ProfileId = [SELECT Id FROM Profile WHERE Name = 'Standard User'].Id);
    insert u;
    insert new PermissionSetAssignment(AssigneeId = u.Id,
      PermissionSetId = [SELECT Id FROM PermissionSet WHERE Name = :permissionSet].Id);
    return u;
  }
  @isTest static void privateRecordsFollowOwnerRoleAndKeyword() {
    UserRole boss = new UserRole(Name = 'Boss', DeveloperName = 'Boss');
    insert boss;
    UserRole staff = new UserRole(Name = 'Staff', DeveloperName = 'Staff', ParentRoleId = boss.Id);
    insert staff;
    User worker = user('worker', staff.Id, 'Crud');
    User manager = user('manager', boss.Id, 'Crud');
    User viewer = user('viewer', null, 'ViewAll');
    Secret__c adminSecret = new Secret__c(Name = 'admin');
    insert adminSecret;
    insert new Note__c(Name = 'on admin', Secret__c = adminSecret.Id);
    Open__c adminOpen = new Open__c(Name = 'admin');
    insert adminOpen;
    Secret__c workerSecret;
    System.runAs(worker) {
      workerSecret = new Secret__c(Name = 'worker');
      insert workerSecret;
      insert new Note__c(Name = 'on worker', Secret__c = workerSecret.Id);
      Assert.areEqual(1, WithSharing.secrets(), 'with sharing: own record only');
      Assert.areEqual(2, WithoutSharing.secrets(), 'without sharing: all');
      Assert.areEqual(2, Plain.secrets(), 'no keyword, called from a test without one: without sharing');
      Assert.areEqual(2, Inherited.secrets(), 'inherited sharing takes the caller (the test: without)');
      Assert.areEqual(1, WithSharing.viaPlain(), 'no keyword takes its with-sharing caller');
      Assert.areEqual(2, WithSharing.viaWithout(), 'the keyword of the class defining the method decides');
      Assert.areEqual(1, Child.mine(), 'a class without a keyword takes its superclass keyword');
      Assert.areEqual(1, [SELECT COUNT() FROM Secret__c WITH USER_MODE], 'user mode applies sharing');
      Assert.areEqual(1, WithSharing.notes(), 'a detail is seen through its master');
      Assert.areEqual(1, WithSharing.opens(), 'public read only: the admin record is seen');
      try {
        WithSharing.rename(adminSecret.Id);
        Assert.fail('not the owner');
      } catch (DmlException e) {
        Assert.areEqual(StatusCode.INSUFFICIENT_ACCESS_OR_READONLY, e.getDmlType(0));
      }
      try {
        WithSharing.rename(adminOpen.Id);
        Assert.fail('public read only is not editable by others');
      } catch (DmlException e) {
        Assert.areEqual(StatusCode.INSUFFICIENT_ACCESS_OR_READONLY, e.getDmlType(0));
      }
      try {
        insert as user new Note__c(Name = 'sneaky', Secret__c = adminSecret.Id);
        Assert.fail('a detail needs edit access to its master');
      } catch (DmlException e) {
        Assert.areEqual(StatusCode.INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY, e.getDmlType(0));
      }
      WithoutSharing.rename(adminSecret.Id);
      WithSharing.rename(workerSecret.Id);
    }
    System.runAs(manager) {
      Assert.areEqual(1, WithSharing.secrets(), 'the record of the user below');
      WithSharing.rename(workerSecret.Id);
    }
    System.runAs(worker) {
      Assert.areEqual(2, Legacy.secrets(), 'API 66.0, no keyword, no mode: system mode, the caller without sharing');
      Assert.areEqual(1, Modern.secrets(), 'API 67.0: a class without a keyword enforces sharing');
    }
    User nobody = new User(Alias = 'nobody', Email = 'nobody@example.com', EmailEncodingKey = 'UTF-8',
      LastName = 'nobody', LanguageLocaleKey = 'en_US', LocaleSidKey = 'en_US', TimeZoneSidKey = 'Europe/London',
      Username = 'nobody@example.com.test', ProfileId = [SELECT Id FROM Profile WHERE Name = 'Standard User'].Id);
    insert nobody;
    System.runAs(nobody) {
      try {
        Modern.rename(adminSecret.Id);
        Assert.fail('API 67.0 DML runs in user mode: no edit access to Secret__c');
      } catch (SecurityException e) {
        Assert.isTrue(e.getMessage().contains('Secret__c'), e.getMessage());
      }
      try {
        Modern.secrets();
        Assert.fail('API 67.0 SOQL runs in user mode: no read access to Secret__c');
      } catch (QueryException e) {
        Assert.isTrue(e.getMessage().contains('Secret__c'), e.getMessage());
      }
      Assert.areEqual(2, Legacy.secrets(), 'API 66.0 reads in system mode whatever the object access');
    }
    System.runAs(viewer) {
      Assert.areEqual(2, WithSharing.secrets(), 'View All');
    }
  }
}`,
};

function project(withRules: boolean): string {
    const root = mkdtempSync(join(tmpdir(), 'record-sharing-'));
    const objects = join(root, 'objects');
    for (const [name, model] of [
        ['Secret__c', 'Private'],
        ['Note__c', 'ControlledByParent'],
        ['Open__c', 'Read'],
    ]) {
        mkdirSync(join(objects, name, 'fields'), { recursive: true });
        writeFileSync(join(objects, name, `${name}.object-meta.xml`), object(model));
    }
    writeFileSync(join(objects, 'Note__c', 'fields', 'Secret__c.field-meta.xml'), masterDetail);
    mkdirSync(join(root, 'permissionsets'));
    writeFileSync(join(root, 'permissionsets', 'Crud.permissionset-meta.xml'), permissionSet('Crud', false));
    writeFileSync(join(root, 'permissionsets', 'ViewAll.permissionset-meta.xml'), permissionSet('ViewAll', true));
    mkdirSync(join(root, 'classes'));
    for (const [file, text] of Object.entries(CLASSES)) writeFileSync(join(root, 'classes', file), text);
    for (const [file, version] of [
        ['Legacy.cls', '66.0'],
        ['Modern.cls', '67.0'],
    ])
        writeFileSync(
            join(root, 'classes', `${file}-meta.xml`),
            `<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>${version}</apiVersion><status>Active</status></ApexClass>`,
        );
    if (withRules) {
        mkdirSync(join(root, 'sharingRules'));
        writeFileSync(
            join(root, 'sharingRules', 'Secret__c.sharingRules-meta.xml'),
            '<SharingRules xmlns="http://soap.sforce.com/2006/04/metadata"/>',
        );
    }
    return root;
}

test('record sharing: owner, role hierarchy, View All, master-detail, keywords, user mode and DML', () => {
    const org = openOrg([project(false)]);
    const [result] = runTests(org.rt, { tests: [], classNames: ['SharingTest'] }, orgTestHooks(org));
    assert.equal(result?.outcome, 'Pass', result?.message ?? '');
    org.store.close();
});

test('an object with sharing rules is refused loudly where its default would hide records', () => {
    const org = openOrg([project(true)]);
    const [result] = runTests(org.rt, { tests: [], classNames: ['SharingTest'] }, orgTestHooks(org));
    assert.equal(result?.outcome, 'Fail');
    assert.match(result?.message ?? '', /not supported by the offline runtime: sharing rules \(Secret__c/);
    org.store.close();
});
