#!/usr/bin/env node
// The installed command (`npx assessment-dashboard`), compiled to dist/bin.js; no TypeScript loader at run time.
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
