import { and, desc, eq } from 'drizzle-orm';
import type { Db } from './database.ts';
import { customModels } from './schema.ts';

export interface CustomModelRecord {
  id: string;
  model: unknown;
  createdAt: Date;
}

export interface CustomModelsRepository {
  save(id: string, deviceHash: string, model: unknown): Promise<void>;
  listByDevice(deviceHash: string): Promise<CustomModelRecord[]>;
  find(id: string, deviceHash: string): Promise<CustomModelRecord | undefined>;
  remove(id: string, deviceHash: string): Promise<boolean>;
}

export function createCustomModelsRepository(db: Db): CustomModelsRepository {
  const columns = {
    id: customModels.id,
    model: customModels.model,
    createdAt: customModels.createdAt,
  };
  return {
    async save(id, deviceHash, model) {
      await db.insert(customModels).values({ id, deviceHash, model });
    },
    async listByDevice(deviceHash) {
      return db
        .select(columns)
        .from(customModels)
        .where(eq(customModels.deviceHash, deviceHash))
        .orderBy(desc(customModels.createdAt))
        .limit(100);
    },
    async find(id, deviceHash) {
      const rows = await db
        .select(columns)
        .from(customModels)
        .where(and(eq(customModels.id, id), eq(customModels.deviceHash, deviceHash)))
        .limit(1);
      return rows[0];
    },
    async remove(id, deviceHash) {
      const rows = await db
        .delete(customModels)
        .where(and(eq(customModels.id, id), eq(customModels.deviceHash, deviceHash)))
        .returning({ id: customModels.id });
      return rows.length === 1;
    },
  };
}
