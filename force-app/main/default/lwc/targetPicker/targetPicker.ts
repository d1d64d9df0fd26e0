import { LightningElement, api } from 'lwc';
import { getTargets, testConnection } from 'c/targetApi';
import type { TargetInfo } from 'c/targetApi';
import { reduceError } from 'c/errorReducer';
import { describeState } from 'c/runStates';
import { formatDateTime, formatLabel } from 'c/resyncFormat';
import pickerLabel from '@salesforce/label/c.Resync_TargetPicker_Label';
import placeholderLabel from '@salesforce/label/c.Resync_TargetPicker_Placeholder';
import noneLabel from '@salesforce/label/c.Resync_TargetPicker_None';
import testLabel from '@salesforce/label/c.Resync_TargetPicker_TestConnection';
import testingLabel from '@salesforce/label/c.Resync_TargetPicker_Testing';
import notTestedLabel from '@salesforce/label/c.Resync_TargetPicker_NotTested';
import connectedLabel from '@salesforce/label/c.Resync_TargetPicker_Connected';
import notConnectedLabel from '@salesforce/label/c.Resync_TargetPicker_NotConnected';
import inactiveLabel from '@salesforce/label/c.Resync_TargetPicker_Inactive';
import lastTestedLabel from '@salesforce/label/c.Resync_TargetPicker_LastTested';
import activeRunLabel from '@salesforce/label/c.Resync_TargetPicker_ActiveRun';
import loadingLabel from '@salesforce/label/c.Resync_TargetPicker_Loading';

interface Option {
    label: string;
    value: string;
}

/**
 * Chooses the target org: a combobox of the targets the user can see, and, with `show-connection`, the target's
 * connection status with a Test Connection button. It tells its owner the choice with `targetchange`
 * ({ targetId, target }); with no choice given, it picks the target named `default-target-name`, else the first
 * active one.
 */
export default class TargetPicker extends LightningElement {
    private chosenId?: string;

    /** The chosen target's Id. */
    @api
    get targetId(): string | undefined {
        return this.chosenId;
    }
    set targetId(value: string | undefined) {
        this.chosenId = value;
    }
    /** The name of the target to choose when none is given (a design attribute of the screens). */
    @api defaultTargetName?: string;
    /** Whether the connection status and Test Connection are shown. */
    @api showConnection = false;
    /** The combobox's label. */
    @api label: string = pickerLabel;
    /** Disables the choice, e.g. while a run starts. */
    @api disabled = false;

    readonly placeholder: string = placeholderLabel;
    readonly noneText: string = noneLabel;
    readonly testText: string = testLabel;
    readonly testingText: string = testingLabel;
    readonly loadingText: string = loadingLabel;

    targets?: TargetInfo[];
    errorMessage?: string;
    testing = false;

    override connectedCallback(): void {
        this.load().catch(() => undefined);
    }

    get isLoading(): boolean {
        return this.targets === undefined && this.errorMessage === undefined;
    }

    get hasNoTargets(): boolean {
        return this.targets !== undefined && this.targets.length === 0;
    }

    get options(): Option[] {
        return (this.targets ?? []).map((target) => ({
            label: target.active ? (target.name ?? '') : `${target.name ?? ''} (${inactiveLabel})`,
            value: target.targetId ?? '',
        }));
    }

    get selected(): TargetInfo | undefined {
        return (this.targets ?? []).find((target) => target.targetId === this.targetId);
    }

    get statusText(): string {
        const target = this.selected;
        if (!target || target.lastConnectionOk === null || target.lastConnectionOk === undefined) {
            return notTestedLabel;
        }
        return target.lastConnectionOk ? connectedLabel : notConnectedLabel;
    }

    get statusIcon(): string {
        const target = this.selected;
        if (!target || target.lastConnectionOk === null || target.lastConnectionOk === undefined) {
            return 'utility:help';
        }
        return target.lastConnectionOk ? 'utility:success' : 'utility:error';
    }

    get statusVariant(): string {
        const target = this.selected;
        if (!target || target.lastConnectionOk === null || target.lastConnectionOk === undefined) {
            return '';
        }
        return target.lastConnectionOk ? 'success' : 'error';
    }

    get connectionMessage(): string | undefined {
        return this.selected?.lastConnectionMessage ?? undefined;
    }

    get lastTestedText(): string | undefined {
        const at = this.selected?.lastConnectionTestAt;
        return at ? formatLabel(lastTestedLabel, formatDateTime(at)) : undefined;
    }

    get activeRunText(): string | undefined {
        const state = this.selected?.activeRunState;
        return state ? formatLabel(activeRunLabel, describeState(state).label) : undefined;
    }

    get testDisabled(): boolean {
        return this.testing || !this.selected;
    }

    handleChange(event: CustomEvent<{ value: string }>): void {
        this.chosenId = event.detail.value;
        this.notify();
    }

    async handleTest(): Promise<void> {
        const targetId = this.chosenId;
        if (!targetId) {
            return;
        }
        this.testing = true;
        this.errorMessage = undefined;
        try {
            await testConnection(targetId);
            await this.load();
        } catch (error) {
            this.errorMessage = reduceError(error);
        } finally {
            this.testing = false;
        }
        this.notify();
    }

    /** Reads the targets again, e.g. after a run started or ended on one. */
    @api
    async refresh(): Promise<void> {
        await this.load();
    }

    private async load(): Promise<void> {
        try {
            this.targets = await getTargets();
            this.errorMessage = undefined;
            this.chooseDefault();
        } catch (error) {
            this.errorMessage = reduceError(error);
        }
    }

    private chooseDefault(): void {
        const targets = this.targets ?? [];
        if (this.chosenId && targets.some((target) => target.targetId === this.chosenId)) {
            this.notify();
            return;
        }
        const named = this.defaultTargetName
            ? targets.find((target) => target.name === this.defaultTargetName)
            : undefined;
        const chosen = named ?? targets.find((target) => target.active) ?? targets[0];
        if (chosen?.targetId) {
            this.chosenId = chosen.targetId;
            this.notify();
        }
    }

    private notify(): void {
        this.dispatchEvent(
            new CustomEvent('targetchange', { detail: { targetId: this.targetId, target: this.selected } }),
        );
    }
}
