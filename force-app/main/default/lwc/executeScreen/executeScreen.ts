import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { previewPlan, startExecute } from 'c/executeApi';
import type { PlanPreview } from 'c/executeApi';
import { processSelected } from 'c/resyncApi';
import { validateRun } from 'c/recoveryApi';
import type { RunStatus } from 'c/runHistoryApi';
import type { TargetInfo } from 'c/targetApi';
import { automaticChoices, isAutomaticOrder, toObjectChoices } from 'c/migrationOrder';
import type { OrderChoice } from 'c/migrationOrder';
import { reduceError } from 'c/errorReducer';
import { formatLabel } from 'c/resyncFormat';
import { LABELS } from './labels';
import { SYNC_TYPES, blockReason, syncTypeHelp, syncTypeOptions } from './screenState';
import type { StartContext, SyncType } from './screenState';

/**
 * The Execute screen: choose the target (with its connection status and Test Connection) and the sync type, see the
 * plan preview and the migration order (reorder, insert/update switches and batch size per object), Validate run or
 * Start, follow the run's progress live, then read its summary and errors and Retry failed, Roll back, Cancel or
 * export. It owns the screen's state; its children show it and tell it what changed.
 */
export default class ExecuteScreen extends LightningElement {
    /** The target chosen first (a design attribute): its name. */
    @api defaultTargetName?: string;

    readonly labels = LABELS;
    readonly syncTypeOptions = syncTypeOptions(LABELS);

    targetId?: string;
    target?: TargetInfo;
    syncType: SyncType = 'Execute';
    preview?: PlanPreview;
    choices: OrderChoice[] = [];
    previewing = false;
    starting = false;
    sampleSize: number | null = null;
    sampleValue = '';
    runId?: string;
    status?: RunStatus;
    confirmOpen = false;
    errorMessage?: string;
    noticeMessage = '';

    get syncTypeHelp(): string {
        return syncTypeHelp(this.syncType, LABELS);
    }

    get isExecute(): boolean {
        return this.syncType === 'Execute';
    }

    get runActive(): boolean {
        if (this.runId && !this.status) {
            return true;
        }
        return this.status?.run?.isActive === true;
    }

    get busy(): boolean {
        return this.previewing || this.starting;
    }

    private get context(): StartContext {
        return {
            targetId: this.targetId,
            target: this.target,
            preview: this.preview,
            choices: this.choices,
            runActive: this.runActive,
            busy: this.busy,
            syncType: this.syncType,
        };
    }

    get startBlockedReason(): string | undefined {
        return blockReason(this.context, LABELS);
    }

    get startDisabled(): boolean {
        return this.busy || this.startBlockedReason !== undefined;
    }

    get validateDisabled(): boolean {
        const sampleOk =
            this.sampleSize === null ||
            (Number.isInteger(this.sampleSize) && this.sampleSize >= 1 && this.sampleSize <= 2000);
        return this.busy || !sampleOk || blockReason(this.context, LABELS, true) !== undefined;
    }

    get previewDisabled(): boolean {
        return this.busy || !this.targetId;
    }

    get showOrderNotice(): boolean {
        return this.preview !== undefined && !isAutomaticOrder(this.choices, this.preview.objects);
    }

    get objectNames(): string[] {
        return this.choices.map((choice) => choice.objectName);
    }

    get runObjectNames(): string[] {
        const names = (this.status?.objects ?? []).map((object) => object.objectName ?? '').filter((n) => n !== '');
        return names.length > 0 ? names : this.objectNames;
    }

    get runEnded(): boolean {
        return this.status?.run?.isActive === false;
    }

    get showErrors(): boolean {
        return this.runEnded && (this.status?.run?.failed ?? 0) > 0;
    }

    get confirmMessage(): string {
        const label = this.syncTypeOptions.find((option) => option.value === this.syncType)?.label ?? '';
        return formatLabel(LABELS.confirmMessage, label, this.choices.length, this.target?.name ?? '');
    }

    handleTargetChange(event: CustomEvent<{ targetId?: string; target?: TargetInfo }>): void {
        const targetId = event.detail?.targetId;
        this.target = event.detail?.target;
        if (targetId === this.targetId) {
            return;
        }
        this.targetId = targetId;
        this.preview = undefined;
        this.choices = [];
        this.errorMessage = undefined;
        this.status = undefined;
        this.runId = this.target?.activeRunId ?? undefined;
        if (targetId) {
            this.loadPreview().catch(() => undefined);
        }
    }

    handleSyncType(event: CustomEvent<{ value: string }>): void {
        const value = event.detail?.value as SyncType;
        this.syncType = SYNC_TYPES.includes(value) ? value : 'Execute';
    }

    handlePreview(): void {
        this.loadPreview().catch(() => undefined);
    }

    handleOrderChange(event: CustomEvent<{ objects: OrderChoice[] }>): void {
        this.choices = event.detail?.objects ?? [];
    }

    handleSampleSize(event: CustomEvent<{ value?: string }>): void {
        this.sampleValue = event.detail?.value ?? '';
        const text = this.sampleValue.trim();
        this.sampleSize = text === '' ? null : Number(text);
    }

    async handleValidate(): Promise<void> {
        const targetId = this.targetId;
        if (!targetId || this.validateDisabled) {
            return;
        }
        await this.begin(() => validateRun(targetId, this.objectNames, this.sampleSize), LABELS.validateStarted);
    }

    handleStart(): void {
        if (!this.startDisabled) {
            this.confirmOpen = true;
        }
    }

    handleConfirmCancel(): void {
        this.confirmOpen = false;
    }

    async handleConfirmStart(): Promise<void> {
        this.confirmOpen = false;
        const targetId = this.targetId;
        if (!targetId || this.startDisabled) {
            return;
        }
        const start =
            this.syncType === 'Execute'
                ? () => startExecute(targetId, toObjectChoices(this.choices))
                : () => processSelected(targetId, this.syncType, this.objectNames);
        await this.begin(start, LABELS.started);
    }

    handleStatus(event: CustomEvent<{ status: RunStatus }>): void {
        this.status = event.detail?.status;
    }

    handleRunEnded(event: CustomEvent<{ status: RunStatus }>): void {
        this.status = event.detail?.status;
    }

    handleRunStarted(event: CustomEvent<{ runId: string }>): void {
        this.follow(event.detail?.runId);
    }

    handleRunChanged(): void {
        this.template?.querySelector<HTMLElement & { refresh(): void }>('c-run-progress')?.refresh();
    }

    private async loadPreview(): Promise<void> {
        const targetId = this.targetId;
        if (!targetId) {
            return;
        }
        this.previewing = true;
        this.errorMessage = undefined;
        try {
            const preview = await previewPlan(targetId, []);
            if (targetId === this.targetId) {
                this.preview = preview;
                this.choices = automaticChoices(preview.objects);
            }
        } catch (error) {
            this.errorMessage = reduceError(error);
        } finally {
            this.previewing = false;
        }
    }

    private async begin(start: () => Promise<string>, message: string): Promise<void> {
        this.starting = true;
        this.errorMessage = undefined;
        try {
            const runId = await start();
            this.follow(runId);
            this.noticeMessage = message;
            this.dispatchEvent(new ShowToastEvent({ title: message, variant: 'success' }));
        } catch (error) {
            this.errorMessage = reduceError(error);
        } finally {
            this.starting = false;
        }
    }

    private follow(runId: string | undefined): void {
        if (!runId) {
            return;
        }
        this.status = undefined;
        this.runId = runId;
    }
}
