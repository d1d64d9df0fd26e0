import titleLabel from '@salesforce/label/c.Resync_TargetSettings_Title';
import newTargetLabel from '@salesforce/label/c.Resync_TargetSettings_NewTarget';
import editLabel from '@salesforce/label/c.Resync_TargetSettings_Edit';
import editTargetLabel from '@salesforce/label/c.Resync_TargetSettings_EditTarget';
import testConnectionLabel from '@salesforce/label/c.Resync_TargetSettings_TestConnection';
import testingLabel from '@salesforce/label/c.Resync_TargetSettings_Testing';
import tableLabelLabel from '@salesforce/label/c.Resync_TargetSettings_TableLabel';
import nameLabel from '@salesforce/label/c.Resync_TargetSettings_Name';
import namedCredentialLabel from '@salesforce/label/c.Resync_TargetSettings_NamedCredential';
import chooseCredentialLabel from '@salesforce/label/c.Resync_TargetSettings_ChooseCredential';
import noCredentialsLabel from '@salesforce/label/c.Resync_TargetSettings_NoCredentials';
import apiVersionLabel from '@salesforce/label/c.Resync_TargetSettings_ApiVersion';
import apiVersionHelpLabel from '@salesforce/label/c.Resync_TargetSettings_ApiVersionHelp';
import activeLabel from '@salesforce/label/c.Resync_TargetSettings_Active';
import strictModeLabel from '@salesforce/label/c.Resync_TargetSettings_StrictMode';
import strictModeHelpLabel from '@salesforce/label/c.Resync_TargetSettings_StrictModeHelp';
import pauseThresholdLabel from '@salesforce/label/c.Resync_TargetSettings_PauseThreshold';
import pauseThresholdHelpLabel from '@salesforce/label/c.Resync_TargetSettings_PauseThresholdHelp';
import retriesLabel from '@salesforce/label/c.Resync_TargetSettings_Retries';
import connectionLabel from '@salesforce/label/c.Resync_TargetSettings_Connection';
import actionsLabel from '@salesforce/label/c.Resync_TargetSettings_Actions';
import notTestedLabel from '@salesforce/label/c.Resync_TargetSettings_NotTested';
import connectedLabel from '@salesforce/label/c.Resync_TargetSettings_Connected';
import notConnectedLabel from '@salesforce/label/c.Resync_TargetSettings_NotConnected';
import yesLabel from '@salesforce/label/c.Resync_TargetSettings_Yes';
import noLabel from '@salesforce/label/c.Resync_TargetSettings_No';
import saveLabel from '@salesforce/label/c.Resync_TargetSettings_Save';
import cancelLabel from '@salesforce/label/c.Resync_TargetSettings_Cancel';
import savedLabel from '@salesforce/label/c.Resync_TargetSettings_Saved';
import noTargetsLabel from '@salesforce/label/c.Resync_TargetSettings_NoTargets';
import dailyApiLabel from '@salesforce/label/c.Resync_TargetSettings_DailyApi';
import readOnlyLabel from '@salesforce/label/c.Resync_TargetSettings_ReadOnly';
import loadingLabel from '@salesforce/label/c.Resync_TargetSettings_Loading';
import formTitleNewLabel from '@salesforce/label/c.Resync_TargetSettings_FormTitleNew';
import activeRunLabel from '@salesforce/label/c.Resync_TargetSettings_ActiveRun';

/** The texts of the component, from custom labels. */
export const LABELS = {
    title: titleLabel,
    newTarget: newTargetLabel,
    edit: editLabel,
    editTarget: editTargetLabel,
    testConnection: testConnectionLabel,
    testing: testingLabel,
    tableLabel: tableLabelLabel,
    name: nameLabel,
    namedCredential: namedCredentialLabel,
    chooseCredential: chooseCredentialLabel,
    noCredentials: noCredentialsLabel,
    apiVersion: apiVersionLabel,
    apiVersionHelp: apiVersionHelpLabel,
    active: activeLabel,
    strictMode: strictModeLabel,
    strictModeHelp: strictModeHelpLabel,
    pauseThreshold: pauseThresholdLabel,
    pauseThresholdHelp: pauseThresholdHelpLabel,
    retries: retriesLabel,
    connection: connectionLabel,
    actions: actionsLabel,
    notTested: notTestedLabel,
    connected: connectedLabel,
    notConnected: notConnectedLabel,
    yes: yesLabel,
    no: noLabel,
    save: saveLabel,
    cancel: cancelLabel,
    saved: savedLabel,
    noTargets: noTargetsLabel,
    dailyApi: dailyApiLabel,
    readOnly: readOnlyLabel,
    loading: loadingLabel,
    formTitleNew: formTitleNewLabel,
    activeRun: activeRunLabel,
} as const;
