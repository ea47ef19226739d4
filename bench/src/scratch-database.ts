import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A fresh database on the given server, which must be on this machine. */
export async function createScratchDatabase(adminUrl: string): Promise<ScratchDatabase> {
  const url = new URL(adminUrl);
  if (!loopback.has(url.hostname))
    throw new Error(`the benchmark only talks to this machine; ${url.hostname} is not loopback`);
  const name = `reflectory_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end({ timeout: 5 });
      }
    },
  };
}
