/**
 * Runs apex-parser over one source file and fails loudly (file:line) on the first syntax error, since the parser's
 * own error recovery would otherwise hand back a tree with holes in it.
 */
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import type { AnonymousUnitContext, CompilationUnitContext, TriggerUnitContext } from '@apexdevtools/apex-parser';
import { compileError } from '../errors.js';

class CollectingListener extends ApexErrorListener {
    readonly errors: { line: number; column: number; msg: string }[] = [];
    apexSyntaxError(line: number, column: number, msg: string): void {
        this.errors.push({ line, column, msg });
    }
}

/** ANTLR prediction modes (antlr4 PredictionMode): SLL is much faster and exact for almost all inputs. */
const SLL = 0;
const LL = 1;

function setPredictionMode(parser: object, mode: number): void {
    const interp = (parser as { _interp?: { predictionMode: number } })._interp;
    if (interp) interp.predictionMode = mode;
}

function parseWith<T>(
    file: string,
    source: string,
    entry: (p: ReturnType<typeof ApexParserFactory.createParser>) => T,
): T {
    // Two-stage parse: fast SLL first; only when it reports errors, re-parse with full LL to get the true verdict.
    const fast = new CollectingListener();
    const first0 = ApexParserFactory.createLexerAndParser(source, fast);
    setPredictionMode(first0.parser, SLL);
    const fastTree = entry(first0.parser);
    if (fast.errors.length === 0) return fastTree;
    const listener = new CollectingListener();
    const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
    setPredictionMode(parser, LL);
    const tree = entry(parser);
    const first = listener.errors[0];
    if (first) compileError(`syntax error: ${first.msg} (column ${first.column})`, { file, line: first.line });
    return tree;
}

export function parseClassFile(file: string, source: string): CompilationUnitContext {
    return parseWith(file, source, (p) => p.compilationUnit());
}

export function parseTriggerFile(file: string, source: string): TriggerUnitContext {
    return parseWith(file, source, (p) => p.triggerUnit());
}

export function parseAnonymous(file: string, source: string): AnonymousUnitContext {
    return parseWith(file, source, (p) => p.anonymousUnit());
}
