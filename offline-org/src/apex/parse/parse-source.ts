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

function parseWith<T>(file: string, source: string, entry: (p: ReturnType<typeof ApexParserFactory.createParser>) => T): T {
  const listener = new CollectingListener();
  const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
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
