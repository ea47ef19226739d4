import type { ReflectionModel } from '@reflectory/shared';

export interface ModelGroup {
  label: string;
  models: ReflectionModel[];
}

const kinds: Array<{ kind: ReflectionModel['kind']; label: string }> = [
  { kind: 'reflective-model', label: 'Reflective models' },
  { kind: 'group-format', label: 'Group formats' },
  { kind: 'retrospective', label: 'Retrospectives' },
];

/** The catalog by kind, then this browser's own models; empty groups are left out. */
export function groupModels(catalog: readonly ReflectionModel[], mine: readonly ReflectionModel[]) {
  const groups: ModelGroup[] = kinds.map(({ kind, label }) => ({
    label,
    models: catalog.filter((model) => model.kind === kind),
  }));
  groups.push({ label: 'Your models', models: [...mine] });
  return groups.filter((group) => group.models.length > 0);
}
