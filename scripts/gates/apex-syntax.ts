/**
 * Gate: every .cls and .trigger parses with Salesforce's own Apex parser (jorje), as shipped natively with
 * prettier-plugin-apex. Usage: tsx scripts/gates/apex-syntax.ts [--project DIR]
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { isArray, isJsonMap, isNumber, isString, type AnyJson } from '@salesforce/ts-types';
import { apexSources, packageDirectories } from '../lib/project.js';
import { projectFromArgs, report, type Finding } from '../lib/gate.js';

const run = promisify(execFile);

/** The jorje serializer binary for this platform. */
export function serializerBinary(): string {
    const require = createRequire(import.meta.url);
    const name = `apex-ast-serializer-${process.platform}-${process.arch}`;
    const pkg = require.resolve(`@prettier-apex/${name}/package.json`);
    return join(dirname(pkg), name);
}

/** Syntax errors of one file, read from the parser's JSON. */
export function parseErrorsOf(file: string, output: string): Finding[] {
    const parsed = JSON.parse(output) as AnyJson;
    const root = isJsonMap(parsed) ? parsed['apex.jorje.semantic.compiler.parser.ParserOutput'] : undefined;
    if (!isJsonMap(root)) {
        return [{ file, line: 1, message: 'the Apex parser gave no result' }];
    }
    const errors = [
        ...(isArray(root.parseErrors) ? root.parseErrors : []),
        ...(isArray(root.internalErrors) ? root.internalErrors : []),
    ];
    return errors.map((error) => {
        const inner = isJsonMap(error) && isJsonMap(error.error) ? error.error.error : undefined;
        const loc = isJsonMap(inner) && isJsonMap(inner.loc) ? inner.loc : undefined;
        const line = loc && isNumber(loc.line) ? loc.line : 1;
        const message = isJsonMap(error) && isString(error.message) ? error.message : JSON.stringify(error);
        return { file, line, message: `Apex syntax error: ${message}` };
    });
}

async function checkFile(binary: string, file: string): Promise<Finding[]> {
    const { stdout } = await run(binary, ['-l', file], { maxBuffer: 256 * 1024 * 1024 });
    return parseErrorsOf(file, stdout);
}

async function main(): Promise<void> {
    const files = apexSources(packageDirectories(projectFromArgs()));
    const binary = serializerBinary();
    const findings: Finding[] = [];
    const queue = [...files];
    const workers = Array.from({ length: 4 }, async () => {
        for (let file = queue.shift(); file; file = queue.shift()) {
            findings.push(...(await checkFile(binary, file)));
        }
    });
    await Promise.all(workers);
    findings.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    report('apex-syntax', files.length, findings);
}

await main();
