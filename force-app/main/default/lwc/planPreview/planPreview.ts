import { LightningElement, api } from 'lwc';
import type { PlanPreview as Preview } from 'c/executeApi';
import { LABELS } from './labels';
import { previewRows } from './previewRows';
import type { PreviewRow } from './previewRows';

/**
 * The plan preview of the Execute screen: per object, the records a run would read, the fields it sends and those
 * it leaves out (only on one side, unreadable, not writable, of another type), required fields not sent, and what
 * would stop the run (strict mode). When the plan cannot start, it says so first.
 */
export default class PlanPreview extends LightningElement {
    /** The preview from `executeApi.previewPlan`. */
    @api preview?: Preview;

    readonly labels = LABELS;

    get rows(): PreviewRow[] {
        return previewRows(this.preview?.objects, LABELS);
    }

    get hasRows(): boolean {
        return this.rows.length > 0;
    }

    get strictText(): string {
        return this.preview?.strictMode ? LABELS.strictOn : LABELS.strictOff;
    }

    get strictClass(): string {
        return this.preview?.strictMode ? 'slds-badge slds-theme_warning' : 'slds-badge slds-badge_lightest';
    }

    get cannotStart(): boolean {
        return this.preview !== undefined && this.preview.canStart !== true;
    }

    get problemList(): { key: string; text: string }[] {
        return this.rows.flatMap((row) =>
            row.problems.map((problem) => ({ key: problem.key, text: `${row.label}: ${problem.text}` })),
        );
    }

    get detailRows(): PreviewRow[] {
        return this.rows.filter((row) => row.hasGroups);
    }
}
