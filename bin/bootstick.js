#!/usr/bin/env node
// The `bootstick` command: runs the built CLI (npm install builds it; so does `npm run build`).
import { existsSync } from 'node:fs';

const cli = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('bootstick: the CLI is not built yet. Run `npm run build` in the Bootstick folder.\n');
  process.exit(2);
}
await import(cli.href);
