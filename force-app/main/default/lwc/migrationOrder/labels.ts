import title from '@salesforce/label/c.Resync_MigrationOrder_Title';
import tableLabel from '@salesforce/label/c.Resync_MigrationOrder_TableLabel';
import position from '@salesforce/label/c.Resync_MigrationOrder_Position';
import object from '@salesforce/label/c.Resync_MigrationOrder_Object';
import deferred from '@salesforce/label/c.Resync_MigrationOrder_Deferred';
import insert from '@salesforce/label/c.Resync_MigrationOrder_Insert';
import update from '@salesforce/label/c.Resync_MigrationOrder_Update';
import batchSize from '@salesforce/label/c.Resync_MigrationOrder_BatchSize';
import move from '@salesforce/label/c.Resync_MigrationOrder_Move';
import moveUp from '@salesforce/label/c.Resync_MigrationOrder_MoveUp';
import moveDown from '@salesforce/label/c.Resync_MigrationOrder_MoveDown';
import insertFor from '@salesforce/label/c.Resync_MigrationOrder_InsertFor';
import updateFor from '@salesforce/label/c.Resync_MigrationOrder_UpdateFor';
import batchSizeFor from '@salesforce/label/c.Resync_MigrationOrder_BatchSizeFor';
import reset from '@salesforce/label/c.Resync_MigrationOrder_Reset';
import selfReason from '@salesforce/label/c.Resync_MigrationOrder_SelfReason';
import cycleReason from '@salesforce/label/c.Resync_MigrationOrder_CycleReason';
import none from '@salesforce/label/c.Resync_MigrationOrder_None';
import manual from '@salesforce/label/c.Resync_MigrationOrder_Manual';
import automatic from '@salesforce/label/c.Resync_MigrationOrder_Automatic';
import dragHint from '@salesforce/label/c.Resync_MigrationOrder_DragHint';
import empty from '@salesforce/label/c.Resync_MigrationOrder_Empty';
import moved from '@salesforce/label/c.Resync_MigrationOrder_Moved';

/** The migration order table's text. */
export const LABELS = {
    title,
    tableLabel,
    position,
    object,
    deferred,
    insert,
    update,
    batchSize,
    move,
    moveUp,
    moveDown,
    insertFor,
    updateFor,
    batchSizeFor,
    reset,
    selfReason,
    cycleReason,
    none,
    manual,
    automatic,
    dragHint,
    empty,
    moved,
};

/** The text the row helpers need. */
export type OrderLabels = typeof LABELS;
