/**
 * Gate: the metadata is deployable as far as can be told offline.
 * - every `-meta.xml` (and `.labels-meta.xml`, `.object-meta.xml`, …) is well-formed XML;
 * - every Apex class and trigger has its `-meta.xml`, and every LWC bundle its `.js-meta.xml`;
 * - every `<apiVersion>` equals sfdx-project.json's sourceApiVersion;
 * - object permissions in permission sets keep the platform's dependencies (Delete needs Edit and Read, Edit and
 *   Create need Read, View All needs Read, Modify All needs Delete and View All): a deploy refuses them otherwise.
 * Usage: tsx scripts/gates/metadata.ts [--project DIR]
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { apexSources, listFiles, packageDirectories, sourceApiVersion } from '../lib/project.js';
import { projectFromArgs, report, type Finding } from '../lib/gate.js';

function lineOf(text: string, index: number): number {
    return text.slice(0, index).split('\n').length;
}

/** Well-formedness and API version of one metadata file. */
export function checkMetaFile(file: string, apiVersion: string): Finding[] {
    const text = readFileSync(file, 'utf8');
    const valid = XMLValidator.validate(text);
    if (valid !== true) {
        return [{ file, line: valid.err.line, message: `malformed XML: ${valid.err.msg}` }];
    }
    const findings: Finding[] = [];
    for (const match of text.matchAll(/<apiVersion>\s*([^<\s]*)\s*<\/apiVersion>/g)) {
        if (match[1] !== apiVersion) {
            findings.push({
                file,
                line: lineOf(text, match.index),
                message: `apiVersion ${match[1]} differs from the project's sourceApiVersion ${apiVersion}`,
            });
        }
    }
    return findings;
}

const OBJECT_PERMISSION_NEEDS: Record<string, string[]> = {
    allowCreate: ['allowRead'],
    allowEdit: ['allowRead'],
    allowDelete: ['allowEdit', 'allowRead'],
    viewAllRecords: ['allowRead'],
    modifyAllRecords: ['allowDelete', 'allowEdit', 'allowRead', 'viewAllRecords'],
};

/** Object permissions of a permission set granted without the permissions they depend on. */
export function objectPermissionFindings(file: string): Finding[] {
    const text = readFileSync(file, 'utf8');
    const findings: Finding[] = [];
    for (const block of text.matchAll(/<objectPermissions>([\s\S]*?)<\/objectPermissions>/g)) {
        const body = block[1];
        const granted = (name: string): boolean => new RegExp(`<${name}>\\s*true\\s*</${name}>`).test(body);
        const object = /<object>\s*([^<\s]+)\s*<\/object>/.exec(body)?.[1] ?? '?';
        for (const [permission, needs] of Object.entries(OBJECT_PERMISSION_NEEDS)) {
            const missing = granted(permission) ? needs.filter((need) => !granted(need)) : [];
            if (missing.length > 0) {
                findings.push({
                    file,
                    line: lineOf(text, block.index),
                    message: `${object}: ${permission} needs ${missing.join(' and ')} (a deploy refuses it)`,
                });
            }
        }
    }
    return findings;
}

/** Bundles under any `lwc` folder whose `<name>.js-meta.xml` is missing. */
export function lwcBundlesWithoutMeta(roots: string[]): Finding[] {
    const bundles = listFiles(roots, (path) => basename(dirname(dirname(path))) === 'lwc').map((path) => dirname(path));
    return [...new Set(bundles)]
        .sort()
        .filter((bundle) => !existsSync(join(bundle, `${basename(bundle)}.js-meta.xml`)))
        .map((bundle) => ({
            file: bundle,
            line: 1,
            message: `LWC bundle ${basename(bundle)} has no ${basename(bundle)}.js-meta.xml`,
        }));
}

function main(): void {
    const project = projectFromArgs();
    const roots = packageDirectories(project);
    const apiVersion = sourceApiVersion(project);
    const findings: Finding[] = [];
    const metaFiles = listFiles(roots, (path) => path.endsWith('-meta.xml'));
    for (const file of metaFiles) {
        findings.push(...checkMetaFile(file, apiVersion));
        if (file.endsWith('.permissionset-meta.xml')) {
            findings.push(...objectPermissionFindings(file));
        }
    }
    for (const source of apexSources(roots)) {
        if (!existsSync(`${source}-meta.xml`)) {
            findings.push({
                file: source,
                line: 1,
                message: `no ${basename(source)}-meta.xml beside it (the CLI would silently drop the file)`,
            });
        }
    }
    findings.push(...lwcBundlesWithoutMeta(roots));
    report('metadata', metaFiles.length, findings);
}

main();
