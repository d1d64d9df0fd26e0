import title from '@salesforce/label/c.Resync_ErrorViewer_Title';
import objectFilter from '@salesforce/label/c.Resync_ErrorViewer_ObjectFilter';
import codeFilter from '@salesforce/label/c.Resync_ErrorViewer_CodeFilter';
import all from '@salesforce/label/c.Resync_ErrorViewer_All';
import option from '@salesforce/label/c.Resync_ErrorViewer_Option';
import tableLabel from '@salesforce/label/c.Resync_ErrorViewer_TableLabel';
import row from '@salesforce/label/c.Resync_ErrorViewer_Row';
import sourceId from '@salesforce/label/c.Resync_ErrorViewer_SourceId';
import operation from '@salesforce/label/c.Resync_ErrorViewer_Operation';
import code from '@salesforce/label/c.Resync_ErrorViewer_Code';
import message from '@salesforce/label/c.Resync_ErrorViewer_Message';
import fields from '@salesforce/label/c.Resync_ErrorViewer_Fields';
import object from '@salesforce/label/c.Resync_ErrorViewer_Object';
import empty from '@salesforce/label/c.Resync_ErrorViewer_Empty';
import previous from '@salesforce/label/c.Resync_ErrorViewer_Previous';
import next from '@salesforce/label/c.Resync_ErrorViewer_Next';
import page from '@salesforce/label/c.Resync_ErrorViewer_Page';
import exportLabel from '@salesforce/label/c.Resync_ErrorViewer_Export';
import exportAllNote from '@salesforce/label/c.Resync_ErrorViewer_ExportAllNote';
import exported from '@salesforce/label/c.Resync_ErrorViewer_Exported';
import loading from '@salesforce/label/c.Resync_ErrorViewer_Loading';

/** The error viewer's text. */
export const LABELS = {
    title,
    objectFilter,
    codeFilter,
    all,
    option,
    tableLabel,
    row,
    sourceId,
    operation,
    code,
    message,
    fields,
    object,
    empty,
    previous,
    next,
    page,
    exportLabel,
    exportAllNote,
    exported,
    loading,
};
