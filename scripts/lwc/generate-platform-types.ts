/**
 * Generates `types/generated/platform-imports.d.ts`: one module declaration per `@AuraEnabled` Apex method
 * (`@salesforce/apex/Class.method`) with its parameter and result types, one interface per `@AuraEnabled` inner class,
 * and one module per custom label (`@salesforce/label/c.Name`). The LWC TypeScript then fails to compile when it
 * imports a method or label the package does not have, or calls a method with the wrong parameters.
 *
 * Usage: tsx scripts/lwc/generate-platform-types.ts [--check]
 *   --check  exit 1 when the generated file is missing or out of date, instead of writing it.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { apexSources, listFiles, packageDirectories, repoRoot } from '../lib/project.js';
import { describeAuraSurface, type AuraClass } from './apex-aura-surface.js';
import { renderDeclarations } from './render-declarations.js';

const target = join(repoRoot, 'types', 'generated', 'platform-imports.d.ts');
const pathsTarget = join(repoRoot, 'types', 'generated', 'tsconfig.lwc-paths.json');
const lwcRoot = join(repoRoot, 'force-app', 'main', 'default', 'lwc');

/** `c/<bundle>` resolves to the bundle's own module, as the platform resolves it. */
function lwcPaths(): string {
    const paths: Record<string, string[]> = {};
    const bundles = existsSync(lwcRoot)
        ? readdirSync(lwcRoot).filter((name) => existsSync(join(lwcRoot, name, `${name}.ts`)))
        : [];
    for (const name of bundles.sort()) {
        paths[`c/${name}`] = [`${name}/${name}`];
    }
    // The LWC Jest tests' shared helpers (mapped for Jest in jest.config.js).
    paths['test-utils'] = [relative(lwcRoot, join(repoRoot, 'scripts', 'jest', 'lwc-test-utils.ts'))];
    const config = { compilerOptions: { baseUrl: relative(dirname(pathsTarget), lwcRoot), paths } };
    return `${JSON.stringify(config, null, 2)}\n`;
}

function labelNames(roots: string[]): string[] {
    const names: string[] = [];
    for (const file of listFiles(roots, (path) => path.endsWith('.labels-meta.xml'))) {
        const xml = readFileSync(file, 'utf8');
        for (const match of xml.matchAll(/<labels>[\s\S]*?<fullName>([A-Za-z0-9_]+)<\/fullName>/g)) {
            names.push(match[1]);
        }
    }
    return names.sort();
}

function main(): void {
    const roots = packageDirectories();
    const classes: AuraClass[] = apexSources(roots)
        .filter((file) => file.endsWith('.cls'))
        .map((file) => describeAuraSurface(readFileSync(file, 'utf8'), file))
        .filter((surface): surface is AuraClass => surface !== null);
    const text = renderDeclarations(classes, labelNames(roots));
    if (process.argv.includes('--check')) {
        const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
        const currentPaths = existsSync(pathsTarget) ? readFileSync(pathsTarget, 'utf8') : '';
        if (current !== text || currentPaths !== lwcPaths()) {
            console.error(`${target} is out of date: run npm run build:lwc`);
            process.exit(1);
        }
        return;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
    writeFileSync(pathsTarget, lwcPaths());
    console.log(`wrote ${classes.length} Apex class surface(s) to ${target}`);
}

main();
