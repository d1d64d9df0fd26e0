import { LightningElement, api, wire } from 'lwc';
import getRunLifecycle from '@salesforce/apex/RunLifecycleController.getRunLifecycle';
import title from '@salesforce/label/c.Resync_RunLifecycleTitle';
import { describeState } from 'c/runStates';
import { reduceError } from 'c/errorReducer';

/** One row of the life-cycle table, ready for the template. */
export interface LifecycleRow {
    name: string;
    label: string;
    badgeClass: string;
    nextLabels: string;
    rowClass: string;
}

/**
 * Shows the run life cycle: every state a Resync run can be in, whether it holds its target, and where it can go
 * next. Set `current-state` to highlight the state a run is in.
 */
export default class RunLifecycle extends LightningElement {
    /** API value of the state to highlight, e.g. `Running`. */
    @api currentState?: string;

    readonly cardTitle: string = title;

    states?: Apex.RunLifecycleController.RunStateInfo[];
    errorMessage?: string;

    @wire(getRunLifecycle)
    wiredLifecycle({ data, error }: ApexWireResult<Apex.RunLifecycleController.RunStateInfo[]>): void {
        this.states = data;
        this.errorMessage = error ? reduceError(error) : undefined;
    }

    get isLoading(): boolean {
        return this.states === undefined && this.errorMessage === undefined;
    }

    get rows(): LifecycleRow[] {
        return (this.states ?? []).map((state) => {
            const name = state.name ?? '';
            const presentation = describeState(name);
            const next = (state.nextStates ?? []).map((nextState) => describeState(nextState).label);
            return {
                name,
                label: presentation.label,
                badgeClass: `slds-badge ${presentation.badgeTheme}`,
                nextLabels: next.length > 0 ? next.join(', ') : '—',
                rowClass: name === this.currentState ? 'slds-is-selected' : '',
            };
        });
    }
}
