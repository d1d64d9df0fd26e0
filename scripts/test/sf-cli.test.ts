/**
 * The Salesforce CLI runs offline on Node 20 and builds what would be deployed: only the compiled component
 * JavaScript goes in, never the TypeScript, tsconfig or tests (.forceignore).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { repoRoot } from '../lib/project.js';

const out = mkdtempSync(join(tmpdir(), 'resync-sf-'));
after(() => rmSync(out, { recursive: true, force: true }));

function sf(...args: string[]): string {
    const result = spawnSync(join(repoRoot, 'node_modules', '.bin', 'sf'), args, {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, SF_AUTOUPDATE_DISABLE: 'true', SF_DISABLE_TELEMETRY: 'true' },
    });
    assert.equal(result.status, 0, `sf ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
    return result.stdout;
}

describe('sf CLI offline', () => {
    it('generates a manifest naming the package classes and components', () => {
        sf('project', 'generate', 'manifest', '--source-dir', 'force-app', '--output-dir', out);
        const manifest = readFileSync(join(out, 'package.xml'), 'utf8');
        assert.match(manifest, /<members>RunStateMachine<\/members>/);
        assert.match(manifest, /<members>runLifecycle<\/members>\s*<name>LightningComponentBundle<\/name>/);
    });

    it('converts to metadata format with the compiled .js and without TypeScript, tsconfig or tests', () => {
        const target = join(out, 'mdapi');
        sf('project', 'convert', 'source', '--source-dir', 'force-app', '--output-dir', target);
        const bundle = join(target, 'lwc', 'runLifecycle');
        const files = readdirSync(bundle).sort();
        assert.ok(files.includes('runLifecycle.js'), `compiled JS deployed: ${files.join(', ')}`);
        assert.ok(!files.some((file) => file.endsWith('.ts')), `no TypeScript deployed: ${files.join(', ')}`);
        assert.ok(!existsSync(join(bundle, '__tests__')), 'no tests deployed');
        assert.ok(!existsSync(join(target, 'lwc', 'tsconfig.json')), 'no tsconfig deployed');
        assert.ok(existsSync(join(target, 'classes', 'RunStateMachine.cls')), 'Apex converted');
    });
});
