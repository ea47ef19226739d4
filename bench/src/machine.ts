import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { cores, repoRoot } from './servers/process.ts';

function versionOf(pkg: string, from: string): string {
  try {
    const file = join(repoRoot, from, 'node_modules', pkg, 'package.json');
    return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

/** The facts a reader needs to compare runs: machine, versions, date and command. */
export async function describeMachine(
  adminUrl: string,
  pinned: boolean,
  args: string[],
): Promise<string> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  let pg = '?';
  try {
    const rows = await sql`show server_version`;
    pg = String(rows[0]?.server_version ?? '?');
  } finally {
    await sql.end({ timeout: 5 });
  }
  const versions = [
    ['socket.io', 'server'],
    ['yjs', 'server'],
    ['ws', 'server'],
    ['fastify', 'server'],
    ['postgres', 'server'],
    ['socket.io-client', 'bench'],
    ['y-websocket', 'bench'],
    ['@hocuspocus/server', 'bench'],
    ['@hocuspocus/provider', 'bench'],
  ].map(([pkg, from]) => `${pkg} ${versionOf(pkg!, from!)}`);
  const cpu = cpus();
  return [
    `- date: ${new Date().toISOString()}`,
    `- command: pnpm bench ${args.join(' ')}`.trimEnd(),
    `- machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
    pinned
      ? `- pinning: server on core ${cores.server}, clients on core ${cores.clients} (taskset); PostgreSQL unpinned`
      : '- pinning: none (taskset missing or one core)',
    `- Node ${process.version}, PostgreSQL ${pg}`,
    `- ${versions.join(', ')}`,
    '',
  ].join('\n');
}
