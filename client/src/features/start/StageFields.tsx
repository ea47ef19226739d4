import { visibilitySchema } from '@reflectory/shared';
import { visibilityText } from '../board/session-view.ts';
import { Field } from './FormField.tsx';
import { defaultGuidance, maxPrompts, type DraftErrors, type StageDraft } from './model-draft.ts';

interface StageProps {
  stage: StageDraft;
  index: number;
  total: number;
  errors: DraftErrors;
  onChange: (patch: Partial<StageDraft>) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/** One stage of a model being composed: its fields, and moving or removing it. */
export function StageFields({
  stage,
  index,
  total,
  errors,
  onChange,
  onMove,
  onRemove,
}: StageProps) {
  const id = (field: string) => `${stage.key}-${field}`;
  const error = (field: string) => errors[`stages.${index}.${field}`];
  const name = stage.title.trim() || 'untitled stage';
  return (
    <fieldset className="stage-draft">
      <legend>
        Stage {index + 1}
        {stage.title.trim() && `: ${stage.title.trim()}`}
      </legend>
      <Field id={id('title')} label="Title" error={error('title')}>
        <input
          id={id('title')}
          value={stage.title}
          autoComplete="off"
          onChange={(event) => onChange({ title: event.target.value })}
        />
      </Field>
      <div className="prompt-drafts" role="group" aria-labelledby={id('prompts-label')}>
        <p id={id('prompts-label')} className="field-label">
          Questions (1 to {maxPrompts})
        </p>
        {stage.prompts.map((prompt, at) => (
          <div key={at} className="prompt-draft">
            <Field
              id={id(`prompts-${at}`)}
              label={`Question ${at + 1}`}
              error={error(`prompts.${at}`)}
            >
              <input
                id={id(`prompts-${at}`)}
                value={prompt}
                autoComplete="off"
                onChange={(event) =>
                  onChange({
                    prompts: stage.prompts.map((old, which) =>
                      which === at ? event.target.value : old,
                    ),
                  })
                }
              />
            </Field>
            {stage.prompts.length > 1 && (
              <button
                className="link-button danger"
                type="button"
                onClick={() =>
                  onChange({ prompts: stage.prompts.filter((_, which) => which !== at) })
                }
              >
                Remove question {at + 1}
                <span className="visually-hidden"> of {name}</span>
              </button>
            )}
          </div>
        ))}
        {error('prompts') && <p className="field-error">{error('prompts')}</p>}
        {stage.prompts.length < maxPrompts && (
          <button
            className="link-button"
            type="button"
            onClick={() => onChange({ prompts: [...stage.prompts, ''] })}
          >
            Add a question<span className="visually-hidden"> to {name}</span>
          </button>
        )}
      </div>
      <div className="stage-draft-row">
        <Field id={id('timeboxMinutes')} label="Length in minutes" error={error('timeboxMinutes')}>
          <input
            id={id('timeboxMinutes')}
            className="number-input"
            type="number"
            inputMode="numeric"
            min={1}
            max={180}
            value={stage.timeboxMinutes}
            onChange={(event) => onChange({ timeboxMinutes: event.target.value })}
          />
        </Field>
        <div className="field">
          <label htmlFor={id('visibility')}>Who sees the notes</label>
          <select
            id={id('visibility')}
            className="select"
            value={stage.visibility}
            onChange={(event) => {
              const parsed = visibilitySchema.safeParse(event.target.value);
              if (parsed.success) onChange({ visibility: parsed.data });
            }}
          >
            {visibilitySchema.options.map((option) => (
              <option key={option} value={option}>
                {visibilityText[option].label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="checkbox-field">
        <input
          id={id('voting')}
          type="checkbox"
          checked={stage.voting}
          onChange={(event) => onChange({ voting: event.target.checked })}
        />
        <label htmlFor={id('voting')}>People vote on the notes</label>
      </div>
      <div className="checkbox-field">
        <input
          id={id('grouping')}
          type="checkbox"
          checked={stage.grouping}
          onChange={(event) => onChange({ grouping: event.target.checked })}
        />
        <label htmlFor={id('grouping')}>Gather the notes into themes</label>
      </div>
      <Field
        id={id('do')}
        label="Guidance: what the facilitator does (optional)"
        hint={`If left blank: “${defaultGuidance.do}”`}
        error={error('do')}
      >
        <textarea
          id={id('do')}
          rows={2}
          value={stage.guidanceDo}
          onChange={(event) => onChange({ guidanceDo: event.target.value })}
        />
      </Field>
      <Field
        id={id('watchFor')}
        label="Guidance: what to watch for (optional)"
        hint={`If left blank: “${defaultGuidance.watchFor}”`}
        error={error('watchFor')}
      >
        <textarea
          id={id('watchFor')}
          rows={2}
          value={stage.watchFor}
          onChange={(event) => onChange({ watchFor: event.target.value })}
        />
      </Field>
      <div className="note-actions stage-draft-actions">
        {index > 0 && (
          <button
            id={id('up')}
            className="button small quiet"
            type="button"
            onClick={() => onMove(index - 1)}
          >
            Move up<span className="visually-hidden"> {name}</span>
          </button>
        )}
        {index < total - 1 && (
          <button
            id={id('down')}
            className="button small quiet"
            type="button"
            onClick={() => onMove(index + 1)}
          >
            Move down<span className="visually-hidden"> {name}</span>
          </button>
        )}
        {total > 1 && (
          <button className="button small quiet" type="button" onClick={onRemove}>
            Remove stage<span className="visually-hidden"> {name}</span>
          </button>
        )}
      </div>
    </fieldset>
  );
}
