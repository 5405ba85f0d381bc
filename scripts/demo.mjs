// `npm run demo`: after `npm run build`, composes dist/demo and serves it on loopback.
import { spawn } from 'node:child_process';
import { buildSite } from './site.mjs';

const port = process.env.PORT ?? '4173';
const site = await buildSite();
const cli = spawn(
  process.execPath,
  ['scripts/cli.mjs', 'preview', site, '--port', port, '--host', process.env.HOST ?? '127.0.0.1'],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
cli.stdout.on('data', (chunk) => {
  const line = String(chunk);
  const url = line.match(/at (http\S+)/)?.[1];
  process.stdout.write(
    url ? `Demo dashboard: ${url}index.html (English: ${url}en.html)\nPress Ctrl+C to stop.\n` : line,
  );
});
cli.on('exit', (code) => process.exit(code ?? 0));
