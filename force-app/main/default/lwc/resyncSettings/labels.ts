import titleLabel from '@salesforce/label/c.Resync_Settings_Title';
import targetsTabLabel from '@salesforce/label/c.Resync_Settings_TargetsTab';
import objectsTabLabel from '@salesforce/label/c.Resync_Settings_ObjectsTab';
import schedulesTabLabel from '@salesforce/label/c.Resync_Settings_SchedulesTab';
import retentionTabLabel from '@salesforce/label/c.Resync_Settings_RetentionTab';
import chooseTargetLabel from '@salesforce/label/c.Resync_Settings_ChooseTarget';

/** The texts of the component, from custom labels. */
export const LABELS = {
    title: titleLabel,
    targetsTab: targetsTabLabel,
    objectsTab: objectsTabLabel,
    schedulesTab: schedulesTabLabel,
    retentionTab: retentionTabLabel,
    chooseTarget: chooseTargetLabel,
} as const;
