import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from './suites.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Builds the client once per run when a browser suite will load it. */
export default function setup(): void {
  mkdirSync(`${root}/tests/artifacts`, { recursive: true });
  if (!chromium.available) return;
  execFileSync('pnpm', ['--silent', '--filter', '@reflectory/client', 'build'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
