import { LightningElement } from 'lwc';
import { LABELS } from './labels';

type Refreshable = HTMLElement & { refresh?: () => Promise<void> };

/**
 * The Settings screen: tabs for targets, a target's object settings and schedules, and run history retention. It
 * holds the target chosen on the Objects and Schedules tabs (the same for both) and has the target pickers read the
 * targets again after one is saved.
 */
export default class ResyncSettings extends LightningElement {
    readonly labels = LABELS;

    targetId?: string;

    handleTargetChange(event: CustomEvent<{ targetId?: string }>): void {
        this.targetId = event.detail.targetId;
    }

    handleTargetsChange(): void {
        for (const picker of Array.from(this.template?.querySelectorAll<Refreshable>('c-target-picker') ?? [])) {
            picker.refresh?.().catch(() => undefined);
        }
    }
}
