/**
 * Per-class line coverage: executed statement lines over executable statement lines, by source file.
 */
import type { Runtime } from '../apex/interpreter/runtime.js';

export interface ClassCoverage {
    name: string;
    file: string;
    covered: number;
    total: number;
    percent: number;
    uncoveredLines: number[];
}

export function coverageReport(rt: Runtime): ClassCoverage[] {
    const out: ClassCoverage[] = [];
    for (const cls of rt.classes()) {
        if (cls.isTest) continue;
        const lines = rt.executable.get(cls.file) ?? new Set<number>();
        const hit = rt.covered.get(cls.file) ?? new Set<number>();
        const uncovered = [...lines].filter((l) => !hit.has(l)).sort((a, b) => a - b);
        const covered = lines.size - uncovered.length;
        out.push({
            name: cls.name,
            file: cls.file,
            covered,
            total: lines.size,
            percent: lines.size ? Math.round((covered / lines.size) * 100) : 100,
            uncoveredLines: uncovered,
        });
    }
    for (const t of rt.triggers) {
        const lines = rt.executable.get(t.file) ?? new Set<number>();
        const hit = rt.covered.get(t.file) ?? new Set<number>();
        const uncovered = [...lines].filter((l) => !hit.has(l)).sort((a, b) => a - b);
        const covered = lines.size - uncovered.length;
        out.push({
            name: t.decl.name,
            file: t.file,
            covered,
            total: lines.size,
            percent: lines.size ? Math.round((covered / lines.size) * 100) : 100,
            uncoveredLines: uncovered,
        });
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
}
