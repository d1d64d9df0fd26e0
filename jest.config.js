const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    ...jestConfig,
    // TypeScript sources first, so tests run against the .ts even when a compiled .js sits beside it.
    moduleFileExtensions: ['ts', 'js', 'html'],
    roots: ['<rootDir>/force-app'],
    testMatch: ['**/__tests__/**/*.test.ts'],
    collectCoverageFrom: ['force-app/**/lwc/**/*.ts', '!**/__tests__/**'],
    coverageReporters: ['text-summary', 'lcov'],
};
