/** How a run state looks on screen. */
export interface StatePresentation {
    label: string;
    /** An SLDS badge theme class. */
    badgeTheme: string;
}

const PRESENTATION: Record<string, StatePresentation> = {
    Queued: { label: 'Queued', badgeTheme: 'slds-badge_lightest' },
    Planning: { label: 'Planning', badgeTheme: 'slds-badge_lightest' },
    Running: { label: 'Running', badgeTheme: 'slds-theme_info' },
    Paused: { label: 'Paused', badgeTheme: 'slds-theme_warning' },
    Cancelling: { label: 'Cancelling', badgeTheme: 'slds-theme_warning' },
    Cancelled: { label: 'Cancelled', badgeTheme: 'slds-badge_inverse' },
    Completed: { label: 'Completed', badgeTheme: 'slds-theme_success' },
    CompletedWithErrors: { label: 'Completed with errors', badgeTheme: 'slds-theme_warning' },
    Failed: { label: 'Failed', badgeTheme: 'slds-theme_error' },
    RollingBack: { label: 'Rolling back', badgeTheme: 'slds-theme_info' },
    RolledBack: { label: 'Rolled back', badgeTheme: 'slds-badge_inverse' },
};

/** The label and badge theme of a run state; an unknown state is shown as it is, never hidden. */
export function describeState(state: string): StatePresentation {
    return PRESENTATION[state] ?? { label: state || 'Unknown', badgeTheme: 'slds-badge_lightest' };
}

/** One readable message from whatever an Apex call or wire rejected with. */
export function reduceError(error: unknown): string {
    if (error === null || error === undefined) {
        return 'Unknown error';
    }
    if (typeof error === 'string') {
        return error;
    }
    if (error instanceof Error) {
        return error.message;
    }
    const body: unknown = (error as { body?: unknown }).body;
    if (Array.isArray(body)) {
        return body.map((entry) => reduceError(entry)).join(', ');
    }
    if (typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string') {
        return (body as { message: string }).message;
    }
    const message: unknown = (error as { message?: unknown }).message;
    if (typeof message === 'string') {
        return message;
    }
    const statusText: unknown = (error as { statusText?: unknown }).statusText;
    return typeof statusText === 'string' && statusText !== '' ? statusText : 'Unknown error';
}
