/**
 * An on-disk cache of converted class ASTs, keyed by a hash of the file's path and text (and the cache format
 * version), so that a second run over an unchanged project skips ANTLR. Entries are plain JSON; Sets and BigInts are
 * tagged. A damaged or unreadable entry is ignored and rebuilt.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TypeDecl } from '../apex/ast.js';

/** Bump when the AST shape or the converter changes. */
const FORMAT = 'apex-ast-v1';

export interface AstCache {
    get(file: string, source: string): TypeDecl | undefined;
    set(file: string, source: string, decl: TypeDecl): void;
}

function replacer(_key: string, value: unknown): unknown {
    if (value instanceof Set) return { __set: [...value] };
    if (typeof value === 'bigint') return { __big: value.toString() };
    return value;
}

function reviver(_key: string, value: unknown): unknown {
    if (value && typeof value === 'object') {
        const v = value as { __set?: unknown[]; __big?: string };
        if (Array.isArray(v.__set)) return new Set(v.__set);
        if (typeof v.__big === 'string') return BigInt(v.__big);
    }
    return value;
}

export function fileAstCache(
    dir: string = process.env['OFFLINE_ORG_AST_CACHE'] ?? join(tmpdir(), 'offline-org-ast-cache'),
): AstCache {
    mkdirSync(dir, { recursive: true });
    const keyOf = (file: string, source: string): string =>
        createHash('sha1').update(FORMAT).update('\0').update(file).update('\0').update(source).digest('hex');
    return {
        get(file, source) {
            try {
                return JSON.parse(readFileSync(join(dir, keyOf(file, source) + '.json'), 'utf8'), reviver) as TypeDecl;
            } catch {
                return undefined;
            }
        },
        set(file, source, decl) {
            const target = join(dir, keyOf(file, source) + '.json');
            const temp = `${target}.${process.pid}.tmp`;
            try {
                writeFileSync(temp, JSON.stringify(decl, replacer));
                renameSync(temp, target);
            } catch {
                // A cache that cannot be written only costs speed.
            }
        },
    };
}
