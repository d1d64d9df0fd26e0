import title from '@salesforce/label/c.Resync_RunHistory_Title';
import refresh from '@salesforce/label/c.Resync_RunHistory_Refresh';
import target from '@salesforce/label/c.Resync_RunHistory_Target';
import allTargets from '@salesforce/label/c.Resync_RunHistory_AllTargets';
import mode from '@salesforce/label/c.Resync_RunHistory_Mode';
import allModes from '@salesforce/label/c.Resync_RunHistory_AllModes';
import state from '@salesforce/label/c.Resync_RunHistory_State';
import allStates from '@salesforce/label/c.Resync_RunHistory_AllStates';
import run from '@salesforce/label/c.Resync_RunHistory_Run';
import startedBy from '@salesforce/label/c.Resync_RunHistory_StartedBy';
import started from '@salesforce/label/c.Resync_RunHistory_Started';
import ended from '@salesforce/label/c.Resync_RunHistory_Ended';
import elapsed from '@salesforce/label/c.Resync_RunHistory_Elapsed';
import inserted from '@salesforce/label/c.Resync_RunHistory_Inserted';
import updated from '@salesforce/label/c.Resync_RunHistory_Updated';
import unchanged from '@salesforce/label/c.Resync_RunHistory_Unchanged';
import failed from '@salesforce/label/c.Resync_RunHistory_Failed';
import tableLabel from '@salesforce/label/c.Resync_RunHistory_TableLabel';
import empty from '@salesforce/label/c.Resync_RunHistory_Empty';
import loading from '@salesforce/label/c.Resync_RunHistory_Loading';
import count from '@salesforce/label/c.Resync_RunHistory_Count';
import showRun from '@salesforce/label/c.Resync_RunHistory_ShowRun';
import openRun from '@salesforce/label/c.Resync_RunHistory_OpenRun';
import byUser from '@salesforce/label/c.Resync_StartedBy_User';
import byUtilityBar from '@salesforce/label/c.Resync_StartedBy_UtilityBar';
import bySchedule from '@salesforce/label/c.Resync_StartedBy_Schedule';

/** The run history's text. */
export const LABELS = {
    title,
    refresh,
    target,
    allTargets,
    mode,
    allModes,
    state,
    allStates,
    run,
    startedBy,
    started,
    ended,
    elapsed,
    inserted,
    updated,
    unchanged,
    failed,
    tableLabel,
    empty,
    loading,
    count,
    showRun,
    openRun,
};

/** How each "started by" value reads. */
export const STARTED_BY: Record<string, string> = {
    User: byUser,
    UtilityBar: byUtilityBar,
    Schedule: bySchedule,
};
