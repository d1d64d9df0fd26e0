import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { getTargets, testConnection } from 'c/targetApi';
import type { ConnectionResult } from 'c/targetApi';
import { getSettingsOptions, saveTarget } from 'c/settingsApi';
import type { SavedTarget, SettingsOptions } from 'c/settingsApi';
import { reduceError } from 'c/errorReducer';
import { formatLabel } from 'c/resyncFormat';
import { LABELS } from './labels';
import { draftOf, inputOf, newDraft, withValue } from './targetForm';
import type { DraftField, TargetDraft } from './targetForm';
import { targetRows } from './targetRows';
import type { TargetRow } from './targetRows';

/**
 * The targets tab of the Settings screen: the targets with their connection status, a New / Edit form (inline
 * panel) and Test Connection with the daily API figures. Tells its owner `targetschange` after a save, so that
 * target pickers read the targets again.
 */
export default class TargetSettings extends LightningElement {
    readonly labels = LABELS;

    targets?: SavedTarget[];
    options?: SettingsOptions;
    draft?: TargetDraft;
    results: Record<string, ConnectionResult> = {};
    testingId?: string;
    saving = false;
    errorMessage?: string;
    formError?: string;

    override connectedCallback(): void {
        this.load().catch(() => undefined);
    }

    get isLoading(): boolean {
        return this.targets === undefined && this.errorMessage === undefined;
    }

    /** The org's Named Credentials, and the draft's own when the org no longer has it (so it still shows). */
    get credentialOptions(): { label: string; value: string }[] {
        const offered = (this.options?.namedCredentials ?? []).map((o) => ({
            label: o.label ?? o.value ?? '',
            value: o.value ?? '',
        }));
        const current = this.draft?.namedCredential;
        if (current && !offered.some((o) => o.value === current)) {
            offered.push({ label: current, value: current });
        }
        return offered;
    }

    get noCredentials(): boolean {
        return this.options !== undefined && (this.options.namedCredentials ?? []).length === 0;
    }

    get canEdit(): boolean {
        return this.options?.canEditTargets === true;
    }

    get isReadOnly(): boolean {
        return this.options !== undefined && !this.canEdit;
    }

    get rows(): TargetRow[] {
        return targetRows(this.targets ?? [], this.results, this.testingId);
    }

    get hasNoTargets(): boolean {
        return this.targets !== undefined && this.targets.length === 0;
    }

    get formTitle(): string {
        return this.draft?.targetId ? formatLabel(LABELS.editTarget, this.draft.name) : LABELS.formTitleNew;
    }

    get apiVersionHelp(): string {
        return formatLabel(LABELS.apiVersionHelp, this.options?.defaultApiVersion ?? '66.0');
    }

    get minThreshold(): number {
        return this.options?.minPauseThreshold ?? 1;
    }

    get maxThreshold(): number {
        return this.options?.maxPauseThreshold ?? 100;
    }

    get maxRetries(): number {
        return this.options?.maxRetries ?? 99;
    }

    get editedIsHeld(): boolean {
        const targetId = this.draft?.targetId;
        return Boolean(targetId && this.targets?.find((target) => target.targetId === targetId)?.activeRunId);
    }

    get newDisabled(): boolean {
        return !this.canEdit || this.draft !== undefined;
    }

    async load(): Promise<void> {
        try {
            const [targets, options] = await Promise.all([getTargets(), getSettingsOptions()]);
            this.targets = targets;
            this.options = options;
            this.errorMessage = undefined;
        } catch (error) {
            this.errorMessage = reduceError(error);
        }
    }

    handleNew(): void {
        this.formError = undefined;
        this.draft = newDraft();
    }

    handleEdit(event: Event): void {
        const targetId = (event.currentTarget as HTMLElement).dataset.targetId;
        const target = this.targets?.find((candidate) => candidate.targetId === targetId);
        if (target) {
            this.formError = undefined;
            this.draft = draftOf(target);
        }
    }

    handleCancel(): void {
        this.draft = undefined;
        this.formError = undefined;
    }

    handleField(event: CustomEvent<{ value?: string; checked?: boolean }>): void {
        const control = event.target as HTMLElement & { checked?: boolean };
        const field = control.dataset.field as DraftField | undefined;
        if (!this.draft || !field) {
            return;
        }
        const value =
            field === 'active' || field === 'strictMode'
                ? (event.detail.checked ?? control.checked === true)
                : (event.detail.value ?? '');
        this.draft = withValue(this.draft, field, value);
    }

    async handleSave(): Promise<void> {
        if (!this.draft || !this.formIsValid()) {
            return;
        }
        this.saving = true;
        this.formError = undefined;
        try {
            const saved = await saveTarget(inputOf(this.draft));
            this.draft = undefined;
            await this.load();
            this.dispatchEvent(
                new ShowToastEvent({ title: formatLabel(LABELS.saved, saved.name), variant: 'success' }),
            );
            this.dispatchEvent(new CustomEvent('targetschange', { detail: { targetId: saved.targetId } }));
        } catch (error) {
            this.formError = reduceError(error);
        } finally {
            this.saving = false;
        }
    }

    async handleTest(event: Event): Promise<void> {
        const targetId = (event.currentTarget as HTMLElement).dataset.targetId;
        if (!targetId) {
            return;
        }
        this.testingId = targetId;
        this.errorMessage = undefined;
        try {
            const result = await testConnection(targetId);
            this.results = { ...this.results, [targetId]: result };
        } catch (error) {
            this.errorMessage = reduceError(error);
        } finally {
            this.testingId = undefined;
        }
    }

    private formIsValid(): boolean {
        const controls = Array.from(
            this.template?.querySelectorAll<HTMLElement & { reportValidity?: () => boolean }>('[data-field]') ?? [],
        );
        return controls.reduce((valid, control) => (control.reportValidity?.() ?? true) && valid, true);
    }
}
