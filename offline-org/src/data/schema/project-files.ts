/** Finds the metadata folders of an SFDX project (or of explicit package directories). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MetadataError } from '../errors.js';

export interface ProjectFolders {
    objects: string[];
    customMetadata: string[];
    permissionsets: string[];
    sharingRules: string[];
}

const SKIP = new Set(['node_modules', '.git', '.sfdx', '.sf', 'dist']);

/** The package directories: from sfdx-project.json when `source` is a project root, else the given folders. */
export function packageDirectories(source: string | string[]): string[] {
    if (Array.isArray(source)) return source.map((d) => resolve(d));
    const root = resolve(source);
    const projectFile = join(root, 'sfdx-project.json');
    if (!existsSync(projectFile)) return [root];
    let parsed: unknown;
    try {
        parsed = JSON.parse(readFileSync(projectFile, 'utf8'));
    } catch (e) {
        throw new MetadataError(projectFile, `invalid JSON: ${(e as Error).message}`);
    }
    const dirs = (parsed as { packageDirectories?: unknown }).packageDirectories;
    if (!Array.isArray(dirs)) throw new MetadataError(projectFile, 'packageDirectories is missing');
    return dirs.map((d: unknown) => {
        const path = (d as { path?: unknown }).path;
        if (typeof path !== 'string') throw new MetadataError(projectFile, 'a package directory has no path');
        return join(root, path);
    });
}

/** Walks the package directories for `objects/`, `customMetadata/` and `permissionsets/` folders. */
export function findProjectFolders(dirs: string[]): ProjectFolders {
    const found: ProjectFolders = { objects: [], customMetadata: [], permissionsets: [], sharingRules: [] };
    const walk = (dir: string): void => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            if (!entry.isDirectory() || SKIP.has(entry.name)) continue;
            const path = join(dir, entry.name);
            if (entry.name === 'objects') found.objects.push(path);
            else if (entry.name === 'customMetadata') found.customMetadata.push(path);
            else if (entry.name === 'permissionsets') found.permissionsets.push(path);
            else if (entry.name === 'sharingRules') found.sharingRules.push(path);
            else walk(path);
        }
    };
    for (const d of dirs) {
        if (!existsSync(d) || !statSync(d).isDirectory())
            throw new MetadataError(d, 'package directory does not exist');
        walk(d);
    }
    return found;
}

/** Files in `dir` whose names end with `suffix`, sorted. */
export function filesEnding(dir: string, suffix: string): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
        .filter((f) => f.endsWith(suffix))
        .sort()
        .map((f) => join(dir, f));
}
