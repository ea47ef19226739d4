/**
 * The peer: Hocuspocus serving the same board documents to the same people, set up as a
 * Hocuspocus deployment usually is. It authenticates every connection from the same device cookie
 * against the same participants table, loads and stores documents in PostgreSQL with the database
 * extension (stores are debounced, as Hocuspocus does by default), and relays what clients write.
 * Run as a child process by the harness: `PORT` and `DATABASE_URL` come from the environment.
 */
import { createHash } from 'node:crypto';
import { Database } from '@hocuspocus/extension-database';
import { Server } from '@hocuspocus/server';
import postgres from 'postgres';

const port = Number(process.env.PORT);
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl || !Number.isInteger(port)) throw new Error('PORT and DATABASE_URL are required');

const sql = postgres(databaseUrl, { max: 10, onnotice: () => {} });
await sql`create table if not exists peer_documents (name text primary key, data bytea not null)`;

const boardPath = /^session\/([0-9a-f-]{36})\/board$/;

function deviceHash(cookieHeader: string | null): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === 'rf_device' && value && /^[A-Za-z0-9_-]{43}$/.test(value))
      return createHash('sha256').update(value).digest('hex');
  }
  return undefined;
}

const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  websocketOptions: { maxPayload: 64 * 1024, perMessageDeflate: false },
  async onAuthenticate({ documentName, requestHeaders }) {
    const sessionId = boardPath.exec(documentName)?.[1];
    const hash = deviceHash(requestHeaders.get('cookie'));
    if (!sessionId || !hash) throw new Error('not allowed');
    const rows = await sql`
      select id, display_name from participants
      where session_id = ${sessionId} and device_hash = ${hash} limit 1`;
    if (rows.length === 0) throw new Error('not allowed');
    return { participantId: rows[0]?.id as string };
  },
  extensions: [
    new Database({
      async fetch({ documentName }) {
        const rows = await sql`select data from peer_documents where name = ${documentName}`;
        const data = rows[0]?.data as Buffer | undefined;
        return data ? new Uint8Array(data) : null;
      },
      async store({ documentName, state }) {
        await sql`
          insert into peer_documents (name, data) values (${documentName}, ${Buffer.from(state)})
          on conflict (name) do update set data = excluded.data`;
      },
    }),
  ],
});

await server.listen();
