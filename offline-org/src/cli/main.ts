#!/usr/bin/env node
/**
 * `apex run --file X.apex` and `apex test [...]`, mirroring `sf apex run` / `sf apex run test`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ApexThrow } from '../apex/runtime/values.js';
import { exceptionTypeName } from '../apex/interpreter/exceptions.js';
import { ApexCompileError, NotSupportedError } from '../apex/errors.js';
import { packageDirectories } from '../testing/project.js';
import { beginOrgTransaction, endOrgTransaction, openOrg, orgTestHooks } from '../org/open-org.js';
import { runTests } from '../testing/test-runner.js';
import { coverageReport } from '../testing/coverage.js';
import { formatHuman, formatJson, formatJunit } from '../testing/result-formats.js';

function sourceDirs(given: string[] | undefined, projectRoot: string): string[] {
  return given && given.length ? given.map((d) => resolve(d)) : packageDirectories(projectRoot);
}

function splitList(v: string[] | undefined): string[] {
  return (v ?? []).flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean);
}

export function runCommand(argv: string[], out: (s: string) => void, err: (s: string) => void): number {
  const [cmd, ...rest] = argv;
  const projectRoot = process.cwd();
  if (cmd === 'run') {
    const { values } = parseArgs({ args: rest, options: { file: { type: 'string', short: 'f' }, 'source-dir': { type: 'string', multiple: true } } });
    if (!values.file) {
      err('usage: apex run --file <anon.apex> [--source-dir DIR]');
      return 2;
    }
    try {
      const org = openOrg(sourceDirs(values['source-dir'], projectRoot));
      const rt = org.rt;
      beginOrgTransaction(org);
      let ok = false;
      try {
        rt.runAnonymous(values.file, readFileSync(values.file, 'utf8'));
        ok = true;
      } finally {
        endOrgTransaction(org, ok);
        for (const d of rt.tx.debug) out(`USER_DEBUG|[${d.line}]|${d.level}|${d.message}`);
      }
      return 0;
    } catch (e) {
      if (e instanceof ApexThrow) {
        const x = e.exc.exc!;
        err(`${exceptionTypeName(e.exc.cls)}: ${String(x.message ?? 'null')}`);
        err(x.stack);
        return 1;
      }
      if (e instanceof NotSupportedError || e instanceof ApexCompileError) {
        err(e.message);
        return 1;
      }
      throw e;
    }
  }
  if (cmd === 'test') {
    const { values } = parseArgs({
      args: rest,
      options: {
        tests: { type: 'string', short: 't', multiple: true },
        'class-names': { type: 'string', short: 'n', multiple: true },
        'code-coverage': { type: 'boolean', short: 'c' },
        'result-format': { type: 'string', short: 'r' },
        'source-dir': { type: 'string', multiple: true },
      },
    });
    const format = values['result-format'] ?? 'human';
    if (!['human', 'json', 'junit'].includes(format)) {
      err(`unknown --result-format ${format}`);
      return 2;
    }
    let org;
    try {
      org = openOrg(sourceDirs(values['source-dir'], projectRoot), { coverage: !!values['code-coverage'] });
    } catch (e) {
      if (e instanceof ApexCompileError || e instanceof NotSupportedError) {
        err(e.message);
        return 1;
      }
      throw e;
    }
    const rt = org.rt;
    const results = runTests(rt, { tests: splitList(values.tests), classNames: splitList(values['class-names']) }, orgTestHooks(org));
    const cov = values['code-coverage'] ? coverageReport(rt) : null;
    out(format === 'json' ? formatJson(results, cov) : format === 'junit' ? formatJunit(results) : formatHuman(results, cov));
    return results.some((r) => r.outcome === 'Fail') ? 1 : 0;
  }
  err('usage: apex run --file <anon.apex> | apex test [--tests Class.method ...] [--class-names ...] [--code-coverage] [--result-format human|json|junit] [--source-dir DIR]');
  return 2;
}

const isMain = process.argv[1] && resolve(process.argv[1]).replace(/\.ts$/, '.js').endsWith('cli/main.js');
if (isMain) {
  process.exitCode = runCommand(process.argv.slice(2), (s) => process.stdout.write(s + '\n'), (s) => process.stderr.write(s + '\n'));
}
