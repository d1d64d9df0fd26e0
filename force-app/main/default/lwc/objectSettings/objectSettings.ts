import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import {
    deleteObjectSetting,
    externalIdFields,
    getObjectSettings,
    getSettingsOptions,
    objectCandidates,
    saveObjectSetting,
} from 'c/settingsApi';
import type { ObjectSettingInfo, SettingsOption, SettingsOptions } from 'c/settingsApi';
import { reduceError } from 'c/errorReducer';
import { formatLabel } from 'c/resyncFormat';
import { LABELS } from './labels';
import { SWITCHES, draftOf, inputOf, isFilterMessage, newDraft } from './settingForm';
import type { SettingDraft } from './settingForm';
import { addableObjects, settingRows } from './settingRows';
import type { SettingRow } from './settingRows';

type FormControl = HTMLElement & { checked?: boolean; reportValidity?: () => boolean };

/**
 * The Objects tab of the Settings screen: the object settings of one target, adding an object of this org, an edit
 * form (switches, matching with its external id field, the record filter with the server's message under it, batch
 * size, order) and deleting with a confirmation.
 */
export default class ObjectSettings extends LightningElement {
    readonly labels = LABELS;

    settings?: ObjectSettingInfo[];
    options?: SettingsOptions;
    candidates: SettingsOption[] = [];
    externalIds: SettingsOption[] = [];
    addChoice?: string;
    draft?: SettingDraft;
    pendingDelete?: SettingRow;
    saving = false;
    deleting = false;
    errorMessage?: string;
    formError?: string;
    filterError?: string;
    private currentTargetId?: string;

    /** The target whose settings are shown. */
    @api
    get targetId(): string | undefined {
        return this.currentTargetId;
    }
    set targetId(value: string | undefined) {
        const changed = value !== this.currentTargetId;
        this.currentTargetId = value;
        if (changed) {
            this.draft = undefined;
            this.settings = undefined;
            this.load().catch(() => undefined);
        }
    }

    get hasTarget(): boolean {
        return Boolean(this.currentTargetId);
    }

    get isLoading(): boolean {
        return this.hasTarget && this.settings === undefined && this.errorMessage === undefined;
    }

    get canEdit(): boolean {
        return this.options?.canEditObjectSettings === true;
    }

    get canDelete(): boolean {
        return this.options?.canDeleteObjectSettings === true && this.draft === undefined;
    }

    get isReadOnly(): boolean {
        return this.options !== undefined && !this.canEdit;
    }

    get rows(): SettingRow[] {
        return settingRows(this.settings ?? [], this.options?.matchingModes ?? []);
    }

    get hasNoSettings(): boolean {
        return this.settings !== undefined && this.settings.length === 0;
    }

    get addOptions(): SettingsOption[] {
        return addableObjects(this.candidates, this.settings ?? []);
    }

    get addDisabled(): boolean {
        return !this.canEdit || !this.addChoice || this.draft !== undefined;
    }

    get editDisabled(): boolean {
        return !this.canEdit || this.draft !== undefined;
    }

    get matchingOptions(): SettingsOption[] {
        return this.options?.matchingModes ?? [];
    }

    get orderOptions(): SettingsOption[] {
        return this.options?.orderModes ?? [];
    }

    get ownerOptions(): SettingsOption[] {
        return this.options?.ownerModes ?? [];
    }

    get userMatchOptions(): SettingsOption[] {
        return this.options?.userMatchFields ?? [];
    }

    get byFixedOwner(): boolean {
        return this.draft?.ownerMode === 'FixedOwner';
    }

    get byExternalId(): boolean {
        return this.draft?.matchingMode === 'ExternalId';
    }

    get noExternalIds(): boolean {
        return this.byExternalId && this.externalIds.length === 0;
    }

    get byHand(): boolean {
        return this.draft?.orderMode === 'Manual';
    }

    get formTitle(): string {
        return formatLabel(LABELS.editTitle, this.draft?.label ?? '');
    }

    get minBatch(): number {
        return this.options?.minBatchSize ?? 1;
    }

    get maxBatch(): number {
        return this.options?.maxBatchSize ?? 2000;
    }

    get filterClass(): string {
        const base = 'slds-col slds-size_1-of-1 slds-m-top_small';
        return this.filterError ? `${base} slds-has-error` : base;
    }

    get confirmTitle(): string {
        return formatLabel(LABELS.confirmTitle, this.pendingDelete?.label ?? '');
    }

    get confirmMessage(): string {
        return formatLabel(LABELS.confirmMessage, this.pendingDelete?.label ?? '');
    }

