import retry from '@salesforce/label/c.Resync_RunActions_Retry';
import rollback from '@salesforce/label/c.Resync_RunActions_Rollback';
import cancel from '@salesforce/label/c.Resync_RunActions_Cancel';
import exportIds from '@salesforce/label/c.Resync_RunActions_ExportIds';
import exportObject from '@salesforce/label/c.Resync_RunActions_ExportObject';
import exported from '@salesforce/label/c.Resync_RunActions_Exported';
import retryStarted from '@salesforce/label/c.Resync_RunActions_RetryStarted';
import rollbackStarted from '@salesforce/label/c.Resync_RunActions_RollbackStarted';
import cancelAsked from '@salesforce/label/c.Resync_RunActions_CancelAsked';
import cancelTitle from '@salesforce/label/c.Resync_RunActions_CancelTitle';
import cancelMessage from '@salesforce/label/c.Resync_RunActions_CancelMessage';
import keep from '@salesforce/label/c.Resync_RunActions_Keep';
import groupLabel from '@salesforce/label/c.Resync_RunActions_Label';

/** The run actions' text. */
export const LABELS = {
    retry,
    rollback,
    cancel,
    exportIds,
    exportObject,
    exported,
    retryStarted,
    rollbackStarted,
    cancelAsked,
    cancelTitle,
    cancelMessage,
    keep,
    groupLabel,
};
