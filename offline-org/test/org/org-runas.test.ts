/**
 * System.runAs switches the org's running user: UserInfo.getUserId(), and USER_MODE checks against that user's
 * profile and permission sets; the previous user is restored after the block, also when it throws.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beginOrgTransaction, endOrgTransaction, openOrg } from '../../src/org/open-org.js';

test('runAs: the running user changes inside the block and USER_MODE uses its permissions', () => {
    const root = mkdtempSync(join(tmpdir(), 'org-runas-'));
    mkdirSync(join(root, 'classes'));
    const org = openOrg([root]);
    beginOrgTransaction(org, { isTest: true });
    org.rt.runAnonymous(
        'anon.apex',
        `Profile p = [SELECT Id FROM Profile WHERE Name = 'Minimum Access - Salesforce'];
User u = new User(LastName = 'M', Alias = 'm', Email = 'm@x.com', Username = 'm@x.com.test', ProfileId = p.Id,
  TimeZoneSidKey = 'GMT', LocaleSidKey = 'en_US', EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US');
insert u;
insert new Account(Name = 'a');
Id admin = UserInfo.getUserId();
try {
  System.runAs(u) {
    System.debug(UserInfo.getUserId() == u.Id);
    try { List<Account> l = [SELECT Name FROM Account WITH USER_MODE]; System.debug('read'); } catch (QueryException e) { System.debug('refused'); }
    Integer boom = 1 / 0;
  }
} catch (MathException e) { System.debug('back ' + (UserInfo.getUserId() == admin)); }
System.debug([SELECT Name FROM Account WITH USER_MODE].size());`,
    );
    endOrgTransaction(org, false);
    assert.deepEqual(
        org.rt.tx.debug.map((d) => d.message),
        ['true', 'refused', 'back true', '1'],
    );
});
