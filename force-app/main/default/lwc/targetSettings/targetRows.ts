import type { SavedTarget } from 'c/settingsApi';
import type { ConnectionResult } from 'c/targetApi';
import { formatCount, formatDateTime, formatLabel } from 'c/resyncFormat';
import { LABELS } from './labels';

/** A row of the targets table. */
export interface TargetRow {
    targetId: string;
    name: string;
    namedCredential: string;
    apiVersion: string;
    activeText: string;
    strictText: string;
    statusText: string;
    statusIcon: string;
    statusVariant: string;
    detail: string;
    testing: boolean;
    editLabel: string;
    testLabel: string;
}

function status(ok: boolean | null | undefined): { text: string; icon: string; variant: string } {
    if (ok === null || ok === undefined) {
        return { text: LABELS.notTested, icon: 'utility:help', variant: '' };
    }
    return ok
        ? { text: LABELS.connected, icon: 'utility:success', variant: 'success' }
        : { text: LABELS.notConnected, icon: 'utility:error', variant: 'error' };
}

/**
 * What a connection test found, with the daily API figures when the target answered.
 * @param result the test's result
 */
export function connectionDetail(result: ConnectionResult): string {
    const figures =
        result.dailyApiMax === null || result.dailyApiMax === undefined
            ? ''
            : ' ' +
              formatLabel(LABELS.dailyApi, formatCount(result.dailyApiRemaining), formatCount(result.dailyApiMax));
    return `${result.message ?? ''}${figures} ${formatDateTime(result.testedAt)}`.trim();
}

/**
 * The rows of the targets table.
 * @param targets the targets
 * @param results the connection tests made on this screen, by target
 * @param testingId the target being tested, if any
 */
export function targetRows(
    targets: SavedTarget[],
    results: Record<string, ConnectionResult>,
    testingId: string | undefined,
): TargetRow[] {
    return targets.map((target) => {
        const targetId = target.targetId ?? '';
        const tested = results[targetId] as ConnectionResult | undefined;
        const shown = status(tested ? tested.ok : target.lastConnectionOk);
        const detail = tested
            ? connectionDetail(tested)
            : `${target.lastConnectionMessage ?? ''} ${target.lastConnectionTestAt ? formatDateTime(target.lastConnectionTestAt) : ''}`.trim();
        const name = target.name ?? '';
        return {
            targetId,
            name,
            namedCredential: target.namedCredential ?? '',
            apiVersion: target.apiVersion ?? '',
            activeText: target.active ? LABELS.yes : LABELS.no,
            strictText: target.strictMode ? LABELS.yes : LABELS.no,
            statusText: shown.text,
            statusIcon: shown.icon,
            statusVariant: shown.variant,
            detail,
            testing: testingId === targetId,
            editLabel: formatLabel(LABELS.editTarget, name),
            testLabel: `${LABELS.testConnection}: ${name}`,
        };
    });
}
