import title from '@salesforce/label/c.Resync_RunSummary_Title';
import mode from '@salesforce/label/c.Resync_RunSummary_Mode';
import started from '@salesforce/label/c.Resync_RunSummary_Started';
import ended from '@salesforce/label/c.Resync_RunSummary_Ended';
import elapsed from '@salesforce/label/c.Resync_RunSummary_Elapsed';
import inserted from '@salesforce/label/c.Resync_RunSummary_Inserted';
import updated from '@salesforce/label/c.Resync_RunSummary_Updated';
import unchanged from '@salesforce/label/c.Resync_RunSummary_Unchanged';
import failed from '@salesforce/label/c.Resync_RunSummary_Failed';
import deferred from '@salesforce/label/c.Resync_RunSummary_Deferred';
import object from '@salesforce/label/c.Resync_RunSummary_Object';
import state from '@salesforce/label/c.Resync_RunSummary_State';
import tableLabel from '@salesforce/label/c.Resync_RunSummary_TableLabel';
import totals from '@salesforce/label/c.Resync_RunSummary_Totals';
import noObjects from '@salesforce/label/c.Resync_RunSummary_NoObjects';

/** The run summary's text. */
export const LABELS = {
    title,
    mode,
    started,
    ended,
    elapsed,
    inserted,
    updated,
    unchanged,
    failed,
    deferred,
    object,
    state,
    tableLabel,
    totals,
    noObjects,
};
