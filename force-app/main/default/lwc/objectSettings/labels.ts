import titleLabel from '@salesforce/label/c.Resync_ObjectSettings_Title';
import tableLabelLabel from '@salesforce/label/c.Resync_ObjectSettings_TableLabel';
import objectLabel from '@salesforce/label/c.Resync_ObjectSettings_Object';
import enabledLabel from '@salesforce/label/c.Resync_ObjectSettings_Enabled';
import insertLabel from '@salesforce/label/c.Resync_ObjectSettings_Insert';
import updateLabel from '@salesforce/label/c.Resync_ObjectSettings_Update';
import matchingLabel from '@salesforce/label/c.Resync_ObjectSettings_Matching';
import externalIdFieldLabel from '@salesforce/label/c.Resync_ObjectSettings_ExternalIdField';
import externalIdPlaceholderLabel from '@salesforce/label/c.Resync_ObjectSettings_ExternalIdPlaceholder';
import noExternalIdLabel from '@salesforce/label/c.Resync_ObjectSettings_NoExternalId';
import ownerLabel from '@salesforce/label/c.Resync_ObjectSettings_Owner';
import ownerHelpLabel from '@salesforce/label/c.Resync_ObjectSettings_OwnerHelp';
import fixedOwnerLabel from '@salesforce/label/c.Resync_ObjectSettings_FixedOwner';
import fixedOwnerPlaceholderLabel from '@salesforce/label/c.Resync_ObjectSettings_FixedOwnerPlaceholder';
import userMatchLabel from '@salesforce/label/c.Resync_ObjectSettings_UserMatch';
import userMatchHelpLabel from '@salesforce/label/c.Resync_ObjectSettings_UserMatchHelp';
import filterLabel from '@salesforce/label/c.Resync_ObjectSettings_Filter';
import filterHelpLabel from '@salesforce/label/c.Resync_ObjectSettings_FilterHelp';
import batchSizeLabel from '@salesforce/label/c.Resync_ObjectSettings_BatchSize';
import orderLabel from '@salesforce/label/c.Resync_ObjectSettings_Order';
import positionLabel from '@salesforce/label/c.Resync_ObjectSettings_Position';
import includedFieldsLabel from '@salesforce/label/c.Resync_ObjectSettings_IncludedFields';
import excludedFieldsLabel from '@salesforce/label/c.Resync_ObjectSettings_ExcludedFields';
import fieldsHelpLabel from '@salesforce/label/c.Resync_ObjectSettings_FieldsHelp';
import actionsLabel from '@salesforce/label/c.Resync_ObjectSettings_Actions';
import addLabel from '@salesforce/label/c.Resync_ObjectSettings_Add';
import addObjectLabel from '@salesforce/label/c.Resync_ObjectSettings_AddObject';
import addPlaceholderLabel from '@salesforce/label/c.Resync_ObjectSettings_AddPlaceholder';
import editLabel from '@salesforce/label/c.Resync_ObjectSettings_Edit';
import deleteLabel from '@salesforce/label/c.Resync_ObjectSettings_Delete';
import saveLabel from '@salesforce/label/c.Resync_ObjectSettings_Save';
import cancelLabel from '@salesforce/label/c.Resync_ObjectSettings_Cancel';
import editTitleLabel from '@salesforce/label/c.Resync_ObjectSettings_EditTitle';
import savedLabel from '@salesforce/label/c.Resync_ObjectSettings_Saved';
import deletedLabel from '@salesforce/label/c.Resync_ObjectSettings_Deleted';
import confirmTitleLabel from '@salesforce/label/c.Resync_ObjectSettings_ConfirmTitle';
import confirmMessageLabel from '@salesforce/label/c.Resync_ObjectSettings_ConfirmMessage';
import noSettingsLabel from '@salesforce/label/c.Resync_ObjectSettings_NoSettings';
import noTargetLabel from '@salesforce/label/c.Resync_ObjectSettings_NoTarget';
import readOnlyLabel from '@salesforce/label/c.Resync_ObjectSettings_ReadOnly';
import filterProblemLabel from '@salesforce/label/c.Resync_ObjectSettings_FilterProblem';
import yesLabel from '@salesforce/label/c.Resync_ObjectSettings_Yes';
import noLabel from '@salesforce/label/c.Resync_ObjectSettings_No';
import loadingLabel from '@salesforce/label/c.Resync_ObjectSettings_Loading';
import unknownObjectLabel from '@salesforce/label/c.Resync_ObjectSettings_UnknownObject';

/** The texts of the component, from custom labels. */
export const LABELS = {
    title: titleLabel,
    tableLabel: tableLabelLabel,
    object: objectLabel,
    enabled: enabledLabel,
    insert: insertLabel,
    update: updateLabel,
    matching: matchingLabel,
    externalIdField: externalIdFieldLabel,
    externalIdPlaceholder: externalIdPlaceholderLabel,
    noExternalId: noExternalIdLabel,
    owner: ownerLabel,
    ownerHelp: ownerHelpLabel,
    fixedOwner: fixedOwnerLabel,
    fixedOwnerPlaceholder: fixedOwnerPlaceholderLabel,
    userMatch: userMatchLabel,
    userMatchHelp: userMatchHelpLabel,
    filter: filterLabel,
    filterHelp: filterHelpLabel,
    batchSize: batchSizeLabel,
    order: orderLabel,
    position: positionLabel,
    includedFields: includedFieldsLabel,
    excludedFields: excludedFieldsLabel,
    fieldsHelp: fieldsHelpLabel,
    actions: actionsLabel,
    add: addLabel,
    addObject: addObjectLabel,
    addPlaceholder: addPlaceholderLabel,
    edit: editLabel,
    delete: deleteLabel,
    save: saveLabel,
    cancel: cancelLabel,
    editTitle: editTitleLabel,
    saved: savedLabel,
    deleted: deletedLabel,
    confirmTitle: confirmTitleLabel,
    confirmMessage: confirmMessageLabel,
    noSettings: noSettingsLabel,
    noTarget: noTargetLabel,
    readOnly: readOnlyLabel,
    filterProblem: filterProblemLabel,
    yes: yesLabel,
    no: noLabel,
    loading: loadingLabel,
    unknownObject: unknownObjectLabel,
} as const;
