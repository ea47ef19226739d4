import type { ReflectionModel } from '@reflectory/shared';
import { useId, useRef, useState, type FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { saveModel } from '../../api/models-api.ts';
import { Announcer, type Announcement } from '../../ui/Announcer.tsx';
import { FormAlert } from '../../ui/FormAlert.tsx';
import { Field } from './FormField.tsx';
import { StageFields } from './StageFields.tsx';
import {
  emptyModelDraft,
  maxStages,
  moveStage,
  newStageDraft,
  validateDraft,
  type DraftErrors,
  type ModelDraft,
  type StageDraft,
} from './model-draft.ts';

interface Props {
  /** Who is composing, to prefill "Made by". */
  authors: string;
  onSaved: (model: ReflectionModel) => void;
  onCancel: () => void;
}

/**
 * Composes a model of one's own: stages with their questions, length, who sees the notes, voting
 * and themes, and guidance for whoever facilitates. Checked with the shared schema before it is
 * sent; saved models are offered under "Your models" from then on.
 */
export function ModelComposer({ authors, onSaved, onCancel }: Props) {
  const baseId = useId();
  const [draft, setDraft] = useState<ModelDraft>(() => emptyModelDraft(authors));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [serverError, setServerError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState<Announcement>();
  const alertRef = useRef<HTMLDivElement>(null);

  const say = (text: string) =>
    setAnnouncement((last) => ({ text, serial: (last?.serial ?? 0) + 1 }));
  const fieldId = (key: string) => {
    const [head, index, ...rest] = key.split('.');
    if (head !== 'stages' || index === undefined) return `${baseId}-${key}`;
    const stage = draft.stages[Number(index)];
    return `${stage?.key ?? baseId}-${rest.join('-') || 'title'}`;
  };
  const focusLater = (id: string) => document.getElementById(id)?.focus();

  function change(update: (current: ModelDraft) => ModelDraft, clears?: string) {
    setDraft(update);
    if (clears) setErrors(({ [clears]: _cleared, ...rest }) => rest);
  }

  function updateStage(index: number, patch: Partial<StageDraft>) {
    change((current) => ({
      ...current,
      stages: current.stages.map((stage, at) => (at === index ? { ...stage, ...patch } : stage)),
    }));
    const fields = Object.keys(patch).map((key) => (key === 'guidanceDo' ? 'do' : key));
    setErrors((shown) =>
      Object.fromEntries(
        Object.entries(shown).filter(
          ([key]) => !fields.some((field) => key.startsWith(`stages.${index}.${field}`)),
        ),
      ),
    );
  }

  function move(index: number, to: number) {
    const stage = draft.stages[index];
    if (!stage) return;
    flushSync(() => {
      change((current) => ({ ...current, stages: moveStage(current.stages, index, to) }));
      setErrors({});
    });
    const last = to === draft.stages.length - 1;
    focusLater(`${stage.key}-${to === 0 ? 'down' : last ? 'up' : to < index ? 'up' : 'down'}`);
    say(
      `Moved “${stage.title || 'untitled stage'}” to position ${to + 1} of ${draft.stages.length}.`,
    );
  }

  function remove(index: number) {
    const stage = draft.stages[index];
    flushSync(() => {
      change((current) => ({ ...current, stages: current.stages.filter((_, at) => at !== index) }));
      setErrors({});
    });
    focusLater(`${baseId}-add-stage`);
    say(`Removed “${stage?.title || 'untitled stage'}”.`);
  }

  function addStage() {
    const stage = newStageDraft();
    flushSync(() => change((current) => ({ ...current, stages: [...current.stages, stage] })));
    focusLater(`${stage.key}-title`);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setServerError(undefined);
    const checked = validateDraft(draft);
    if (!checked.ok) {
      flushSync(() => setErrors(checked.errors));
      const first = Object.keys(checked.errors)[0];
      if (first) focusLater(fieldId(first));
      return;
    }
    setErrors({});
    setBusy(true);
    const saved = await saveModel(checked.model);
    setBusy(false);
    if (saved.ok) onSaved(saved.data);
    else {
      flushSync(() => setServerError(saved.error.message));
      alertRef.current?.focus();
    }
  }

  const count = Object.keys(errors).length;
  return (
    <section className="composer-panel" aria-labelledby={`${baseId}-title`}>
      <h2 id={`${baseId}-title`} tabIndex={-1}>
        Compose your own model
      </h2>
      <p className="muted">
        Set out the stages your group goes through. Every session also has a check-in, the
        agreement, actions and a check-out around them.
      </p>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        {count > 0 && (
          <p className="field-error" role="alert">
            {count === 1 ? 'One thing needs' : `${count} things need`} fixing before the model can
            be saved.
          </p>
        )}
        <Field id={fieldId('name')} label="Model name" error={errors.name}>
          <input
            id={fieldId('name')}
            value={draft.name}
            autoComplete="off"
            onChange={(event) => {
              const name = event.target.value;
              change((current) => ({ ...current, name }), 'name');
            }}
          />
        </Field>
        <Field
          id={fieldId('whenToUse')}
          label="When to use it"
          hint="One or two sentences, for whoever picks a model."
          error={errors.whenToUse}
        >
          <textarea
            id={fieldId('whenToUse')}
            rows={2}
            value={draft.whenToUse}
            onChange={(event) => {
              const whenToUse = event.target.value;
              change((current) => ({ ...current, whenToUse }), 'whenToUse');
            }}
          />
        </Field>
        <Field id={fieldId('source.authors')} label="Made by" error={errors['source.authors']}>
          <input
            id={fieldId('source.authors')}
            value={draft.authors}
            autoComplete="off"
            onChange={(event) => {
              const value = event.target.value;
              change((current) => ({ ...current, authors: value }), 'source.authors');
            }}
          />
        </Field>

        <ol className="stage-drafts" aria-label="Stages">
          {draft.stages.map((stage, index) => (
            <li key={stage.key}>
              <StageFields
                stage={stage}
                index={index}
                total={draft.stages.length}
                errors={errors}
                onChange={(patch) => updateStage(index, patch)}
                onMove={(to) => move(index, to)}
                onRemove={() => remove(index)}
              />
            </li>
          ))}
        </ol>
        {errors.stages && <p className="field-error">{errors.stages}</p>}
        {draft.stages.length < maxStages && (
          <div>
            <button
              id={`${baseId}-add-stage`}
              className="button small"
              type="button"
              onClick={addStage}
            >
              Add a stage
            </button>
          </div>
        )}
        {serverError && (
          <FormAlert ref={alertRef}>
            <p>The model was not saved. {serverError}</p>
          </FormAlert>
        )}
        <div className="actions">
          <button className="button primary" type="submit" aria-disabled={busy}>
            {busy ? 'Saving…' : 'Save model'}
          </button>
          <button className="button quiet" type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
      <Announcer announcement={announcement} />
    </section>
  );
}
