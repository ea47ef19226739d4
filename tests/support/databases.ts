import { randomBytes } from 'node:crypto';
import { openPglite, openPostgres, type Database } from '@reflectory/server';
import postgres from 'postgres';

/** A migrated in-memory PGlite. Creating one costs seconds: share it within a test file. */
export async function openMigratedPglite(): Promise<Database> {
  const database = await openPglite();
  await database.migrate();
  return database;
}

export interface ScratchPostgres {
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database on the TEST_DATABASE_URL server, so each run starts fresh. */
export async function createScratchPostgres(serverUrl: string): Promise<ScratchPostgres> {
  const name = `reflectory_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end({ timeout: 5 });
      }
    },
  };
}

export async function openMigratedPostgres(url: string): Promise<Database> {
  const database = await openPostgres(url);
  await database.migrate();
  return database;
}
