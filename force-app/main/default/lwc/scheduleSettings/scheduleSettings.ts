import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { createSchedule, deleteSchedule, listSchedules, pauseSchedule, resumeSchedule } from 'c/scheduleApi';
import type { ScheduleInfo } from 'c/scheduleApi';
import { getObjectSettings, getSettingsOptions } from 'c/settingsApi';
import type { ObjectSettingInfo } from 'c/settingsApi';
import { RESYNC_MODES, modeLabel } from 'c/runStates';
import { reduceError } from 'c/errorReducer';
import { formatLabel } from 'c/resyncFormat';
import { LABELS } from './labels';
import { CRON_PRESETS, scheduleRows } from './scheduleRows';
import type { CronPreset, ScheduleRow } from './scheduleRows';

interface Option {
    label: string;
    value: string;
}

/**
 * The Schedules tab of the Settings screen: a target's schedules with their cron expression in words, time zone,
 * next fire and last outcome; pause, resume and delete; and a form to create one (mode, enabled objects, cron with
 * presets and the server's message).
 */
export default class ScheduleSettings extends LightningElement {
    readonly labels = LABELS;
    readonly presets: readonly CronPreset[] = CRON_PRESETS;

    schedules?: ScheduleInfo[];
    settings: ObjectSettingInfo[] = [];
    canManage = false;
    mode: string = RESYNC_MODES[1];
    chosenObjects: string[] = [];
    cronExpression = '';
    preset?: string;
    busy = false;
    errorMessage?: string;
    cronError?: string;
    pendingDelete?: ScheduleRow;
    private currentTargetId?: string;

    /** The target whose schedules are shown. */
    @api
    get targetId(): string | undefined {
        return this.currentTargetId;
    }
    set targetId(value: string | undefined) {
        const changed = value !== this.currentTargetId;
        this.currentTargetId = value;
        if (changed) {
            this.schedules = undefined;
            this.chosenObjects = [];
            this.load().catch(() => undefined);
        }
    }

    get hasTarget(): boolean {
        return Boolean(this.currentTargetId);
    }

    get isLoading(): boolean {
        return this.hasTarget && this.schedules === undefined && this.errorMessage === undefined;
    }

    get isReadOnly(): boolean {
        return this.schedules !== undefined && !this.canManage;
    }

    get rows(): ScheduleRow[] {
        return scheduleRows(this.schedules ?? []);
    }

    get hasNoSchedules(): boolean {
        return this.schedules !== undefined && this.schedules.length === 0;
    }

    get modeOptions(): Option[] {
        return RESYNC_MODES.map((mode) => ({ label: modeLabel(mode), value: mode }));
    }

    get objectOptions(): Option[] {
        return this.settings
            .filter((setting) => setting.enabled)
            .map((setting) => ({
                label: setting.label ?? setting.objectApiName ?? '',
                value: setting.objectApiName ?? '',
            }));
    }

    get hasNoEnabledObjects(): boolean {
        return this.objectOptions.length === 0;
    }

    get presetOptions(): Option[] {
        return this.presets.map((preset) => ({ label: `${preset.label} (${preset.value})`, value: preset.value }));
    }

    get createDisabled(): boolean {
        return this.busy || this.hasNoEnabledObjects;
    }

    get confirmOpen(): boolean {
        return this.pendingDelete !== undefined;
    }

    get confirmTitle(): string {
        return formatLabel(LABELS.confirmTitle, this.pendingDelete?.name ?? '');
    }

    /** Reads the target's schedules and enabled objects again. */
    @api
    async load(): Promise<void> {
        const targetId = this.currentTargetId;
        if (!targetId) {
            return;
        }
        try {
            const [schedules, settings, options] = await Promise.all([
                listSchedules(targetId),
                getObjectSettings(targetId),
                getSettingsOptions(),
            ]);
            if (targetId === this.currentTargetId) {
                this.schedules = schedules;
                this.settings = settings;
                this.canManage = options.canManageSchedules === true;
                this.errorMessage = undefined;
            }
        } catch (error) {
            this.errorMessage = reduceError(error);
        }
    }

    handleMode(event: CustomEvent<{ value: string }>): void {
        this.mode = event.detail.value;
    }

    handleObjects(event: CustomEvent<{ value: string[] }>): void {
        this.chosenObjects = [...event.detail.value];
    }

    handleCron(event: CustomEvent<{ value: string }>): void {
        this.cronExpression = event.detail.value;
        this.preset = undefined;
        this.cronError = undefined;
    }

    handlePreset(event: CustomEvent<{ value: string }>): void {
        this.preset = event.detail.value;
        this.cronExpression = event.detail.value;
        this.cronError = undefined;
    }

    async handleCreate(): Promise<void> {
        const targetId = this.currentTargetId;
        if (!targetId) {
            return;
        }
        if (this.chosenObjects.length === 0) {
            this.errorMessage = LABELS.chooseObjects;
            return;
        }
        if (this.cronExpression.trim() === '') {
            this.cronError = LABELS.giveCron;
            return;
        }
        await this.act(async () => {
            const created = await createSchedule(targetId, this.mode, this.chosenObjects, this.cronExpression.trim());
            this.chosenObjects = [];
            this.cronExpression = '';
            this.preset = undefined;
            this.toast(formatLabel(LABELS.created, created.name));
        }, true);
    }

    async handlePause(event: Event): Promise<void> {
        const scheduleId = (event.currentTarget as HTMLElement).dataset.scheduleId ?? '';
        await this.act(() => pauseSchedule(scheduleId));
    }

    async handleResume(event: Event): Promise<void> {
        const scheduleId = (event.currentTarget as HTMLElement).dataset.scheduleId ?? '';
        await this.act(() => resumeSchedule(scheduleId));
    }

    handleDelete(event: Event): void {
        const scheduleId = (event.currentTarget as HTMLElement).dataset.scheduleId;
        this.pendingDelete = this.rows.find((row) => row.id === scheduleId);
    }

    handleDeleteCancel(): void {
        this.pendingDelete = undefined;
    }

    async handleDeleteConfirm(): Promise<void> {
        const row = this.pendingDelete;
        if (!row) {
            return;
        }
        await this.act(() => deleteSchedule(row.id));
        this.pendingDelete = undefined;
    }

    private async act(action: () => Promise<unknown>, isCreate = false): Promise<void> {
        this.busy = true;
        this.errorMessage = undefined;
        this.cronError = undefined;
        try {
            await action();
            await this.load();
        } catch (error) {
            if (isCreate) {
                this.cronError = reduceError(error);
            } else {
                this.errorMessage = reduceError(error);
            }
        } finally {
            this.busy = false;
        }
    }

    private toast(title: string): void {
        this.dispatchEvent(new ShowToastEvent({ title, variant: 'success' }));
    }
}
