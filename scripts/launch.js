#!/usr/bin/env node
'use strict';
/*
 * Runs one entry point of the bot from the compiled output (dist/) or, in a development checkout, from
 * the TypeScript sources. Plain JavaScript on purpose: it must run where only the production
 * dependencies are installed (`npm ci --omit=dev`), so without TypeScript or ts-node.
 *
 *   node scripts/launch.js --compiled src/main [args]   the server: compiled output only
 *   node scripts/launch.js scripts/job [args]           an operator command: dist/ when it is there
 *                                                       and current, else the sources via ts-node
 *
 * "Current" means no .ts file under src/, cards/ or scripts/ is newer than the compiled entry: after a
 * `git pull` without a rebuild a development checkout runs the sources, and an install without ts-node
 * runs dist/ but says it is older than the sources.
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const compiledOnly = args[0] === '--compiled';
if (compiledOnly) args.shift();
const entry = args.shift();

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

if (!entry || !/^(src|scripts)\/[\w./-]+$/.test(entry) || entry.includes('..')) {
  fail('usage: node scripts/launch.js [--compiled] <src/main | scripts/name> [args...]');
}

function hasTsNode() {
  try {
    require.resolve('ts-node/register/transpile-only', { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

/** The newest modification time of the TypeScript sources (0 when there are none, as in a package). */
function newestSourceMtime() {
  let newest = 0;
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const dir of ['src', 'cards', 'scripts']) walk(path.join(root, dir));
  return newest;
}

const compiled = path.join(root, 'dist', `${entry}.js`);
const source = path.join(root, `${entry}.ts`);
const compiledMtime = fs.existsSync(compiled) ? fs.statSync(compiled).mtimeMs : undefined;
const stale = compiledMtime !== undefined && newestSourceMtime() > compiledMtime;

let target;
if (compiledOnly || (compiledMtime !== undefined && !(stale && hasTsNode()))) {
  if (compiledMtime === undefined) {
    fail(
      `${path.relative(root, compiled)} is missing: run \`npm run build\` first ` +
        '(it compiles the bot into dist/; building needs the dev dependencies, `npm ci`).',
    );
  }
  if (stale) {
    process.stderr.write(
      'warning: dist/ is older than the sources; run `npm run build` to run the current code.\n',
    );
  }
  // Stack traces point into the TypeScript sources (the build writes source maps).
  process.setSourceMapsEnabled(true);
  target = compiled;
} else if (fs.existsSync(source) && hasTsNode()) {
  require(require.resolve('ts-node/register/transpile-only', { paths: [root] }));
  target = source;
} else {
  fail(
    `dist/${entry}.js is missing and TypeScript is not installed: run \`npm run build\` ` +
      '(with the dev dependencies, `npm ci`), then run this command again.',
  );
}

// The entry reads its own arguments from process.argv.slice(2), as when node runs it directly.
process.argv = [process.argv[0], target, ...args];
require(target);
