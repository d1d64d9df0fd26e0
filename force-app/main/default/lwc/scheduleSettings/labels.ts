import titleLabel from '@salesforce/label/c.Resync_ScheduleSettings_Title';
import tableLabelLabel from '@salesforce/label/c.Resync_ScheduleSettings_TableLabel';
import nameLabel from '@salesforce/label/c.Resync_ScheduleSettings_Name';
import modeLabel from '@salesforce/label/c.Resync_ScheduleSettings_Mode';
import objectsLabel from '@salesforce/label/c.Resync_ScheduleSettings_Objects';
import objectsAvailableLabel from '@salesforce/label/c.Resync_ScheduleSettings_ObjectsAvailable';
import objectsChosenLabel from '@salesforce/label/c.Resync_ScheduleSettings_ObjectsChosen';
import noEnabledObjectsLabel from '@salesforce/label/c.Resync_ScheduleSettings_NoEnabledObjects';
import cronLabel from '@salesforce/label/c.Resync_ScheduleSettings_Cron';
import cronHelpLabel from '@salesforce/label/c.Resync_ScheduleSettings_CronHelp';
import presetLabel from '@salesforce/label/c.Resync_ScheduleSettings_Preset';
import presetPlaceholderLabel from '@salesforce/label/c.Resync_ScheduleSettings_PresetPlaceholder';
import presetDailyLabel from '@salesforce/label/c.Resync_ScheduleSettings_PresetDaily';
import presetHourlyLabel from '@salesforce/label/c.Resync_ScheduleSettings_PresetHourly';
import presetWeeklyLabel from '@salesforce/label/c.Resync_ScheduleSettings_PresetWeekly';
import presetWeekdaysLabel from '@salesforce/label/c.Resync_ScheduleSettings_PresetWeekdays';
import descriptionLabel from '@salesforce/label/c.Resync_ScheduleSettings_Description';
import timeZoneLabel from '@salesforce/label/c.Resync_ScheduleSettings_TimeZone';
import nextFireLabel from '@salesforce/label/c.Resync_ScheduleSettings_NextFire';
import lastOutcomeLabel from '@salesforce/label/c.Resync_ScheduleSettings_LastOutcome';
import actionsLabel from '@salesforce/label/c.Resync_ScheduleSettings_Actions';
import createLabel from '@salesforce/label/c.Resync_ScheduleSettings_Create';
import newScheduleLabel from '@salesforce/label/c.Resync_ScheduleSettings_NewSchedule';
import pauseLabel from '@salesforce/label/c.Resync_ScheduleSettings_Pause';
import resumeLabel from '@salesforce/label/c.Resync_ScheduleSettings_Resume';
import deleteLabel from '@salesforce/label/c.Resync_ScheduleSettings_Delete';
import cancelLabel from '@salesforce/label/c.Resync_ScheduleSettings_Cancel';
import pausedLabel from '@salesforce/label/c.Resync_ScheduleSettings_Paused';
import createdLabel from '@salesforce/label/c.Resync_ScheduleSettings_Created';
import confirmTitleLabel from '@salesforce/label/c.Resync_ScheduleSettings_ConfirmTitle';
import confirmMessageLabel from '@salesforce/label/c.Resync_ScheduleSettings_ConfirmMessage';
import noSchedulesLabel from '@salesforce/label/c.Resync_ScheduleSettings_NoSchedules';
import noTargetLabel from '@salesforce/label/c.Resync_ScheduleSettings_NoTarget';
import readOnlyLabel from '@salesforce/label/c.Resync_ScheduleSettings_ReadOnly';
import chooseObjectsLabel from '@salesforce/label/c.Resync_ScheduleSettings_ChooseObjects';
import giveCronLabel from '@salesforce/label/c.Resync_ScheduleSettings_GiveCron';
import loadingLabel from '@salesforce/label/c.Resync_ScheduleSettings_Loading';

/** The texts of the component, from custom labels. */
export const LABELS = {
    title: titleLabel,
    tableLabel: tableLabelLabel,
    name: nameLabel,
    mode: modeLabel,
    objects: objectsLabel,
    objectsAvailable: objectsAvailableLabel,
    objectsChosen: objectsChosenLabel,
    noEnabledObjects: noEnabledObjectsLabel,
    cron: cronLabel,
    cronHelp: cronHelpLabel,
    preset: presetLabel,
    presetPlaceholder: presetPlaceholderLabel,
    presetDaily: presetDailyLabel,
    presetHourly: presetHourlyLabel,
    presetWeekly: presetWeeklyLabel,
    presetWeekdays: presetWeekdaysLabel,
    description: descriptionLabel,
    timeZone: timeZoneLabel,
    nextFire: nextFireLabel,
    lastOutcome: lastOutcomeLabel,
    actions: actionsLabel,
    create: createLabel,
    newSchedule: newScheduleLabel,
    pause: pauseLabel,
    resume: resumeLabel,
    delete: deleteLabel,
    cancel: cancelLabel,
    paused: pausedLabel,
    created: createdLabel,
    confirmTitle: confirmTitleLabel,
    confirmMessage: confirmMessageLabel,
    noSchedules: noSchedulesLabel,
    noTarget: noTargetLabel,
    readOnly: readOnlyLabel,
    chooseObjects: chooseObjectsLabel,
    giveCron: giveCronLabel,
    loading: loadingLabel,
} as const;
