import title from '@salesforce/label/c.Resync_DataResync_Title';
import processLabel from '@salesforce/label/c.Resync_DataResync_Process';
import processAll from '@salesforce/label/c.Resync_DataResync_ProcessAll';
import syncToStart from '@salesforce/label/c.Resync_DataResync_SyncToStart';
import failedMissedDescription from '@salesforce/label/c.Resync_DataResync_FailedMissedDescription';
import fullDescription from '@salesforce/label/c.Resync_DataResync_FullDescription';
import entity from '@salesforce/label/c.Resync_DataResync_Entity';
import latestFailedMissed from '@salesforce/label/c.Resync_DataResync_LatestFailedMissed';
import latestFull from '@salesforce/label/c.Resync_DataResync_LatestFull';
import linked from '@salesforce/label/c.Resync_DataResync_Linked';
import failedRecords from '@salesforce/label/c.Resync_DataResync_FailedRecords';
import enabled from '@salesforce/label/c.Resync_DataResync_Enabled';
import tableLabel from '@salesforce/label/c.Resync_DataResync_TableLabel';
import noEntities from '@salesforce/label/c.Resync_DataResync_NoEntities';
import nothingSelected from '@salesforce/label/c.Resync_DataResync_NothingSelected';
import activeRun from '@salesforce/label/c.Resync_DataResync_ActiveRun';
import targetInactive from '@salesforce/label/c.Resync_DataResync_TargetInactive';
import noEnabled from '@salesforce/label/c.Resync_DataResync_NoEnabled';
import confirmTitle from '@salesforce/label/c.Resync_DataResync_ConfirmTitle';
import confirmSelected from '@salesforce/label/c.Resync_DataResync_ConfirmSelected';
import confirmAll from '@salesforce/label/c.Resync_DataResync_ConfirmAll';
import start from '@salesforce/label/c.Resync_DataResync_Start';
import started from '@salesforce/label/c.Resync_DataResync_Started';
import loading from '@salesforce/label/c.Resync_DataResync_Loading';
import refresh from '@salesforce/label/c.Resync_DataResync_Refresh';
import selected from '@salesforce/label/c.Resync_DataResync_Selected';
import never from '@salesforce/label/c.Resync_DataResync_Never';

/** The Data Resync screen's text. */
export const LABELS = {
    title,
    process: processLabel,
    processAll,
    syncToStart,
    failedMissedDescription,
    fullDescription,
    entity,
    latestFailedMissed,
    latestFull,
    linked,
    failedRecords,
    enabled,
    tableLabel,
    noEntities,
    nothingSelected,
    activeRun,
    targetInactive,
    noEnabled,
    confirmTitle,
    confirmSelected,
    confirmAll,
    start,
    started,
    loading,
    refresh,
    selected,
    never,
};
