import title from '@salesforce/label/c.Resync_RunDetail_Title';
import target from '@salesforce/label/c.Resync_RunDetail_Target';
import mode from '@salesforce/label/c.Resync_RunDetail_Mode';
import state from '@salesforce/label/c.Resync_RunDetail_State';
import startedBy from '@salesforce/label/c.Resync_RunDetail_StartedBy';
import schedule from '@salesforce/label/c.Resync_RunDetail_Schedule';
import originalRun from '@salesforce/label/c.Resync_RunDetail_OriginalRun';
import openOriginal from '@salesforce/label/c.Resync_RunDetail_OpenOriginal';
import loading from '@salesforce/label/c.Resync_RunDetail_Loading';
import noRun from '@salesforce/label/c.Resync_RunDetail_NoRun';
import byUser from '@salesforce/label/c.Resync_StartedBy_User';
import byUtilityBar from '@salesforce/label/c.Resync_StartedBy_UtilityBar';
import bySchedule from '@salesforce/label/c.Resync_StartedBy_Schedule';

/** The run details' text. */
export const LABELS = { title, target, mode, state, startedBy, schedule, originalRun, openOriginal, loading, noRun };

/** How each "started by" value reads. */
export const STARTED_BY: Record<string, string> = {
    User: byUser,
    UtilityBar: byUtilityBar,
    Schedule: bySchedule,
};
