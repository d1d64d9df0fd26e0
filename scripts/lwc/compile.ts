/**
 * Compiles each Lightning web component's `.ts` in place into the `.js` that is deployed.
 *
 * It is `tsc` (the TypeScript compiler API, with the lwc/tsconfig.json options: strict, noEmitOnError) with one
 * difference: decorators (`@api`, `@track`, `@wire(...)`) are kept as they are written. The platform's LWC compiler
 * reads decorators as syntax and rejects code where they were turned into function calls, which is what plain `tsc`
 * emits for standard decorators. So decorators are lifted off before TypeScript's transforms run, carried through as
 * marker comments and written back as source text.
 *
 * Usage: tsx scripts/lwc/compile.ts [--project force-app/main/default/lwc/tsconfig.json]
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';
import { repoRoot } from '../lib/project.js';
import { verifyBundles } from './verify-bundles.js';

const MARKER = '__lwc_decorator__:';

function readConfig(configPath: string): ts.ParsedCommandLine {
    const read = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
    if (read.error) {
        throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, '\n'));
    }
    return ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(configPath), undefined, configPath);
}

/** A transformer that replaces each member decorator with a comment carrying its source text. */
function liftDecorators(sourceFile: ts.SourceFile): ts.TransformerFactory<ts.SourceFile> {
    return (context) => {
        const visitMember = (member: ts.ClassElement): ts.ClassElement => {
            if (!ts.canHaveDecorators(member)) {
                return member;
            }
            const decorators = ts.getDecorators(member) ?? [];
            if (decorators.length === 0) {
                return member;
            }
            const kept = (ts.getModifiers(member) ?? []).filter((modifier) => !ts.isDecorator(modifier));
            let updated: ts.ClassElement;
            if (ts.isPropertyDeclaration(member)) {
                updated = context.factory.updatePropertyDeclaration(
                    member,
                    kept,
                    member.name,
                    member.questionToken ?? member.exclamationToken,
                    member.type,
                    member.initializer,
                );
            } else if (ts.isMethodDeclaration(member)) {
                updated = context.factory.updateMethodDeclaration(
                    member,
                    kept,
                    member.asteriskToken,
                    member.name,
                    member.questionToken,
                    member.typeParameters,
                    member.parameters,
                    member.type,
                    member.body,
                );
            } else if (ts.isGetAccessorDeclaration(member)) {
                updated = context.factory.updateGetAccessorDeclaration(
                    member,
                    kept,
                    member.name,
                    member.parameters,
                    member.type,
                    member.body,
                );
            } else if (ts.isSetAccessorDeclaration(member)) {
                updated = context.factory.updateSetAccessorDeclaration(
                    member,
                    kept,
                    member.name,
                    member.parameters,
                    member.body,
                );
            } else {
                const { line } = sourceFile.getLineAndCharacterOfPosition((member as ts.Node).getStart(sourceFile));
                throw new Error(
                    `${sourceFile.fileName}:${line + 1}: a decorator on this kind of member is not supported`,
                );
            }
            const text = decorators.map((decorator) => decorator.getText(sourceFile)).join(' ');
            return ts.addSyntheticLeadingComment(
                updated,
                ts.SyntaxKind.MultiLineCommentTrivia,
                MARKER + Buffer.from(text, 'utf8').toString('base64'),
                false,
            );
        };
        const visit = (node: ts.Node): ts.Node => {
            if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) {
                const members = node.members.map(visitMember);
                const updated = ts.isClassDeclaration(node)
                    ? context.factory.updateClassDeclaration(
                          node,
                          node.modifiers,
                          node.name,
                          node.typeParameters,
                          node.heritageClauses,
                          members,
                      )
                    : context.factory.updateClassExpression(
                          node,
                          node.modifiers,
                          node.name,
                          node.typeParameters,
                          node.heritageClauses,
                          members,
                      );
                return ts.visitEachChild(updated, visit, context);
            }
            return ts.visitEachChild(node, visit, context);
        };
        return (file) => ts.visitNode(file, visit, ts.isSourceFile);
    };
}

/** Writes the decorators back in place of their marker comments. */
export function restoreDecorators(js: string): string {
    return js.replace(/\/\*__lwc_decorator__:([A-Za-z0-9+/=]+)\*\/\s*/g, (_all, encoded: string) => {
        return `${Buffer.from(encoded, 'base64').toString('utf8')}\n    `;
    });
}

/** Type-checks and emits; answers the diagnostics as printable text (empty when clean). */
export function compileComponents(configPath: string): { errors: string; emitted: string[] } {
    const config = readConfig(configPath);
    const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
    const diagnostics = ts.getPreEmitDiagnostics(program);
    const host: ts.FormatDiagnosticsHost = {
        getCanonicalFileName: (name) => name,
        getCurrentDirectory: () => process.cwd(),
        getNewLine: () => '\n',
    };
    if (diagnostics.length > 0) {
        return { errors: ts.formatDiagnostics(diagnostics, host), emitted: [] };
    }
    const emitted: string[] = [];
    for (const sourceFile of program.getSourceFiles()) {
        if (sourceFile.isDeclarationFile || !config.fileNames.includes(sourceFile.fileName)) {
            continue;
        }
        const result = program.emit(
            sourceFile,
            (fileName, text) => {
                writeFileSync(fileName, restoreDecorators(text));
                emitted.push(fileName);
            },
            undefined,
            false,
            { before: [liftDecorators(sourceFile)] },
        );
        if (result.diagnostics.length > 0) {
            return { errors: ts.formatDiagnostics(result.diagnostics, host), emitted };
        }
    }
    return { errors: '', emitted };
}

function main(): void {
    const flag = process.argv.indexOf('--project');
    const configPath = resolve(
        flag >= 0 ? process.argv[flag + 1] : resolve(repoRoot, 'force-app/main/default/lwc/tsconfig.json'),
    );
    const { errors, emitted } = compileComponents(configPath);
    if (errors) {
        process.stderr.write(errors);
        process.exit(1);
    }
    const problems = verifyBundles(dirname(configPath));
    if (problems.length > 0) {
        process.stderr.write(`The LWC compiler rejects:\n${problems.join('\n')}\n`);
        process.exit(1);
    }
    console.log(`compiled ${emitted.length} LWC TypeScript file(s); the LWC compiler accepts every bundle`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
    main();
}
