/**
 * Each offline gate is fed a bad sample, generated in a temporary project, and must fail naming the file and line.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { repoRoot } from '../lib/project.js';

const classMeta = (version: string): string =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>${version}</apiVersion>\n    <status>Active</status>\n</ApexClass>\n`;

const projects: string[] = [];
after(() => projects.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A throwaway SFDX project holding the given files (paths relative to force-app/main/default). */
function sampleProject(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'resync-gate-'));
    projects.push(dir);
    writeFileSync(join(dir, 'sfdx-project.json'), readFileSync(join(repoRoot, 'sfdx-project.json')));
    for (const [path, text] of Object.entries(files)) {
        const full = join(dir, 'force-app', 'main', 'default', path);
        mkdirSync(join(full, '..'), { recursive: true });
        writeFileSync(full, text);
    }
    return dir;
}

function runGate(gate: string, project: string): { status: number | null; output: string } {
    const result = spawnSync(
        'node',
        ['--import', 'tsx', join(repoRoot, 'scripts', 'gates', `${gate}.ts`), '--project', project],
        {
            cwd: repoRoot,
            encoding: 'utf8',
        },
    );
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const version = JSON.parse(readFileSync(join(repoRoot, 'sfdx-project.json'), 'utf8')) as { sourceApiVersion: string };
const meta = classMeta(version.sourceApiVersion);

describe('apex syntax gate', () => {
    it('fails on a class that does not parse, naming file and line', () => {
        const project = sampleProject({
            'classes/Broken.cls':
                'public with sharing class Broken {\n    void x() {\n        Integer i = ;\n    }\n}\n',
            'classes/Broken.cls-meta.xml': meta,
        });
        const { status, output } = runGate('apex-syntax', project);
        assert.equal(status, 1, output);
        assert.match(output, /classes\/Broken\.cls:3: Apex syntax error: Unexpected token ';'/);
    });

    it('passes a class and a trigger that parse', () => {
        const project = sampleProject({
            'classes/Fine.cls': 'public with sharing class Fine {\n}\n',
            'classes/Fine.cls-meta.xml': meta,
            'triggers/AccountTrigger.trigger': 'trigger AccountTrigger on Account (before insert) {\n}\n',
        });
        const { status, output } = runGate('apex-syntax', project);
        assert.equal(status, 0, output);
        assert.match(output, /apex-syntax: 2 file\(s\) OK/);
    });
});

describe('apex semantics gate', () => {
    it('fails on a wrong assignment, an unknown method and an unknown field, naming file and line', () => {
        const project = sampleProject({
            'classes/Wrong.cls': [
                'public with sharing class Wrong {',
                '    public static void go() {',
                "        Integer i = 'text';",
                "        String s = 'x';",
                '        s.noSuchMethod();',
                '        Account a = new Account();',
                '        a.NoSuchField__c = 1;',
                '    }',
                '}',
                '',
            ].join('\n'),
            'classes/Wrong.cls-meta.xml': meta,
        });
        const { status, output } = runGate('apex-semantics', project);
        assert.equal(status, 1, output);
        assert.match(output, /Wrong\.cls:3: Error: Incompatible types in assignment/);
        assert.match(output, /Wrong\.cls:5: Missing: No matching method found for 'noSuchMethod'/);
        assert.match(output, /Wrong\.cls:7: Missing: Unknown field 'NoSuchField__c'/);
    });
});

describe('apex security gate', () => {
    it('fails on SOQL injection and on a suppression without a justification', () => {
        const project = sampleProject({
            'classes/Leaky.cls': [
                'public with sharing class Leaky {',
                '    public static List<Account> find(String name) {',
                "        return Database.query('SELECT Id FROM Account WHERE Name = \\'' + name + '\\'');",
                '    }',
                '    public static Integer size() {',
                '        return 1; // code-analyzer-suppress(pmd:ApexCRUDViolation)',
                '    }',
                '}',
                '',
            ].join('\n'),
            'classes/Leaky.cls-meta.xml': meta,
        });
        const { status, output } = runGate('apex-security', project);
        assert.equal(status, 1, output);
        assert.match(output, /Leaky\.cls:3: ApexSOQLInjection/);
        assert.match(output, /Leaky\.cls:6: a code-analyzer-suppress marker needs a justification/);
    });
});

describe('metadata gate', () => {
    it('fails on malformed XML, a missing meta file, a bundle without meta and a wrong API version', () => {
        const project = sampleProject({
            'classes/NoMeta.cls': 'public with sharing class NoMeta {\n}\n',
            'classes/OldApi.cls': 'public with sharing class OldApi {\n}\n',
            'classes/OldApi.cls-meta.xml': classMeta('50.0'),
            'classes/Broken.cls': 'public with sharing class Broken {\n}\n',
            'classes/Broken.cls-meta.xml':
                '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass>\n    <status>Active</status>\n</ApexClas>\n',
            'lwc/lonely/lonely.html': '<template></template>\n',
            'permissionsets/Loose.permissionset-meta.xml':
                '<?xml version="1.0" encoding="UTF-8"?>\n<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">\n' +
                '    <label>Loose</label>\n    <objectPermissions>\n        <allowCreate>false</allowCreate>\n' +
                '        <allowDelete>true</allowDelete>\n        <allowEdit>false</allowEdit>\n' +
                '        <allowRead>true</allowRead>\n        <modifyAllRecords>false</modifyAllRecords>\n' +
                '        <object>Run__c</object>\n        <viewAllRecords>false</viewAllRecords>\n' +
                '    </objectPermissions>\n</PermissionSet>\n',
        });
        const { status, output } = runGate('metadata', project);
        assert.equal(status, 1, output);
        assert.match(output, /Broken\.cls-meta\.xml:4: malformed XML/);
        assert.match(output, /NoMeta\.cls:1: no NoMeta\.cls-meta\.xml beside it/);
        assert.match(output, /OldApi\.cls-meta\.xml:3: apiVersion 50\.0 differs from the project's sourceApiVersion/);
        assert.match(output, /lwc\/lonely:1: LWC bundle lonely has no lonely\.js-meta\.xml/);
        assert.match(
            output,
            /Loose\.permissionset-meta\.xml:4: Run__c: allowDelete needs allowEdit \(a deploy refuses it\)/,
        );
    });
});
