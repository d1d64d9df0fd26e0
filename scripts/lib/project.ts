/**
 * Where things are in this SFDX project: the package directories from sfdx-project.json and the metadata files in them.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type AnyJson, ensureJsonArray, ensureJsonMap, ensureString, isJsonMap } from '@salesforce/ts-types';

/** The repository root (the folder holding sfdx-project.json). */
export const repoRoot = resolve(import.meta.dirname, '..', '..');

/** The project's package directories, absolute, from sfdx-project.json of the given project folder. */
export function packageDirectories(projectDir: string = repoRoot): string[] {
    const project = ensureJsonMap(JSON.parse(readFileSync(join(projectDir, 'sfdx-project.json'), 'utf8')) as AnyJson);
    return ensureJsonArray(project.packageDirectories).map((entry) => {
        if (!isJsonMap(entry)) {
            throw new Error('sfdx-project.json: each packageDirectories entry must be an object with a path');
        }
        return resolve(projectDir, ensureString(entry.path, 'sfdx-project.json: packageDirectories[].path'));
    });
}

/** The sourceApiVersion of sfdx-project.json. */
export function sourceApiVersion(projectDir: string = repoRoot): string {
    const project = ensureJsonMap(JSON.parse(readFileSync(join(projectDir, 'sfdx-project.json'), 'utf8')) as AnyJson);
    return ensureString(project.sourceApiVersion, 'sfdx-project.json: sourceApiVersion');
}

/** Every file below the folders whose name passes the filter, skipping node_modules and dot folders. */
export function listFiles(roots: string[], accept: (path: string) => boolean): string[] {
    const found: string[] = [];
    const walk = (dir: string): void => {
        for (const name of readdirSync(dir).sort()) {
            if (name.startsWith('.') || name === 'node_modules') {
                continue;
            }
            const path = join(dir, name);
            if (statSync(path).isDirectory()) {
                walk(path);
            } else if (accept(path)) {
                found.push(path);
            }
        }
    };
    roots.forEach(walk);
    return found;
}

/** The Apex sources (.cls and .trigger) of the given package directories. */
export function apexSources(roots: string[]): string[] {
    return listFiles(roots, (path) => path.endsWith('.cls') || path.endsWith('.trigger'));
}
