const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    ...jestConfig,
    // TypeScript sources first, so tests run against the .ts even when a compiled .js sits beside it.
    moduleFileExtensions: ['ts', 'js', 'html'],
    roots: ['<rootDir>/force-app'],
    testMatch: ['**/__tests__/**/*.test.ts'],
    // Labels read their real text (scripts/jest/label-modules.js writes a module per label before the tests).
    globalSetup: '<rootDir>/scripts/jest/label-modules.js',
    moduleNameMapper: {
        '^@salesforce/label/c\\.(.+)$': '<rootDir>/node_modules/.cache/jest-labels/$1.js',
        // Records where a component navigates (getNavigateCalledWith), as lwc-recipes' shared mock does.
        '^lightning/navigation$': '<rootDir>/scripts/jest/mocks/navigation.js',
        '^test-utils$': '<rootDir>/scripts/jest/lwc-test-utils.ts',
    },
    collectCoverageFrom: ['force-app/**/lwc/**/*.ts', '!**/__tests__/**'],
    coverageReporters: ['text-summary', 'lcov'],
    coverageThreshold: { global: { lines: 90 } },
};
