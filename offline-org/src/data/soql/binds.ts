/** Bind variables: the caller resolves `:expr` texts (the interpreter evaluates them) or passes a map by name. */
import { QueryException } from '../errors.js';
import type { StorageValue } from '../schema-types.js';

export type BindValue = StorageValue | StorageValue[];
export type BindResolver = (expressionText: string) => BindValue;
export type Binds = BindResolver | Map<string, BindValue> | Record<string, BindValue> | undefined;

/** Turns any accepted binds argument into a resolver; names in maps match case-insensitively. */
export function toResolver(binds: Binds): BindResolver {
    if (typeof binds === 'function') return binds;
    const entries = binds instanceof Map ? [...binds.entries()] : Object.entries(binds ?? {});
    const byName = new Map(entries.map(([k, v]) => [k.toLowerCase(), v]));
    return (text) => {
        const key = text.trim().toLowerCase();
        if (!byName.has(key)) throw new QueryException(`Variable does not exist: ${text.trim()}`);
        return byName.get(key) as BindValue;
    };
}

/** A resolver that evaluates each bind expression once per query, as the platform does. */
export function memoized(resolve: BindResolver): BindResolver {
    const memo = new Map<string, BindValue>();
    return (text) => {
        if (!memo.has(text)) memo.set(text, resolve(text));
        return memo.get(text) as BindValue;
    };
}
