#!/usr/bin/env node
// The `vigil` command. The CLI is built into out/cli by `npm install` (the prepare script) or `npm run build`.
import { existsSync } from 'node:fs';

const entry = new URL('../out/cli/index.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('vigil: Vigil is not built yet: run `npm run build` in the Vigil folder, then try again.\n');
  process.exit(1);
}
await import(entry.href);
