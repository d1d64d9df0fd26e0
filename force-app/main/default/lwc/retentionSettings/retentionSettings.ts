import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { getRetention, purgeNow, schedulePurge, setRetentionDays, unschedulePurge } from 'c/retentionApi';
import type { RetentionInfo } from 'c/retentionApi';
import { reduceError } from 'c/errorReducer';
import { formatDateTime, formatLabel } from 'c/resyncFormat';
import { LABELS } from './labels';

/**
 * The Retention tab of the Settings screen: how many days run history is kept, the daily purge (schedule,
 * unschedule, next run) and purging now after a confirmation. Read-only, with a note, for a user who may not manage
 * it.
 */
export default class RetentionSettings extends LightningElement {
    readonly labels = LABELS;

    retention?: RetentionInfo;
    days = '';
    busy = false;
    confirming = false;
    errorMessage?: string;

    override connectedCallback(): void {
        this.load().catch(() => undefined);
    }

    get isLoading(): boolean {
        return this.retention === undefined && this.errorMessage === undefined;
    }

    get canManage(): boolean {
        return this.retention?.canManage === true;
    }

    get isReadOnly(): boolean {
        return this.retention !== undefined && !this.canManage;
    }

    get controlsDisabled(): boolean {
        return this.busy || !this.canManage;
    }

    get isScheduled(): boolean {
        return this.retention?.scheduled === true;
    }

    get scheduleText(): string {
        return this.isScheduled
            ? formatLabel(LABELS.scheduled, formatDateTime(this.retention?.nextRunAt))
            : LABELS.notScheduled;
    }

    get confirmMessage(): string {
        return formatLabel(LABELS.confirmMessage, this.retention?.retentionDays);
    }

    async load(): Promise<void> {
        try {
            this.show(await getRetention());
        } catch (error) {
            this.errorMessage = reduceError(error);
        }
    }

    handleDays(event: CustomEvent<{ value: string }>): void {
        this.days = event.detail.value;
    }

    async handleSave(): Promise<void> {
        const input = this.template?.querySelector<HTMLElement & { reportValidity(): boolean }>('[data-id="days"]');
        if (input && !input.reportValidity()) {
            return;
        }
        await this.act(async () => {
            const saved = await setRetentionDays(Number(this.days));
            this.toast(formatLabel(LABELS.saved, saved.retentionDays));
            return saved;
        });
    }

    async handleSchedule(): Promise<void> {
        await this.act(() => schedulePurge());
    }

    async handleUnschedule(): Promise<void> {
        await this.act(() => unschedulePurge());
    }

    handlePurge(): void {
        this.confirming = true;
    }

    handlePurgeCancel(): void {
        this.confirming = false;
    }

    async handlePurgeConfirm(): Promise<void> {
        await this.act(async () => {
            const jobId = await purgeNow();
            this.toast(formatLabel(LABELS.purgeStarted, jobId));
            return getRetention();
        });
        this.confirming = false;
    }

    private async act(action: () => Promise<RetentionInfo>): Promise<void> {
        this.busy = true;
        this.errorMessage = undefined;
        try {
            this.show(await action());
        } catch (error) {
            this.errorMessage = reduceError(error);
        } finally {
            this.busy = false;
        }
    }

    private show(retention: RetentionInfo): void {
        this.retention = retention;
        this.days = retention.retentionDays === undefined ? '' : String(retention.retentionDays);
        this.errorMessage = undefined;
    }

    private toast(title: string): void {
        this.dispatchEvent(new ShowToastEvent({ title, variant: 'success' }));
    }
}
