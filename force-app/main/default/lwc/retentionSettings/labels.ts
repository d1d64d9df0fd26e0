import titleLabel from '@salesforce/label/c.Resync_RetentionSettings_Title';
import daysLabel from '@salesforce/label/c.Resync_RetentionSettings_Days';
import daysHelpLabel from '@salesforce/label/c.Resync_RetentionSettings_DaysHelp';
import saveLabel from '@salesforce/label/c.Resync_RetentionSettings_Save';
import savedLabel from '@salesforce/label/c.Resync_RetentionSettings_Saved';
import scheduledLabel from '@salesforce/label/c.Resync_RetentionSettings_Scheduled';
import notScheduledLabel from '@salesforce/label/c.Resync_RetentionSettings_NotScheduled';
import scheduleLabel from '@salesforce/label/c.Resync_RetentionSettings_Schedule';
import unscheduleLabel from '@salesforce/label/c.Resync_RetentionSettings_Unschedule';
import purgeNowLabel from '@salesforce/label/c.Resync_RetentionSettings_PurgeNow';
import purgeStartedLabel from '@salesforce/label/c.Resync_RetentionSettings_PurgeStarted';
import confirmTitleLabel from '@salesforce/label/c.Resync_RetentionSettings_ConfirmTitle';
import confirmMessageLabel from '@salesforce/label/c.Resync_RetentionSettings_ConfirmMessage';
import readOnlyLabel from '@salesforce/label/c.Resync_RetentionSettings_ReadOnly';
import loadingLabel from '@salesforce/label/c.Resync_RetentionSettings_Loading';

/** The texts of the component, from custom labels. */
export const LABELS = {
    title: titleLabel,
    days: daysLabel,
    daysHelp: daysHelpLabel,
    save: saveLabel,
    saved: savedLabel,
    scheduled: scheduledLabel,
    notScheduled: notScheduledLabel,
    schedule: scheduleLabel,
    unschedule: unscheduleLabel,
    purgeNow: purgeNowLabel,
    purgeStarted: purgeStartedLabel,
    confirmTitle: confirmTitleLabel,
    confirmMessage: confirmMessageLabel,
    readOnly: readOnlyLabel,
    loading: loadingLabel,
} as const;
