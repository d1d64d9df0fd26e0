/**
 * Gate: PMD's Apex Security and AppExchange rules, run through Salesforce Code Analyzer's core library with the PMD
 * engine. A violation fails the gate unless it is suppressed in code with a justification:
 *
 *     // code-analyzer-suppress(pmd:ApexCRUDViolation) -- the package's own log object, written in system mode
 *
 * A suppression marker without a justification (fewer than ten characters after it) is itself a failure.
 * Usage: tsx scripts/gates/apex-security.ts [--project DIR]
 */
import { readFileSync } from 'node:fs';
import { CodeAnalyzer, CodeAnalyzerConfig } from '@salesforce/code-analyzer-core';
import * as pmdEngine from '@salesforce/code-analyzer-pmd-engine';
import { apexSources, packageDirectories } from '../lib/project.js';
import { projectFromArgs, report, type Finding } from '../lib/gate.js';

/** The rule selectors this gate runs. */
export const SELECTORS = ['pmd:Security', 'pmd:AppExchange'];

const MARKER = /code-analyzer-suppress(\([^)]*\))?(.*)$/i;

/** Suppression markers that carry no justification. */
export function unjustifiedSuppressions(file: string, text: string): Finding[] {
    const findings: Finding[] = [];
    text.split('\n').forEach((line, index) => {
        const match = MARKER.exec(line);
        if (!match) {
            return;
        }
        const reason = match[2].replace(/^[\s\-—:]+/, '').trim();
        if (reason.length < 10) {
            findings.push({
                file,
                line: index + 1,
                message: 'a code-analyzer-suppress marker needs a justification after it (why the finding is safe)',
            });
        }
    });
    return findings;
}

async function main(): Promise<void> {
    const project = projectFromArgs();
    const files = apexSources(packageDirectories(project));
    const findings: Finding[] = files.flatMap((file) => unjustifiedSuppressions(file, readFileSync(file, 'utf8')));
    if (files.length > 0) {
        const config = CodeAnalyzerConfig.fromObject({ log_level: 1 }, project);
        const analyzer = new CodeAnalyzer(config);
        await analyzer.addEnginePlugin(pmdEngine.createEnginePlugin());
        const workspace = await analyzer.createWorkspace(files);
        const rules = await analyzer.selectRules(SELECTORS, { workspace });
        const results = await analyzer.run(rules, { workspace });
        for (const violation of results.getViolations()) {
            const location = violation.getPrimaryLocation();
            findings.push({
                file: location.getFile() ?? '?',
                line: location.getStartLine() ?? 1,
                message: `${violation.getRule().getName()}: ${violation.getMessage()}`,
            });
        }
    }
    findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    report('apex-security', files.length, findings);
}

await main();
