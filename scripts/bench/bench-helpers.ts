/**
 * What the benchmark scripts share: their command-line options and running anonymous Apex on an offline org.
 */
import { runAnonymousBlock } from '../../offline-org/src/index.js';
import type { OfflineOrg } from '../../offline-org/src/index.js';

/** `--name=value` or `--name value`, or undefined when not given. */
export function optionText(name: string): string | undefined {
    const args = process.argv.slice(2);
    const joined = args.find((a) => a.startsWith(`--${name}=`));
    if (joined) return joined.slice(name.length + 3);
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? args[at + 1] : undefined;
}

/** A whole-number option of at least `min`, or `fallback` when not given. */
export function option(name: string, fallback: number, min = 1): number {
    const arg = optionText(name);
    const value = arg !== undefined ? Number(arg) : fallback;
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number above ${min - 1}`);
    return value;
}

/** Runs anonymous Apex in a transaction of its own; its System.debug messages, or the error it ended with thrown. */
export function apex(org: OfflineOrg, source: string): string[] {
    const out = runAnonymousBlock(org, 'bench.apex', source);
    if (out.error !== null) throw new Error(out.error);
    return out.debug.map((d) => d.message);
}
