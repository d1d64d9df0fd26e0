import { LightningElement, api } from 'lwc';
import { processAll, processSelected } from 'c/resyncApi';
import type { TargetInfo } from 'c/targetApi';
import type { RunStatus } from 'c/runHistoryApi';
import { RunProgressFeed } from 'c/runProgressFeed';
import { reduceError } from 'c/errorReducer';
import { RESYNC_MODES, describeState, modeLabel } from 'c/runStates';
import { formatLabel, percent } from 'c/resyncFormat';
import { parseObjectNames, readLastChoice, saveLastChoice } from './launcherChoice';
import titleLabel from '@salesforce/label/c.Resync_Launcher_Title';
import modeText from '@salesforce/label/c.Resync_Launcher_Mode';
import objectsText from '@salesforce/label/c.Resync_Launcher_Objects';
import allEnabledText from '@salesforce/label/c.Resync_Launcher_AllEnabled';
import startText from '@salesforce/label/c.Resync_Launcher_Start';
import startingText from '@salesforce/label/c.Resync_Launcher_Starting';
import followingText from '@salesforce/label/c.Resync_Launcher_Following';
import objectsDoneText from '@salesforce/label/c.Resync_Launcher_ObjectsDone';
import noTargetText from '@salesforce/label/c.Resync_Launcher_NoTarget';
import activeRunText from '@salesforce/label/c.Resync_Launcher_ActiveRun';
import totalsText from '@salesforce/label/c.Resync_Launcher_Totals';

/**
 * The utility-bar launcher: starts the resync it is configured for (target, mode and objects from its design
 * attributes, or the last choice made in this browser) and shows the running job's progress while the user works on
 * other tabs. A run already active on the target is followed instead of starting another.
 */
export default class ResyncLauncher extends LightningElement {
    /** The target's name (design attribute). */
    @api targetName?: string;
    /** FailedMissedResync or FullResync (design attribute). */
    @api mode?: string;
    /** Comma-separated object API names; blank for every enabled object (design attribute). */
    @api objectNames?: string;

    readonly labels = {
        title: titleLabel,
        mode: modeText,
        objects: objectsText,
        start: startText,
        starting: startingText,
        noTarget: noTargetText,
    };

    targetId?: string;
    target?: TargetInfo;
    chosenMode = 'FailedMissedResync';
    chosenObjects: string[] = [];
    chosenTargetName?: string;
    starting = false;
    errorMessage?: string;
    noticeMessage?: string;
    status?: RunStatus;
    followedRunId?: string;
    private feed?: RunProgressFeed;

    override connectedCallback(): void {
        const last = readLastChoice();
        const configured = parseObjectNames(this.objectNames);
        this.chosenTargetName = this.targetName || last?.targetName;
        this.chosenMode =
            this.mode && RESYNC_MODES.includes(this.mode) ? this.mode : (last?.mode ?? 'FailedMissedResync');
        this.chosenObjects = configured.length > 0 ? configured : (last?.objectNames ?? []);
    }

    override disconnectedCallback(): void {
        this.feed?.stop();
    }

    get modeOptions(): { label: string; value: string }[] {
        return RESYNC_MODES.map((mode) => ({ label: modeLabel(mode), value: mode }));
    }

    get objectsText(): string {
        return this.chosenObjects.length > 0 ? this.chosenObjects.join(', ') : allEnabledText;
    }

    get startDisabled(): boolean {
        return this.starting || !this.targetId || this.status?.run?.isActive === true;
    }

    get startLabel(): string {
        return this.starting ? startingText : startText;
    }

    get run(): RunStatus['run'] | undefined {
        return this.status?.run;
    }

    get followingText(): string {
        return formatLabel(followingText, this.status?.run?.name ?? '');
    }

    get stateText(): string {
        return describeState(this.status?.run?.state).label;
    }

    get stateBadgeClass(): string {
        return `slds-badge ${describeState(this.status?.run?.state).badgeTheme}`;
    }

    get objectsDone(): number {
        return (this.status?.objects ?? []).filter((object) => !['Pending', 'Running'].includes(object.state ?? ''))
            .length;
    }

    get objectsTotal(): number {
        return this.status?.objects?.length ?? 0;
    }

    get progressValue(): number {
        return percent(this.objectsDone, this.objectsTotal);
    }

    get progressText(): string {
        return formatLabel(objectsDoneText, this.objectsDone, this.objectsTotal);
    }

    get countsText(): string {
        const run = this.status?.run;
        const synced = (run?.inserted ?? 0) + (run?.updated ?? 0) + (run?.unchanged ?? 0);
        return formatLabel(totalsText, synced, run?.failed ?? 0);
    }

    handleTargetChange(event: CustomEvent<{ targetId?: string; target?: TargetInfo }>): void {
        this.targetId = event.detail.targetId;
        this.target = event.detail.target;
        this.chosenTargetName = event.detail.target?.name ?? this.chosenTargetName;
        const activeRunId = event.detail.target?.activeRunId;
        if (activeRunId && activeRunId !== this.followedRunId) {
            this.noticeMessage = activeRunText;
            this.follow(activeRunId);
        }
    }

    handleModeChange(event: CustomEvent<{ value: string }>): void {
        this.chosenMode = event.detail.value;
    }

    async handleStart(): Promise<void> {
        const targetId = this.targetId;
        if (!targetId) {
            this.errorMessage = noTargetText;
            return;
        }
        this.starting = true;
        this.errorMessage = undefined;
        this.noticeMessage = undefined;
        try {
            const runId =
                this.chosenObjects.length > 0
                    ? await processSelected(targetId, this.chosenMode, this.chosenObjects, 'UtilityBar')
                    : await processAll(targetId, this.chosenMode, 'UtilityBar');
            saveLastChoice({
                targetName: this.chosenTargetName,
                mode: this.chosenMode,
                objectNames: this.chosenObjects,
            });
            this.follow(runId);
        } catch (error) {
            this.errorMessage = reduceError(error);
        } finally {
            this.starting = false;
        }
    }

    private follow(runId: string): void {
        this.feed?.stop();
        this.followedRunId = runId;
        this.feed = new RunProgressFeed(runId, {
            onStatus: (status) => {
                this.status = status;
            },
            onError: (message) => {
                this.errorMessage = message;
            },
        });
        this.feed.start().catch(() => undefined);
    }
}
