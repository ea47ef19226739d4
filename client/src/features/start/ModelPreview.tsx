import { stepsForModel, type ReflectionModel } from '@reflectory/shared';
import { formatMinutes } from '../board/countdown.ts';
import { visibilityText } from '../board/session-view.ts';

/** Minutes of the model's own stages, and of the whole session around them (lobby aside). */
export function modelMinutes(model: ReflectionModel): { stages: number; session: number } {
  const stages = model.stages.reduce((sum, stage) => sum + stage.timeboxMinutes, 0);
  const session = stepsForModel(model)
    .filter((step) => step.kind !== 'lobby')
    .reduce((sum, step) => sum + step.timeboxMinutes, 0);
  return { stages, session };
}

/** What a model asks of a group, so a facilitator can choose without having read the source. */
export function ModelPreview({ model, headingId }: { model: ReflectionModel; headingId: string }) {
  const minutes = modelMinutes(model);
  const source =
    model.kind === 'custom'
      ? `Composed by ${model.source.authors}`
      : `${model.source.authors}${model.source.year ? `, ${model.source.year}` : ''}`;
  return (
    <div className="model-preview">
      <h2 id={headingId}>{model.name}</h2>
      <p className="model-when">{model.whenToUse}</p>
      <p className="muted model-source">Source: {source}</p>
      <p className="model-time">
        <strong>
          {model.stages.length} {model.stages.length === 1 ? 'stage' : 'stages'},{' '}
          {formatMinutes(minutes.stages)}
        </strong>
        . With check-in, agreement, actions and check-out, about {formatMinutes(minutes.session)} in
        all.
      </p>
      <ol className="stage-list" aria-label={`Stages of ${model.name}`}>
        {model.stages.map((stage) => (
          <li key={stage.id}>
            <p className="stage-head">
              <strong>{stage.title}</strong>
              <span className="muted">
                {' '}
                · {formatMinutes(stage.timeboxMinutes)} · {visibilityText[stage.visibility].label}
                {stage.voting && ' · voting'}
                {stage.grouping && ' · themes'}
              </span>
            </p>
            <ul className="stage-prompts">
              {stage.prompts.map((prompt) => (
                <li key={prompt}>{prompt}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}
