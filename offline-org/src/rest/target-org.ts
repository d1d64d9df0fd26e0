/**
 * A second offline org playing a target org: the same schema as the project (its objects plus the standard objects)
 * over a store of its own, in memory or in a database file. Its Ids take another pod than the source org's (`Tg`
 * after the key prefix), so an Id of one org is never a valid Id in the other. It runs no Apex: a target org does
 * not run the package; the project's triggers are not fired by writes through the REST face.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadSchema, OrgStore } from '../data/index.js';
import type { Schema } from '../data/index.js';

/** The pod of a target org's Ids. */
export const TARGET_ID_POD = 'Tg';

export interface TargetOrgOptions {
    /** `:memory:` (default), or a directory holding the org's database file `<name>.sqlite` (created if missing). */
    location?: string;
    /** The org's clock (epoch ms); default the real time. Share the source org's clock to keep both in step. */
    clock?: () => number;
    /** The org's time zone (default UTC). */
    timeZone?: string;
}

export class TargetOrg {
    readonly store: OrgStore;

    constructor(
        readonly name: string,
        readonly schema: Schema,
        options: TargetOrgOptions = {},
    ) {
        const clock = options.clock ?? (() => Date.now());
        const location = options.location ?? ':memory:';
        let file: string | undefined;
        if (location !== ':memory:') {
            if (!existsSync(location)) mkdirSync(location, { recursive: true });
            file = join(location, `${name}.sqlite`);
        }
        this.store = new OrgStore(schema, {
            file,
            clock: () => new Date(clock()),
            timeZone: options.timeZone,
            idPod: TARGET_ID_POD,
        });
    }

    close(): void {
        this.store.close();
    }
}

/** A target org with the schema of the project's package directories. */
export function openTargetOrg(name: string, dirs: string[], options: TargetOrgOptions = {}): TargetOrg {
    return new TargetOrg(name, loadSchema(dirs), options);
}
