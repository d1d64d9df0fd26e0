/**
 * Pattern and Matcher (Java regular expressions through regex.ts).
 */
import { textOf } from '../apex/runtime/format.js';
import type { ApexHost } from './host.js';
import { NativeObject } from '../apex/runtime/values.js';
import type { Value } from '../apex/runtime/values.js';
import type { Registry } from './registry.js';
import { regexFor } from './regex.js';
import type { SourcePos } from '../apex/errors.js';

interface PatternState {
    source: string;
}

interface MatcherState {
    pattern: string;
    input: string;
    match: RegExpExecArray | null;
    /** Where the next find() starts. */
    from: number;
    regionEnd: number;
}

function compile(
    rt: ApexHost,
    src: string,
    pos: SourcePos = { file: rt.top?.file ?? '<Pattern>', line: rt.top?.line ?? 0 },
    anchor: 'none' | 'start' | 'full' = 'none',
): RegExp {
    return regexFor(rt, src, 'g', pos, anchor);
}

function ms(v: Value): MatcherState {
    return (v as NativeObject).state as MatcherState;
}

function requireMatch(rt: ApexHost, m: MatcherState): RegExpExecArray {
    if (!m.match) return rt.fail('StringException', 'No match found');
    return m.match;
}

export function registerPattern(reg: Registry): void {
    reg.staticMethods('Pattern', {
        compile: (rt, a, pos) => {
            compile(rt, textOf(a[0]), pos);
            return new NativeObject('Pattern', { source: textOf(a[0]) } satisfies PatternState);
        },
        matches: (rt, a, pos) => compile(rt, textOf(a[0]), pos, 'full').test(textOf(a[1])),
        quote: (_rt, a) => textOf(a[0]).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    });
    reg.instanceMethods('pattern', {
        matcher: (_rt, s, a) =>
            new NativeObject('Matcher', {
                pattern: ((s as NativeObject).state as PatternState).source,
                input: textOf(a[0]),
                match: null,
                from: 0,
                regionEnd: textOf(a[0]).length,
            } satisfies MatcherState),
        pattern: (_rt, s) => ((s as NativeObject).state as PatternState).source,
        split: (rt, s, a) =>
            rt.callBuiltinInstance(
                'string',
                textOf(a[0]),
                'split',
                [((s as NativeObject).state as PatternState).source],
                { file: '<Pattern>', line: 0 },
            ),
    });
    reg.instanceMethods('matcher', {
        matches: (rt, s) => {
            const m = ms(s);
            const re = compile(rt, m.pattern, undefined, 'full');
            m.match = re.exec(m.input);
            return m.match !== null;
        },
        find: (rt, s, a) => {
            const m = ms(s);
            const re = compile(rt, m.pattern);
            re.lastIndex = a.length ? (a[0] as number) : m.from;
            m.match = re.exec(m.input);
            if (m.match) m.from = m.match.index + Math.max(m.match[0].length, 1);
            return m.match !== null;
        },
        lookingat: (rt, s) => {
            const m = ms(s);
            const re = compile(rt, m.pattern, undefined, 'start');
            m.match = re.exec(m.input);
            return m.match !== null;
        },
        group: (rt, s, a) => {
            const match = requireMatch(rt, ms(s));
            const g = a.length ? (a[0] as number) : 0;
            if (g < 0 || g >= match.length) return rt.fail('StringException', `No group ${g}`);
            return match[g] ?? null;
        },
        groupcount: (rt, s) => new RegExp(compile(rt, ms(s).pattern).source + '|').exec('')!.length - 1,
        start: (rt, s) => requireMatch(rt, ms(s)).index,
        end: (rt, s) => {
            const m = requireMatch(rt, ms(s));
            return m.index + m[0].length;
        },
        hitend: (_rt, s) => ms(s).from >= ms(s).input.length,
        reset: (_rt, s, a) => {
            const m = ms(s);
            if (a.length) m.input = textOf(a[0]);
            m.match = null;
            m.from = 0;
            return s;
        },
        replaceall: (rt, s, a) =>
            rt.callBuiltinInstance('string', ms(s).input, 'replaceall', [ms(s).pattern, a[0]!], {
                file: '<Matcher>',
                line: 0,
            }),
        replacefirst: (rt, s, a) =>
            rt.callBuiltinInstance('string', ms(s).input, 'replacefirst', [ms(s).pattern, a[0]!], {
                file: '<Matcher>',
                line: 0,
            }),
        pattern: (_rt, s) => new NativeObject('Pattern', { source: ms(s).pattern } satisfies PatternState),
    });
}
