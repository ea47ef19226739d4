import { groupFormats } from './group-formats.ts';
import type { ReflectionModel } from './model.ts';
import { reflectiveModels } from './reflective-models.ts';
import { retrospectives } from './retrospectives.ts';

/** Every built-in model: reflective models first, then group formats, then retrospectives. */
export const modelCatalog: readonly ReflectionModel[] = [
  ...reflectiveModels,
  ...groupFormats,
  ...retrospectives,
];

/** The model a new session starts with: Borton's three questions. */
export const defaultModelId = 'what-so-what-now-what';

export function findModel(id: string): ReflectionModel | undefined {
  return modelCatalog.find((model) => model.id === id);
}
