/**
 * Java regular expressions (as Apex uses them) translated to JavaScript RegExp. Java-only constructs that JavaScript
 * would read differently (possessive quantifiers, \Q...\E, POSIX/java character classes, atomic groups) are refused
 * loudly; a pattern JavaScript cannot compile is an invalid regex, as it is on the platform.
 */
import type { SourcePos } from '../apex/errors.js';
import type { ApexHost } from './host.js';

const JAVA_ONLY: [RegExp, string][] = [
    [/(?<!\\)[*+?}]\+/, 'possessive quantifier'],
    [/\\Q|\\E/, '\\Q...\\E quoting'],
    [
        /\\p\{(?:Alpha|Digit|Alnum|Upper|Lower|Punct|Space|Blank|Cntrl|XDigit|Print|Graph|ASCII|java\w+)\}/,
        'POSIX or java character class',
    ],
    [/\(\?>/, 'atomic group'],
    [/\\[zZ](?![^[]*\])/, '\\z / \\Z anchors'],
];

export class RegexError extends Error {
    constructor(
        readonly kind: 'unsupported' | 'invalid',
        message: string,
    ) {
        super(message);
    }
}

/**
 * `anchor`: 'full' for Matcher.matches / Pattern.matches (the whole input), 'start' for lookingAt, 'none' for find.
 */
export function toJsRegex(pattern: string, flags: string, anchor: 'none' | 'start' | 'full' = 'none'): RegExp {
    for (const [re, what] of JAVA_ONLY)
        if (re.test(pattern)) throw new RegexError('unsupported', `regular expression with ${what}`);
    let p = pattern;
    let f = flags;
    const inline = /^\(\?([imsx]+)\)/.exec(p);
    if (inline) {
        if (inline[1].includes('x'))
            throw new RegexError('unsupported', 'regular expression with the (?x) comments flag');
        for (const c of inline[1]) if (!f.includes(c)) f += c;
        p = p.slice(inline[0].length);
    }
    if (/\(\?[imsxu-]+[:)]/.test(p))
        throw new RegexError('unsupported', 'regular expression with inline flags after its start');
    p = p.replace(/\\A/g, '^');
    if (anchor === 'full') p = `^(?:${p})$`;
    else if (anchor === 'start') p = `^(?:${p})`;
    try {
        return new RegExp(p, f);
    } catch (e) {
        throw new RegexError('invalid', (e as Error).message.replace(/^Invalid regular expression: /, ''));
    }
}

/** toJsRegex with the platform's errors: StringException for an invalid pattern, the loud error for Java-only syntax. */
export function regexFor(
    rt: ApexHost,
    pattern: string,
    flags: string,
    pos: SourcePos,
    anchor: 'none' | 'start' | 'full' = 'none',
): RegExp {
    try {
        return toJsRegex(pattern, flags, anchor);
    } catch (e) {
        if (e instanceof RegexError) {
            if (e.kind === 'unsupported') return rt.unsupported(e.message, pos);
            return rt.fail('StringException', `Invalid regex: ${e.message}`);
        }
        throw e;
    }
}