    get confirmOpen(): boolean {
        return this.pendingDelete !== undefined;
    }

    /** Reads the target's settings again. */
    @api
    async load(): Promise<void> {
        const targetId = this.currentTargetId;
        if (!targetId) {
            return;
        }
        try {
            if (!this.options) {
                const [options, candidates] = await Promise.all([getSettingsOptions(), objectCandidates()]);
                this.options = options;
                this.candidates = candidates;
            }
            const settings = await getObjectSettings(targetId);
            if (targetId === this.currentTargetId) {
                this.settings = settings;
                this.errorMessage = undefined;
            }
        } catch (error) {
            this.errorMessage = reduceError(error);
        }
    }

    handleAddChoice(event: CustomEvent<{ value: string }>): void {
        this.addChoice = event.detail.value;
    }

    handleAdd(): void {
        const choice = this.candidates.find((candidate) => candidate.value === this.addChoice);
        if (!choice?.value) {
            return;
        }
        this.openForm(newDraft(choice.value, choice.label ?? choice.value, this.options?.defaultBatchSize ?? 1000));
    }

    handleEdit(event: Event): void {
        const settingId = (event.currentTarget as HTMLElement).dataset.settingId;
        const setting = this.settings?.find((candidate) => candidate.settingId === settingId);
        if (setting) {
            this.openForm(draftOf(setting));
        }
    }

    handleCancel(): void {
        this.draft = undefined;
        this.formError = undefined;
        this.filterError = undefined;
    }

    handleField(event: CustomEvent<{ value?: string; checked?: boolean }>): void {
        const control = event.target as FormControl;
        const field = control.dataset.field as keyof SettingDraft | undefined;
        if (!this.draft || !field) {
            return;
        }
        const value = SWITCHES.has(field)
            ? (event.detail.checked ?? control.checked === true)
            : (event.detail.value ?? '');
        this.draft = { ...this.draft, [field]: value };
        if (field === 'recordFilter') {
            this.filterError = undefined;
        }
        if (field === 'matchingMode' && value === 'ExternalId') {
            this.loadExternalIds(this.draft.objectApiName).catch(() => undefined);
        }
    }

    async handleSave(): Promise<void> {
        const targetId = this.currentTargetId;
        if (!this.draft || !targetId || !this.formIsValid()) {
            return;
        }
        this.saving = true;
        this.formError = undefined;
        this.filterError = undefined;
        try {
            const saved = await saveObjectSetting(inputOf(this.draft, targetId));
            this.draft = undefined;
            this.addChoice = undefined;
            await this.load();
            this.dispatchEvent(
                new ShowToastEvent({ title: formatLabel(LABELS.saved, saved.label ?? ''), variant: 'success' }),
            );
        } catch (error) {
            const message = reduceError(error);
            if (isFilterMessage(message)) {
                this.filterError = message;
            } else {
                this.formError = message;
            }
        } finally {
            this.saving = false;
        }
    }

    handleDelete(event: Event): void {
        const settingId = (event.currentTarget as HTMLElement).dataset.settingId;
        this.pendingDelete = this.rows.find((row) => row.settingId === settingId);
    }

    handleDeleteCancel(): void {
        this.pendingDelete = undefined;
    }

    async handleDeleteConfirm(): Promise<void> {
        const row = this.pendingDelete;
        if (!row) {
            return;
        }
        this.deleting = true;
        try {
            await deleteObjectSetting(row.settingId);
            await this.load();
            this.dispatchEvent(
                new ShowToastEvent({ title: formatLabel(LABELS.deleted, row.label), variant: 'success' }),
            );
        } catch (error) {
            this.errorMessage = reduceError(error);
        } finally {
            this.deleting = false;
            this.pendingDelete = undefined;
        }
    }

    private openForm(draft: SettingDraft): void {
        this.formError = undefined;
        this.filterError = undefined;
        this.externalIds = [];
        this.draft = draft;
        if (draft.matchingMode === 'ExternalId') {
            this.loadExternalIds(draft.objectApiName).catch(() => undefined);
        }
    }

    private async loadExternalIds(objectApiName: string): Promise<void> {
        try {
            this.externalIds = await externalIdFields(objectApiName);
        } catch (error) {
            this.formError = reduceError(error);
        }
    }

    private formIsValid(): boolean {
        const controls = Array.from(this.template?.querySelectorAll<FormControl>('[data-field]') ?? []);
        return controls.reduce((valid, control) => (control.reportValidity?.() ?? true) && valid, true);
    }
}
