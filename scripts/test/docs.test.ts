/**
 * The front door and the docs name only files that exist: every relative link of README.md and docs/*.md, and every
 * path the README's layout names, is there.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { repoRoot } from '../lib/project.js';

function pages(): string[] {
    const docs = join(repoRoot, 'docs');
    return [
        join(repoRoot, 'README.md'),
        ...readdirSync(docs)
            .filter((name) => name.endsWith('.md'))
            .map((name) => join(docs, name)),
    ];
}

/** Relative link targets of a Markdown page: `[text](path)` and `![alt](path)`, without anchors. */
function links(markdown: string): string[] {
    return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)]
        .map((match) => match[1])
        .filter((target) => !/^[a-z]+:/i.test(target) && !target.startsWith('#'))
        .map((target) => target.split('#')[0]);
}

describe('docs', () => {
    it('link only to files that exist', () => {
        const missing: string[] = [];
        for (const page of pages()) {
            for (const target of links(readFileSync(page, 'utf8'))) {
                if (!existsSync(join(dirname(page), target))) {
                    missing.push(`${page.slice(repoRoot.length + 1)} -> ${target}`);
                }
            }
        }
        assert.deepEqual(missing, []);
    });

    it('keep the README a front door of about 10 KB', () => {
        const size = statSync(join(repoRoot, 'README.md')).size;
        assert.ok(size <= 10 * 1024, `README.md is ${size} bytes`);
    });

    it('name in the README layout only folders that exist', () => {
        const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
        const layout = /## Layout\s+```([\s\S]*?)```/.exec(readme)?.[1] ?? '';
        const named = [...layout.matchAll(/^(\S+\/)\s/gm)].map((match) => match[1]);
        assert.ok(named.length >= 5, `the layout names folders: ${named.join(', ')}`);
        for (const folder of named) {
            assert.ok(existsSync(join(repoRoot, folder)), `${folder} exists`);
        }
    });
});
