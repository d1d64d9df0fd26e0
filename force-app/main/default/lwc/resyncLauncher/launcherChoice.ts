import { RESYNC_MODES } from 'c/runStates';

/** What the launcher starts: a target (by name), a mode and objects (none for every enabled object). */
export interface LauncherChoice {
    targetName?: string;
    mode: string;
    objectNames: string[];
}

const STORAGE_KEY = 'resync.launcher.lastChoice';

/**
 * Object names from a design attribute: comma- or space-separated API names.
 * @param text the attribute's value
 */
export function parseObjectNames(text: string | undefined | null): string[] {
    return (text ?? '')
        .split(/[\s,;]+/)
        .map((name) => name.trim())
        .filter((name) => name !== '');
}

/** The last choice made in this browser, or undefined when there is none or it cannot be read. */
export function readLastChoice(): LauncherChoice | undefined {
    try {
        const stored = window.localStorage.getItem(STORAGE_KEY);
        if (!stored) {
            return undefined;
        }
        const parsed = JSON.parse(stored) as Partial<LauncherChoice>;
        if (typeof parsed.mode !== 'string' || !RESYNC_MODES.includes(parsed.mode)) {
            return undefined;
        }
        return {
            targetName: typeof parsed.targetName === 'string' ? parsed.targetName : undefined,
            mode: parsed.mode,
            objectNames: Array.isArray(parsed.objectNames)
                ? parsed.objectNames.filter((name): name is string => typeof name === 'string')
                : [],
        };
    } catch {
        return undefined;
    }
}

/**
 * Keeps the choice for the next time the launcher opens.
 * @param choice the choice
 */
export function saveLastChoice(choice: LauncherChoice): void {
    try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(choice));
    } catch {
        // Storage may be full or switched off: the design attributes still apply next time.
    }
}
