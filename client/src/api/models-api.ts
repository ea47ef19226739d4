import { modelSchema, type ReflectionModel } from '@reflectory/shared';
import { noContent, requestJson, type ApiResult } from './http.ts';

export interface Models {
  catalog: ReflectionModel[];
  mine: ReflectionModel[];
}

function parseModels(list: unknown[]): ReflectionModel[] {
  const models: ReflectionModel[] = [];
  for (const item of list) {
    const parsed = modelSchema.safeParse(item);
    if (parsed.success) models.push(parsed.data);
  }
  return models;
}

/** Each model is checked on its own: one that does not parse is left out, not the whole list. */
const modelsAnswer = {
  safeParse(value: unknown): { success: true; data: Models } | { success: false } {
    if (typeof value !== 'object' || value === null) return { success: false };
    const { catalog, mine } = value as Record<string, unknown>;
    if (!Array.isArray(catalog) || !Array.isArray(mine)) return { success: false };
    return { success: true, data: { catalog: parseModels(catalog), mine: parseModels(mine) } };
  },
};

const savedAnswer = {
  safeParse(value: unknown): { success: true; data: ReflectionModel } | { success: false } {
    const model =
      typeof value === 'object' && value !== null
        ? (value as { model?: unknown }).model
        : undefined;
    const parsed = modelSchema.safeParse(model);
    return parsed.success ? { success: true, data: parsed.data } : { success: false };
  },
};

/** The catalog of models, and the custom models this browser has saved. */
export function fetchModels(): Promise<ApiResult<Models>> {
  return requestJson('GET', '/api/models', modelsAnswer);
}

/** A custom model as composed; the server gives it its id and kind. */
export type NewModel = Omit<ReflectionModel, 'id' | 'kind'>;

export function saveModel(model: NewModel): Promise<ApiResult<ReflectionModel>> {
  return requestJson('POST', '/api/models', savedAnswer, model);
}

export function deleteModel(id: string): Promise<ApiResult<undefined>> {
  return requestJson('DELETE', `/api/models/${encodeURIComponent(id)}`, noContent);
}
