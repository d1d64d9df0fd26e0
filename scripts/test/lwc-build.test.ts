/**
 * The LWC TypeScript build: decorators survive compilation so the platform's LWC compiler accepts the output, and
 * the generated Apex import types catch wrong calls and wrong wire use.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ts from 'typescript';
import { repoRoot } from '../lib/project.js';
import { compileComponents } from '../lwc/compile.js';
import { verifyBundles } from '../lwc/verify-bundles.js';
import { describeAuraSurface } from '../lwc/apex-aura-surface.js';
import { renderDeclarations } from '../lwc/render-declarations.js';

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const APEX = `public with sharing class BookController {
    public class Book {
        @AuraEnabled public String title;
        @AuraEnabled public Integer pages { get; set; }
        @AuraEnabled public Map<String, List<Decimal>> prices;
        public String hidden;
    }
    @AuraEnabled(cacheable=true)
    public static List<Book> findBooks(String author, Integer max) { return null; }
    @AuraEnabled
    public static void deleteBook(Id bookId) {}
    public static void notExposed() {}
}`;

/** A temporary LWC folder with one bundle and a tsconfig like the project's, using the given declarations. */
function lwcFolder(componentTs: string, declarations: string): string {
    // Inside the repository, so that `lwc` and the type packages resolve from its node_modules.
    const cache = join(repoRoot, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    const dir = mkdtempSync(join(cache, 'resync-lwc-test-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'books'));
    writeFileSync(join(dir, 'books', 'books.ts'), componentTs);
    writeFileSync(join(dir, 'books', 'books.html'), '<template><p>{count}</p></template>\n');
    writeFileSync(
        join(dir, 'books', 'books.js-meta.xml'),
        '<?xml version="1.0" encoding="UTF-8"?>\n<LightningComponentBundle/>\n',
    );
    writeFileSync(join(dir, 'platform-imports.d.ts'), declarations);
    const base = JSON.parse(readFileSync(join(repoRoot, 'force-app/main/default/lwc/tsconfig.json'), 'utf8')) as {
        compilerOptions: Record<string, unknown>;
    };
    writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
            compilerOptions: base.compilerOptions,
            include: ['**/*.ts', join(repoRoot, 'types/salesforce-apex.d.ts')],
        }),
    );
    return dir;
}

const declarations = renderDeclarations([describeAuraSurface(APEX, 'BookController.cls')!], ['Books_Title']);

const GOOD = `import { LightningElement, api, wire } from 'lwc';
import findBooks from '@salesforce/apex/BookController.findBooks';
import deleteBook from '@salesforce/apex/BookController.deleteBook';
import title from '@salesforce/label/c.Books_Title';
export default class Books extends LightningElement {
    @api author = '';
    count = 0;
    heading = title;
    @wire(findBooks, { author: '$author', max: 10 })
    wired({ data }: ApexWireResult<Apex.BookController.Book[]>): void {
        this.count = data ? data.length : 0;
    }
    async remove(): Promise<void> {
        await deleteBook({ bookId: '001000000000001AAA' });
    }
}
`;

describe('Apex surface types', () => {
    it('reads only @AuraEnabled static methods and @AuraEnabled members', () => {
        const surface = describeAuraSurface(APEX, 'BookController.cls')!;
        assert.deepEqual(
            surface.methods.map((method) => [method.name, method.cacheable, method.params.map((param) => param.name)]),
            [
                ['findBooks', true, ['author', 'max']],
                ['deleteBook', false, ['bookId']],
            ],
        );
        assert.deepEqual(
            surface.shapes[0].members.map((member) => member.name),
            ['title', 'pages', 'prices'],
        );
    });

    it('renders parameter, result and nested collection types', () => {
        assert.match(
            declarations,
            /ApexMethod<\{ author: string \| null; max: number \| null \}, Apex\.BookController\.Book\[\]>/,
        );
        assert.match(declarations, /prices\?: Record<string, number\[\]>;/);
        assert.match(declarations, /declare module "@salesforce\/label\/c\.Books_Title"/);
        assert.doesNotMatch(declarations, /notExposed|hidden/);
    });

    it('reports a syntax error with file and line', () => {
        assert.throws(() => describeAuraSurface('public class X {\n  void y( {\n}', 'X.cls'), /X\.cls:2:/);
    });
});

describe('LWC TypeScript compile', () => {
    it('keeps decorators so the LWC compiler accepts the output', () => {
        const dir = lwcFolder(GOOD, declarations);
        const { errors, emitted } = compileComponents(join(dir, 'tsconfig.json'));
        assert.equal(errors, '');
        assert.equal(emitted.length, 1);
        const js = readFileSync(join(dir, 'books', 'books.js'), 'utf8');
        assert.match(js, /@api\s+author = '';/);
        assert.match(js, /@wire\(findBooks, \{ author: '\$author', max: 10 \}\)\s+wired\(\{ data \}\)/);
        assert.deepEqual(verifyBundles(dir), []);
    });

    it('plain tsc output (decorators turned into calls) is rejected by the LWC compiler', () => {
        const dir = lwcFolder(GOOD, declarations);
        const plain = ts.transpileModule(GOOD, {
            compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022 },
        });
        writeFileSync(join(dir, 'books', 'books.js'), plain.outputText);
        const problems = verifyBundles(dir);
        assert.equal(problems.length, 1);
        assert.match(problems[0], /books\.js: .*LWC1/);
    });

    it('fails the build when an Apex method is called with wrong parameters or wired to a wrong type', () => {
        const wrongCall = GOOD.replace("{ bookId: '001000000000001AAA' }", '{ bookId: 42 }');
        const wrongWire = GOOD.replace('ApexWireResult<Apex.BookController.Book[]>', 'ApexWireResult<string>');
        const unknownMethod = GOOD.replace('BookController.deleteBook', 'BookController.burnBook');
        for (const [source, expected] of [
            [wrongCall, /books\.ts\(\d+,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/],
            [wrongWire, /books\.ts\(\d+,\d+\): error TS\d+/],
            [unknownMethod, /Cannot find module '@salesforce\/apex\/BookController\.burnBook'/],
        ] as const) {
            const dir = lwcFolder(source, declarations);
            const { errors, emitted } = compileComponents(join(dir, 'tsconfig.json'));
            assert.match(errors, expected);
            assert.equal(emitted.length, 0, 'noEmitOnError: nothing is written');
        }
    });
});
