import title from '@salesforce/label/c.Resync_PlanPreview_Title';
import tableLabel from '@salesforce/label/c.Resync_PlanPreview_TableLabel';
import object from '@salesforce/label/c.Resync_PlanPreview_Object';
import records from '@salesforce/label/c.Resync_PlanPreview_Records';
import fieldsSent from '@salesforce/label/c.Resync_PlanPreview_FieldsSent';
import sourceOnly from '@salesforce/label/c.Resync_PlanPreview_SourceOnly';
import targetOnly from '@salesforce/label/c.Resync_PlanPreview_TargetOnly';
import unreadable from '@salesforce/label/c.Resync_PlanPreview_Unreadable';
import notWritable from '@salesforce/label/c.Resync_PlanPreview_NotWritable';
import typeMismatches from '@salesforce/label/c.Resync_PlanPreview_TypeMismatches';
import requiredNotSent from '@salesforce/label/c.Resync_PlanPreview_RequiredNotSent';
import problems from '@salesforce/label/c.Resync_PlanPreview_Problems';
import strictOn from '@salesforce/label/c.Resync_PlanPreview_StrictOn';
import strictOff from '@salesforce/label/c.Resync_PlanPreview_StrictOff';
import cannotStart from '@salesforce/label/c.Resync_PlanPreview_CannotStart';
import canStart from '@salesforce/label/c.Resync_PlanPreview_CanStart';
import notReadable from '@salesforce/label/c.Resync_PlanPreview_NotReadable';
import notVisible from '@salesforce/label/c.Resync_PlanPreview_NotVisible';
import empty from '@salesforce/label/c.Resync_PlanPreview_Empty';
import details from '@salesforce/label/c.Resync_PlanPreview_Details';

/** The plan preview's text. */
export const LABELS = {
    title,
    tableLabel,
    object,
    records,
    fieldsSent,
    sourceOnly,
    targetOnly,
    unreadable,
    notWritable,
    typeMismatches,
    requiredNotSent,
    problems,
    strictOn,
    strictOff,
    cannotStart,
    canStart,
    notReadable,
    notVisible,
    empty,
    details,
};

/** The text the row helpers need. */
export type PreviewLabels = typeof LABELS;
