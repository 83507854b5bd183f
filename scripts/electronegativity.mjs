#!/usr/bin/env node
// `npm run lint:electron` (part of `npm test`): runs @doyensec/electronegativity over the app's
// source, prints a summary, and fails on any HIGH finding not excepted — with its reason — in
// electronegativity.config.json, or on any file it could not parse (a file not checked).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
// `--config <file>` (tests use it): another config; its `input` is relative to the config's folder.
const configArg = process.argv.indexOf('--config');
const configFile = resolve(
  configArg > 0 ? process.argv[configArg + 1] : join(ROOT, 'electronegativity.config.json'),
);
const config = JSON.parse(readFileSync(configFile, 'utf8'));
const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];
const rank = (name) => SEVERITIES.indexOf(name);

const run = require('@doyensec/electronegativity');
const { version } = require('@doyensec/electronegativity/package.json');
const electronVersion = require('electron/package.json').version;
const input = resolve(dirname(configFile), config.input);

// The tool prints its own network chatter (translations, release list); keep the output ours.
const chatter = console.log;
console.log = () => {};
let result;
try {
  result = await run({
    input,
    electronVersionOverride: electronVersion,
    // Its check names are the class names, lowercased: AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK → availablesecurityfixesglobalcheck.
    excludeFromScan: Object.keys(config.excludeChecks ?? {}).map((id) =>
      id.replaceAll('_', '').toLowerCase(),
    ),
    isRelative: true,
  });
} finally {
  console.log = chatter;
}

/** The flagged statement: its line and the next few, enough to hold a call's arguments. */
function statementAt(file, line) {
  if (!existsSync(join(input, file))) return ''; // global findings name no file ("N/A")
  const lines = readFileSync(join(input, file), 'utf8').split('\n');
  return lines.slice(Math.max(0, line - 1), line + 3).join('\n');
}

function exceptionFor(issue) {
  return (config.exceptions ?? []).find(
    (exception) =>
      exception.check === issue.id &&
      exception.file === issue.file &&
      statementAt(issue.file, issue.location.line).includes(exception.statementContains),
  );
}

const issues = result.issues.map((issue) => ({
  id: issue.id,
  severity: issue.severity.name,
  confidence: issue.confidence.name,
  file: issue.file,
  line: issue.location.line,
  description: issue.description,
  manualReview: issue.manualReview,
  exception: exceptionFor(issue),
}));
const counted = issues.filter((issue) => !issue.exception);
const excepted = issues.filter((issue) => issue.exception);
const unparsed = result.errors.filter((error) => !error.tolerable);
const failing = counted.filter((issue) => rank(issue.severity) >= rank(config.failOn));

const count = (severity) => counted.filter((issue) => issue.severity === severity).length;
const where = (issue) => `${issue.file}:${issue.line}`.padEnd(24);
const out = [
  `electronegativity ${version} on ${relative(ROOT, input)}/ for Electron ${electronVersion}: ` +
    `${result.globalChecks + result.atomicChecks} checks`,
  `  ${[...SEVERITIES]
    .reverse()
    .map((severity) => `${severity} ${count(severity)}`)
    .join(' · ')}` +
    `  (${excepted.length} excepted, ${Object.keys(config.excludeChecks ?? {}).length} check(s) excluded, ` +
    `${result.errors.length - unparsed.length} tolerable parse warning(s))`,
  ...counted
    .sort((a, b) => rank(b.severity) - rank(a.severity))
    .map(
      (issue) =>
        `  ${issue.severity.padEnd(13)} ${issue.id.padEnd(34)} ${where(issue)} ${issue.description}` +
        `${issue.manualReview ? ' (review)' : ''}`,
    ),
  ...excepted.map(
    (issue) =>
      `  excepted ${issue.severity.padEnd(6)} ${issue.id.padEnd(31)} ${where(issue)} ${issue.exception.reason}`,
  ),
  ...Object.entries(config.excludeChecks ?? {}).map(([check, reason]) => `  excluded ${check}: ${reason}`),
  ...unparsed.map((error) => `  NOT CHECKED  ${relative(input, error.file)}: ${error.message}`),
];
process.stdout.write(`${out.join('\n')}\n`);

if (failing.length > 0 || unparsed.length > 0) {
  process.stderr.write(
    `electronegativity: ${failing.length} finding(s) at ${config.failOn} or above and ${unparsed.length} ` +
      'file(s) not parsed. Fix them, or except one in electronegativity.config.json with its reason.\n',
  );
  process.exit(1);
}
