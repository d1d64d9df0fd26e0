/**
 * ESLint (flat config).
 * - LWC TypeScript: Salesforce's recommended LWC rules (@lwc/eslint-plugin-lwc, @salesforce/eslint-plugin-lightning)
 *   on typescript-eslint's type-aware parser, plus typescript-eslint's type-checked recommendations.
 * - Tooling TypeScript (scripts/, offline-org/): typescript-eslint's type-checked recommendations for Node.
 */
const lwcConfig = require('@salesforce/eslint-config-lwc');
const tseslint = require('typescript-eslint');
const globals = require('globals');
const path = require('node:path');

const lwcTs = 'force-app/**/lwc/**/*.ts';
const lwcTests = 'force-app/**/lwc/**/__tests__/**/*.ts';
// The LWC tests' shared helpers: browser code, type-checked with the LWC tests.
const lwcTestUtils = 'scripts/jest/lwc-test-utils.ts';

// The LWC rule sets come with their own parser (Babel); keep their plugins and rules, parse with typescript-eslint.
const lwcRules = lwcConfig.configs.recommended.map((entry) => {
    const { languageOptions, ...rest } = entry;
    const kept = languageOptions ? { ...languageOptions } : undefined;
    if (kept) {
        delete kept.parser;
        delete kept.parserOptions;
    }
    return { ...rest, ...(kept ? { languageOptions: kept } : {}), files: [lwcTs] };
});

module.exports = tseslint.config(
    {
        ignores: [
            '**/node_modules/**',
            'force-app/**/lwc/**/*.js',
            'offline-org/dist/**',
            'types/generated/**',
            'coverage/**',
            '**/*.d.ts',
            'offline-org/test/fixtures/**/lwc/**',
            'artifacts/**',
            '.offline-data/**',
        ],
    },
    ...lwcRules,
    {
        files: [lwcTs, lwcTestUtils],
        extends: [...tseslint.configs.recommendedTypeChecked],
        languageOptions: {
            parser: tseslint.parser,
            parserOptions: {
                project: [
                    path.join(__dirname, 'force-app/main/default/lwc/tsconfig.json'),
                    path.join(__dirname, 'force-app/main/default/lwc/tsconfig.test.json'),
                ],
                tsconfigRootDir: __dirname,
            },
            globals: { ...globals.browser },
        },
        rules: {
            // LWC resolves `c/*`, `lightning/*` and `@salesforce/*` at platform compile time.
            'import/no-unresolved': 'off',
            'import/named': 'off',
            'import/default': 'off',
            'import/namespace': 'off',
        },
    },
    {
        files: [lwcTests],
        languageOptions: { globals: { ...globals.jest, ...globals.node } },
        rules: {
            // Jest's matchers and module factories are untyped at these points; tests flush promises with timers.
            '@typescript-eslint/unbound-method': 'off',
            '@typescript-eslint/no-unsafe-assignment': 'off',
            '@typescript-eslint/no-unsafe-call': 'off',
            '@lwc/lwc/no-async-operation': 'off',
        },
    },
    {
        files: ['scripts/**/*.ts', 'offline-org/**/*.ts'],
        ignores: [lwcTestUtils],
        extends: [...tseslint.configs.recommendedTypeChecked],
        languageOptions: {
            parserOptions: {
                project: [
                    path.join(__dirname, 'scripts/tsconfig.json'),
                    path.join(__dirname, 'offline-org/tsconfig.json'),
                    path.join(__dirname, 'offline-org/src/host/client/tsconfig.json'),
                ],
                tsconfigRootDir: __dirname,
            },
            globals: { ...globals.node },
        },
        rules: {
            // node:test's describe/it return promises the runner itself awaits.
            '@typescript-eslint/no-floating-promises': [
                'error',
                {
                    allowForKnownSafeCalls: [
                        { from: 'package', name: ['describe', 'it', 'test', 'suite'], package: 'node:test' },
                    ],
                },
            ],
        },
    },
    {
        // The LWC host's page code runs in the browser.
        files: ['offline-org/src/host/client/**/*.ts'],
        languageOptions: { globals: { ...globals.browser } },
    },
    {
        files: ['*.js'],
        languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    },
);
