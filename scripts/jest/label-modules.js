/**
 * Jest global setup: writes one module per custom label (every labels/*.labels-meta.xml under force-app) under
 * node_modules/.cache/jest-labels/, so that `@salesforce/label/c.Name` imports read the label's real text in the
 * LWC tests, as they do in an org (without it, sfdx-lwc-jest answers the label's name, "c.Name"). A label a
 * component imports that the project does not have then fails the test instead of reading as its name.
 */
'use strict';

const { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const outDir = join(root, 'node_modules', '.cache', 'jest-labels');

function labelFiles(dir) {
    const found = [];
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) found.push(...labelFiles(path));
        else if (entry.name.endsWith('.labels-meta.xml')) found.push(path);
    }
    return found;
}

function unescapeXml(text) {
    return text
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');
}

module.exports = function writeLabelModules() {
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    for (const file of labelFiles(join(root, 'force-app'))) {
        const xml = readFileSync(file, 'utf8');
        for (const match of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
            const name = /<fullName>([^<]+)<\/fullName>/.exec(match[1])?.[1];
            const value = /<value>([\s\S]*?)<\/value>/.exec(match[1])?.[1];
            if (name && value !== undefined) {
                const text = JSON.stringify(unescapeXml(value));
                writeFileSync(join(outDir, `${name}.js`), `module.exports = { __esModule: true, default: ${text} };\n`);
            }
        }
    }
};
