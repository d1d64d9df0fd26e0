/**
 * Runs the LWC compiler (the one the platform uses) over every component bundle's deployable files, so that what
 * `compile.ts` emitted is known to be accepted before anything is deployed.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from '@lwc/compiler';

/** Problems found, one line each with the file; empty when every bundle compiles. */
export function verifyBundles(lwcDir: string, namespace = 'c'): string[] {
    const problems: string[] = [];
    for (const name of readdirSync(lwcDir).sort()) {
        const bundle = join(lwcDir, name);
        if (!statSync(bundle).isDirectory() || name.startsWith('_') || name.startsWith('.')) {
            continue;
        }
        for (const file of readdirSync(bundle).sort()) {
            if (!/\.(js|html|css)$/.test(file)) {
                continue;
            }
            const path = join(bundle, file);
            try {
                transformSync(readFileSync(path, 'utf8'), file, { namespace, name });
            } catch (error) {
                problems.push(`${path}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
            }
        }
        if (!existsSync(join(bundle, `${name}.js`))) {
            problems.push(`${bundle}: no ${name}.js (was ${name}.ts compiled?)`);
        }
    }
    return problems;
}
