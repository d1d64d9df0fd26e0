import { describeState, isEnded, modeLabel, HAPPY_PATH, RESYNC_MODES } from 'c/runStates';

describe('c/runStates', () => {
    it('gives each state its label and badge theme', () => {
        expect(describeState('Running')).toEqual({ label: 'Running', badgeTheme: 'slds-theme_info' });
        expect(describeState('CompletedWithErrors').label).toBe('Completed with errors');
        expect(describeState('Failed').badgeTheme).toBe('slds-theme_error');
    });

    it('shows an unknown state as it is and a missing one as Unknown', () => {
        expect(describeState('Exploded')).toEqual({ label: 'Exploded', badgeTheme: 'slds-badge_lightest' });
        expect(describeState('').label).toBe('Unknown');
        expect(describeState(undefined).label).toBe('Unknown');
    });

    it('names the modes as the seed screens do', () => {
        expect(modeLabel('FailedMissedResync')).toBe('Failed & Missed Data Resync');
        expect(modeLabel('FullResync')).toBe('Full Data Resync');
        expect(modeLabel('Rollback')).toBe('Rollback');
        expect(modeLabel('Something')).toBe('Something');
        expect(modeLabel(null)).toBe('Unknown');
    });

    it('tells ended states from active ones', () => {
        expect(isEnded('Completed')).toBe(true);
        expect(isEnded('RolledBack')).toBe(true);
        expect(isEnded('Running')).toBe(false);
        expect(isEnded('Paused')).toBe(false);
        expect(isEnded(undefined)).toBe(false);
    });

    it('orders the path and the resync modes as the screens show them', () => {
        expect(HAPPY_PATH).toEqual(['Queued', 'Planning', 'Running', 'Completed']);
        expect(RESYNC_MODES).toEqual(['FailedMissedResync', 'FullResync']);
    });
});
