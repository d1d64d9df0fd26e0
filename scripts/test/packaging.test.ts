/**
 * The namespaced build: `create-package-version.sh --check` makes the copy with the namespace and runs the offline
 * gates on it, and the gates judge that copy under its namespace (a reference qualified with it resolves there and
 * nowhere else).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { repoRoot } from '../lib/project.js';

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function run(command: string, args: string[]): { status: number | null; output: string } {
    const result = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8' });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A copy of the project with one more class, under the given namespace (empty for none). */
function projectWith(namespace: string, className: string, source: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'resync-namespace-'));
    dirs.push(dir);
    cpSync(join(repoRoot, 'force-app'), join(dir, 'force-app'), { recursive: true });
    const project = JSON.parse(readFileSync(join(repoRoot, 'sfdx-project.json'), 'utf8')) as Record<string, unknown>;
    project.namespace = namespace;
    writeFileSync(join(dir, 'sfdx-project.json'), JSON.stringify(project));
    const classes = join(dir, 'force-app', 'main', 'default', 'classes');
    writeFileSync(join(classes, `${className}.cls`), source);
    writeFileSync(
        join(classes, `${className}.cls-meta.xml`),
        readFileSync(join(classes, 'shared', 'SObjectTypes.cls-meta.xml'), 'utf8'),
    );
    return dir;
}

describe('the namespaced build', () => {
    it('passes the offline gates under a namespace', () => {
        const result = run('bash', ['scripts/org/create-package-version.sh', '--check', 'rsynccheck']);
        assert.equal(result.status, 0, result.output);
        assert.match(result.output, /the namespaced copy \(rsynccheck\) passes the offline gates/);
        for (const gate of ['apex-syntax', 'apex-semantics', 'apex-security', 'metadata']) {
            assert.match(result.output, new RegExp(`${gate}: \\d+ file\\(s\\) OK`));
        }
    });

    it('refuses what is no namespace prefix before building anything', () => {
        const result = run('bash', ['scripts/org/create-package-version.sh', '--check', 'bad_prefix']);
        assert.equal(result.status, 2);
        assert.match(result.output, /not a namespace prefix: bad_prefix/);
    });

    it('judges the copy under its namespace', () => {
        const source = `public with sharing class NamespaceProbe {
    public static Object probe() {
        return new rsynccheck__SyncTarget__c(rsynccheck__Active__c = true);
    }
}
`;
        const gate = (dir: string) =>
            run(join(repoRoot, 'node_modules', '.bin', 'tsx'), ['scripts/gates/apex-semantics.ts', '--project', dir]);
        const namespaced = gate(projectWith('rsynccheck', 'NamespaceProbe', source));
        assert.equal(namespaced.status, 0, namespaced.output);
        const plain = gate(projectWith('', 'NamespaceProbe', source));
        assert.notEqual(plain.status, 0, plain.output);
        assert.match(plain.output, /NamespaceProbe\.cls:3: .*rsynccheck__SyncTarget__c/);
    });
});
