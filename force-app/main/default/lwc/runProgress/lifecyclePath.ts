import { HAPPY_PATH, describeState, isEnded } from 'c/runStates';

/** One step of the life-cycle path. */
export interface PathStep {
    value: string;
    label: string;
}

/** The path a run's state is shown on, and which step is current. */
export interface LifecyclePath {
    steps: PathStep[];
    current: string;
    hasError: boolean;
}

/**
 * The life-cycle path of a run: Queued, Planning, Running, then where it ended (Completed unless it ended otherwise).
 * A state off the happy path (Paused, Cancelling, Rolling back) takes the place after Running while it lasts.
 * @param state the run's state
 */
export function lifecyclePath(state: string | undefined): LifecyclePath {
    const steps = HAPPY_PATH.slice(0, 3).map((value) => ({ value, label: describeState(value).label }));
    const current = state ?? 'Queued';
    if (HAPPY_PATH.includes(current) && current !== 'Completed') {
        steps.push({ value: 'Completed', label: describeState('Completed').label });
    } else {
        steps.push({ value: current, label: describeState(current).label });
    }
    return { steps, current, hasError: current === 'Failed' || (isEnded(current) && current === 'Cancelled') };
}
