import type { ReflectionModel, Stage, Visibility } from './models/model.ts';

/**
 * A session runs as a list of steps: lobby, (previous actions,) check-in, agreement, the model's
 * stages, actions, check-out. Steps are fixed when the session starts (a copy of the model), so
 * later catalog changes never alter a running session.
 */
export type StepKind =
  'lobby' | 'previousActions' | 'checkIn' | 'agreement' | 'stage' | 'actions' | 'checkOut';

export interface Step {
  id: string;
  kind: StepKind;
  title: string;
  prompts: readonly string[];
  timeboxMinutes: number;
  /** Default visibility of notes posted in this step. */
  visibility: Visibility;
  voting: boolean;
  grouping: boolean;
  guidance: { do: string; watchFor: string };
}

const lobby: Step = {
  id: 'lobby',
  kind: 'lobby',
  title: 'Lobby',
  prompts: ['People are arriving. The session starts when the facilitator moves on.'],
  timeboxMinutes: 5,
  visibility: 'named',
  voting: false,
  grouping: false,
  guidance: {
    do: 'Share the join link or code. Greet people as they arrive and check that everyone can see the board.',
    watchFor: 'People joining from a shared or public space where others could read their screen.',
  },
};

const previousActions: Step = {
  id: 'previous-actions',
  kind: 'previousActions',
  title: 'Previous actions',
  prompts: [
    'What happened to the actions we agreed before? For each: done, carried on, or dropped.',
  ],
  timeboxMinutes: 8,
  visibility: 'named',
  voting: false,
  grouping: false,
  guidance: {
    do: 'Go through each open action with its owner. Mark it done, carry it on with a note on what happened when it was tried, or drop it if it no longer matters. Thank people for what they did.',
    watchFor:
      'Blame for actions that did not happen: ask what got in the way, not who failed. An action carried again and again may need to be smaller, shared, or dropped.',
  },
};

const checkIn: Step = {
  id: 'check-in',
  kind: 'checkIn',
  title: 'Check-in',
  prompts: ['How are you arriving today? A word or a sentence is enough.'],
  timeboxMinutes: 8,
  visibility: 'named',
  voting: false,
  grouping: false,
  guidance: {
    do: 'Invite everyone to check in briefly, then read the notes aloud or ask a few people to say more. Review last session’s actions here if there were any.',
    watchFor:
      'Anyone who arrives distressed or exhausted: acknowledge it, and offer a private word later rather than opening it up in the group.',
  },
};

const agreement: Step = {
  id: 'agreement',
  kind: 'agreement',
  title: 'Agreement',
  prompts: [
    'Read the ground rules and the limits of confidentiality, then accept them to take part.',
  ],
  timeboxMinutes: 5,
  visibility: 'named',
  voting: false,
  grouping: false,
  guidance: {
    do: 'Read the agreement aloud, including when confidentiality must be broken (a risk of harm goes to safeguarding). Wait until everyone has accepted before moving on.',
    watchFor:
      'Questions about who can see what, and anyone hesitating to accept: talk with them; nobody should take part under pressure.',
  },
};

const actions: Step = {
  id: 'actions',
  kind: 'actions',
  title: 'Actions',
  prompts: ['What will we do, who will do it, and by when?'],
  timeboxMinutes: 8,
  visibility: 'named',
  voting: false,
  grouping: false,
  guidance: {
    do: 'Turn the learning into a few concrete actions, each with an owner (a person or the team) and a date. Fewer, clearer actions beat a long list.',
    watchFor: 'Actions with no owner, vague wording, and the same few people taking everything on.',
  },
};

const checkOut: Step = {
  id: 'check-out',
  kind: 'checkOut',
  title: 'Check-out',
  prompts: ['What are you taking away, and how are you leaving?'],
  timeboxMinutes: 8,
  visibility: 'named',
  voting: false,
  grouping: false,
  guidance: {
    do: 'Close with a short round. Remind people where to find support if the session stirred something up, and thank them.',
    watchFor:
      'Anyone leaving upset: follow up with them privately, and signpost support (occupational health, employee assistance, a trusted colleague).',
  },
};

function fromStage(stage: Stage): Step {
  return { ...stage, kind: 'stage' };
}

/**
 * [C5] A session that has open actions from earlier sessions opens with reviewing them, right
 * after the lobby; without any, its steps are the model's alone.
 */
export function stepsForModel(
  model: ReflectionModel,
  options: { previousActions?: boolean } = {},
): Step[] {
  return [
    lobby,
    ...(options.previousActions === true ? [previousActions] : []),
    checkIn,
    agreement,
    ...model.stages.map(fromStage),
    actions,
    checkOut,
  ];
}

/** Steps in which people post notes. */
export function takesNotes(step: Step): boolean {
  return step.kind === 'checkIn' || step.kind === 'stage' || step.kind === 'checkOut';
}

/** The agreement each participant accepts before contributing. */
export const defaultAgreementText = [
  'What is said here stays here: do not repeat who said what outside this session.',
  'Speak about your own experience. Leave out names and details that could identify patients, service users, pupils or colleagues.',
  'Listen without judging, and do not interrupt the person speaking.',
  'Take care of yourself: you may pass, step away or stop at any time.',
  'The limits of confidentiality: if something shared suggests that someone is at risk of harm, the facilitator must act on it, which can mean speaking with you privately and involving the safeguarding lead. Notes posted anonymously cannot be traced to you, so the facilitator cannot follow them up with you.',
].join('\n');
