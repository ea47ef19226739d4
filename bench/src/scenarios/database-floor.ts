import postgres from 'postgres';
import { distribution, now, sleep, type Distribution } from '../stats.ts';

/**
 * What PostgreSQL alone costs a command right now: a receipt lookup, then a transaction of three
 * inserts, from the harness, on a table of its own. Sampled a few times a second while a scenario
 * runs, it tells how much of the scenario's latency the database explains on this machine.
 */
export class DatabaseFloor {
  private readonly sql;
  private readonly samples: number[] = [];
  private running = false;
  private loop: Promise<void> = Promise.resolve();

  constructor(databaseUrl: string) {
    this.sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  }

  async start(perSecond = 5): Promise<void> {
    await this.sql`create table if not exists bench_floor (id bigserial primary key, data text)`;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        const started = now();
        await this.sql`select id from bench_floor where id = -1`;
        await this.sql.begin(async (tx) => {
          for (let i = 0; i < 3; i += 1) await tx`insert into bench_floor (data) values ('x')`;
        });
        this.samples.push(now() - started);
        await sleep(1000 / perSecond);
      }
    })();
  }

  async stop(): Promise<Distribution> {
    this.running = false;
    await this.loop;
    await this.sql.end({ timeout: 5 });
    return distribution(this.samples);
  }
}
