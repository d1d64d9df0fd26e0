/** Shared set-up for the data-layer tests: a fixture schema (loaded once) and fresh stores with a fixed clock. */
import { loadSchema, OrgStore, type Schema } from '../../src/data/index.js';
import { writeFixtureProject } from './fixture-project.js';

let cached: Schema | undefined;

export function fixtureSchema(): Schema {
    cached ??= loadSchema(writeFixtureProject());
    return cached;
}

/** 2024-03-15 (a Friday) 10:30 UTC. */
export const FIXED_NOW = new Date('2024-03-15T10:30:00.000Z');

export function newStore(options: { timeZone?: string; now?: Date } = {}): OrgStore {
    const now = options.now ?? FIXED_NOW;
    return new OrgStore(fixtureSchema(), { clock: () => now, timeZone: options.timeZone ?? 'UTC' });
}
