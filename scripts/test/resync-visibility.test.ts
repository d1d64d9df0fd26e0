/**
 * A run reads as the user who started it, so records their sharing hides are not sent: the run says how many, per
 * object (`RunObject__c.NotVisible__c`, and the run status the screens show), instead of passing over them in silence.
 * The subscriber org here has Accounts Private (an organization-wide default of the org, not of the package).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { CREDENTIAL, openResyncOrg, text } from './resync-org.js';
import { repoRoot } from '../lib/project.js';

const PRIVATE_ACCOUNTS = join(repoRoot, 'scripts', 'test', 'fixtures', 'private-accounts');

test('records the starting user cannot see are counted in the preview and on the run; only the visible ones are sent', () => {
    const h = openResyncOrg({}, [PRIVATE_ACCOUNTS]);
    const [operatorId] = h.apex(`
User operator = new User(Alias = 'oper', Email = 'operator@example.com', EmailEncodingKey = 'UTF-8',
    LastName = 'Operator', LanguageLocaleKey = 'en_US', LocaleSidKey = 'en_US', TimeZoneSidKey = 'Europe/London',
    Username = 'resync.operator@example.com.test', ProfileId = [SELECT Id FROM Profile WHERE Name = 'Standard User'].Id);
insert operator;
insert new PermissionSetAssignment(AssigneeId = operator.Id,
    PermissionSetId = [SELECT Id FROM PermissionSet WHERE Name = 'Resync_Operator'].Id);
insert new List<Account>{ new Account(Name = 'Theirs', OwnerId = operator.Id), new Account(Name = 'Admin 1'),
    new Account(Name = 'Admin 2') };
SyncTarget__c target = new SyncTarget__c(Name = 'Sandbox', NamedCredential__c = '${CREDENTIAL}', ApiVersion__c = '66.0',
    Active__c = true);
insert target;
insert new ObjectSetting__c(Target__c = target.Id, ObjectApiName__c = 'Account', Enabled__c = true,
    InsertAllowed__c = true, UpdateAllowed__c = true, MatchingMode__c = 'RecordLinks');
System.debug(operator.Id);`);
    const admin = h.org.platform.userId;
    h.org.platform.userId = operatorId;
    const [visible, hidden] = h.apex(`
ExecuteController.PlanPreview preview = ExecuteController.previewPlan([SELECT Id FROM SyncTarget__c LIMIT 1].Id, null);
System.debug(preview.objects[0].sourceRecords);
System.debug(preview.objects[0].notVisibleRecords);`);
    assert.deepEqual([visible, hidden], ['1', '2'], 'the preview says so before the run starts');
    const [runId] = h.apex(`
SyncTarget__c target = [SELECT Id FROM SyncTarget__c LIMIT 1];
System.debug(RunStarter.start(target.Id, 'FullResync', new List<String>{ 'Account' }, null, 'User'));`);
    h.org.platform.userId = admin;
    assert.deepEqual(h.drain().errors, []);

    const [run] = h.source(`SELECT State__c, StateReason__c, Inserted__c FROM SyncRun__c WHERE Id = '${runId}'`);
    assert.equal(run?.State__c, 'Completed', text(run?.StateReason__c));
    assert.equal(run?.Inserted__c, 1, 'the one Account the operator owns');
    assert.deepEqual(
        h.targetRows('SELECT Name FROM Account').map((r) => r.Name),
        ['Theirs'],
        'nothing the operator may not see left the org',
    );
    const [runObject] = h.source(`SELECT NotVisible__c FROM RunObject__c WHERE Run__c = '${runId}'`);
    assert.equal(runObject?.NotVisible__c, 2, 'the two Accounts the operator cannot see are counted');
    const [shown] = h.apex(`System.debug(RunHistoryController.getRunStatus('${runId}').objects[0].notVisible);`);
    assert.equal(shown, '2', 'and reach the run status the screens show');
    h.org.store.close();
});
