import { defaultModelId, type ReflectionModel } from '@reflectory/shared';
import { useId, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { deleteModel, type Models } from '../../api/models-api.ts';
import { Announcer, type Announcement } from '../../ui/Announcer.tsx';
import { ModelComposer } from './ModelComposer.tsx';
import { groupModels } from './model-groups.ts';
import { ModelPreview } from './ModelPreview.tsx';

export type ModelsState =
  { kind: 'loading' } | { kind: 'loaded'; models: Models } | { kind: 'failed'; message: string };

interface Props {
  state: ModelsState;
  selectedId: string;
  onSelect: (id: string) => void;
  /** Called when a model of yours was saved or deleted, with the new list of yours. */
  onMineChange: (mine: ReflectionModel[]) => void;
  /** Prefills "Made by" when composing. */
  facilitatorName: string;
}

/** Choosing the model a session follows: the catalog by kind, your own models, a preview. */
export function ModelPicker({ state, selectedId, onSelect, onMineChange, facilitatorName }: Props) {
  const selectId = useId();
  const previewId = useId();
  const [composing, setComposing] = useState(false);
  const [announcement, setAnnouncement] = useState<Announcement>();
  const [deleteError, setDeleteError] = useState<string>();
  const selectRef = useRef<HTMLSelectElement>(null);
  const composeRef = useRef<HTMLButtonElement>(null);
  const say = (text: string) =>
    setAnnouncement((last) => ({ text, serial: (last?.serial ?? 0) + 1 }));

  if (state.kind === 'loading') return <p role="status">Loading the models…</p>;
  if (state.kind === 'failed') {
    return (
      <p className="form-alert" role="alert">
        The list of models could not be loaded ({state.message}). The session will use What? So
        what? Now what?
      </p>
    );
  }

  const { catalog, mine } = state.models;
  const all = [...catalog, ...mine];
  const selected =
    all.find((model) => model.id === selectedId) ??
    all.find((model) => model.id === defaultModelId) ??
    all[0];
  const isMine = selected !== undefined && mine.some((model) => model.id === selected.id);

  async function removeSelected() {
    if (!selected) return;
    setDeleteError(undefined);
    const removed = await deleteModel(selected.id);
    if (!removed.ok) return setDeleteError(removed.error.message);
    onMineChange(mine.filter((model) => model.id !== selected.id));
    flushSync(() => onSelect(defaultModelId));
    selectRef.current?.focus();
    say(`Deleted “${selected.name}”. What? So what? Now what? is selected.`);
  }

  return (
    <div className="model-picker">
      <div className="field">
        <label htmlFor={selectId}>Reflection model</label>
        <p id={`${selectId}-hint`} className="field-hint">
          The stages the group goes through. You can change the visibility, timing and voting of
          each stage during the session.
        </p>
        <select
          ref={selectRef}
          id={selectId}
          className="select model-select"
          aria-describedby={`${selectId}-hint ${previewId}`}
          value={selected?.id ?? ''}
          onChange={(event) => onSelect(event.target.value)}
        >
          {groupModels(catalog, mine).map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.models.map((model) => (
                <option key={model.id} value={model.id}>
                  {model.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      {selected && (
        <section className="panel" aria-labelledby={previewId}>
          <ModelPreview model={selected} headingId={previewId} />
          {isMine && (
            <p className="model-own-actions">
              <button
                className="link-button danger"
                type="button"
                onClick={() => void removeSelected()}
              >
                Delete this model of yours
              </button>
            </p>
          )}
          {deleteError && (
            <p className="field-error" role="alert">
              {deleteError}
            </p>
          )}
        </section>
      )}
      {composing ? (
        <ModelComposer
          authors={facilitatorName}
          onCancel={() => {
            flushSync(() => setComposing(false));
            composeRef.current?.focus();
          }}
          onSaved={(model) => {
            onMineChange([...mine, model]);
            flushSync(() => {
              onSelect(model.id);
              setComposing(false);
            });
            selectRef.current?.focus();
            say(
              `Saved “${model.name}”; it is selected for this session and kept under Your models.`,
            );
          }}
        />
      ) : (
        <p>
          <button
            ref={composeRef}
            className="button"
            type="button"
            onClick={() => {
              flushSync(() => setComposing(true));
              document.querySelector<HTMLElement>('.composer-panel h2')?.focus();
            }}
          >
            Compose your own model
          </button>
        </p>
      )}
      <Announcer announcement={announcement} />
    </div>
  );
}
