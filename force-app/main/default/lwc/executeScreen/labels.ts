import title from '@salesforce/label/c.Resync_Execute_Title';
import syncType from '@salesforce/label/c.Resync_Execute_SyncType';
import typeExecute from '@salesforce/label/c.Resync_Execute_TypeExecute';
import typeFull from '@salesforce/label/c.Resync_Execute_TypeFull';
import typeFailedMissed from '@salesforce/label/c.Resync_Execute_TypeFailedMissed';
import helpExecute from '@salesforce/label/c.Resync_Execute_HelpExecute';
import helpFull from '@salesforce/label/c.Resync_Execute_HelpFull';
import helpFailedMissed from '@salesforce/label/c.Resync_Execute_HelpFailedMissed';
import previewPlan from '@salesforce/label/c.Resync_Execute_PreviewPlan';
import previewing from '@salesforce/label/c.Resync_Execute_Previewing';
import validate from '@salesforce/label/c.Resync_Execute_Validate';
import sampleSize from '@salesforce/label/c.Resync_Execute_SampleSize';
import start from '@salesforce/label/c.Resync_Execute_Start';
import starting from '@salesforce/label/c.Resync_Execute_Starting';
import started from '@salesforce/label/c.Resync_Execute_Started';
import noTarget from '@salesforce/label/c.Resync_Execute_NoTarget';
import noPreview from '@salesforce/label/c.Resync_Execute_NoPreview';
import nothingChosen from '@salesforce/label/c.Resync_Execute_NothingChosen';
import runActive from '@salesforce/label/c.Resync_Execute_RunActive';
import cannotStart from '@salesforce/label/c.Resync_Execute_CannotStart';
import invalidChoice from '@salesforce/label/c.Resync_Execute_InvalidChoice';
import targetInactive from '@salesforce/label/c.Resync_Execute_TargetInactive';
import confirmTitle from '@salesforce/label/c.Resync_Execute_ConfirmTitle';
import confirmMessage from '@salesforce/label/c.Resync_Execute_ConfirmMessage';
import orderSent from '@salesforce/label/c.Resync_Execute_OrderSent';
import progress from '@salesforce/label/c.Resync_Execute_Progress';
import validateStarted from '@salesforce/label/c.Resync_Execute_ValidateStarted';

/** The Execute screen's text. */
export const LABELS = {
    title,
    syncType,
    typeExecute,
    typeFull,
    typeFailedMissed,
    helpExecute,
    helpFull,
    helpFailedMissed,
    previewPlan,
    previewing,
    validate,
    sampleSize,
    start,
    starting,
    started,
    noTarget,
    noPreview,
    nothingChosen,
    runActive,
    cannotStart,
    invalidChoice,
    targetInactive,
    confirmTitle,
    confirmMessage,
    orderSent,
    progress,
    validateStarted,
};

/** The text the screen's helpers need. */
export type ExecuteLabels = typeof LABELS;
