/**
 * Custom labels (`labels/*.labels-meta.xml`) of a project, for `System.Label.X` / `Label.X`.
 */
import { readFileSync } from 'node:fs';
import { childText, childrenNamed, parseXml } from '../data/schema/xml.js';

export function readLabels(files: string[]): Map<string, string> {
    const out = new Map<string, string>();
    for (const f of files) {
        const root = parseXml(readFileSync(f, 'utf8'), f);
        for (const l of childrenNamed(root, 'labels')) {
            const name = childText(l, 'fullName');
            if (name) out.set(name.toLowerCase(), childText(l, 'value') ?? '');
        }
    }
    return out;
}
