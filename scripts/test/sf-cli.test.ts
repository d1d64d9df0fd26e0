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
        const bundles = [...manifest.matchAll(/<types>([\s\S]*?)<\/types>/g)]
            .map((match) => match[1])
            .find((block) => block.includes('<name>LightningComponentBundle</name>'));
        assert.match(bundles ?? '', /<members>runLifecycle<\/members>/);
        assert.match(bundles ?? '', /<members>dataResync<\/members>/);
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

    it('ships the Resync app with its tabs, FlexiPages, utility bar and screens', () => {
        const target = join(out, 'mdapi-app');
        sf('project', 'convert', 'source', '--source-dir', 'force-app', '--output-dir', target);
        const app = readFileSync(join(target, 'applications', 'Resync.app'), 'utf8');
        const tabs = [...app.matchAll(/<tabs>([^<]+)<\/tabs>/g)].map((match) => match[1]);
        assert.deepEqual(tabs, ['Resync_Data_Resync', 'Resync_Execute', 'Resync_Run_History', 'Resync_Settings']);
        assert.match(app, /<utilityBar>Resync_Utility_Bar<\/utilityBar>/);
        for (const tab of tabs) {
            const tabXml = readFileSync(join(target, 'tabs', `${tab}.tab`), 'utf8');
            assert.match(tabXml, new RegExp(`<flexiPage>${tab}</flexiPage>`), `${tab} opens its FlexiPage`);
            const page = readFileSync(join(target, 'flexipages', `${tab}.flexipage`), 'utf8');
            const component = /<componentName>([^<]+)<\/componentName>/.exec(page)?.[1] ?? '';
            assert.ok(existsSync(join(target, 'lwc', component, `${component}.js`)), `${tab} shows ${component}`);
        }
        const bar = readFileSync(join(target, 'flexipages', 'Resync_Utility_Bar.flexipage'), 'utf8');
        assert.match(bar, /<componentName>resyncLauncher<\/componentName>/);
        assert.match(bar, /<type>UtilityBar<\/type>/);
        const permissionSet = readFileSync(join(target, 'permissionsets', 'Resync_Operator.permissionset'), 'utf8');
        assert.match(permissionSet, /<application>Resync<\/application>/);
        for (const tab of tabs) {
            assert.match(permissionSet, new RegExp(`<tab>${tab}</tab>`), `operators see ${tab}`);
        }
    });
});
