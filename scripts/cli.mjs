#!/usr/bin/env node
// The CLI from its TypeScript source, for development in this repository (`npm run cli -- indicators …`):
// no build step. The published package runs its compiled dist/bin.js instead.
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

register('./source-condition.mjs', import.meta.url);
registerTsx();
const { main } = await import('../packages/cli/src/main.ts');
process.exitCode = await main(process.argv.slice(2));
