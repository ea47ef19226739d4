import type { ReflectionModel } from './model.ts';

/**
 * Team retrospectives, in the five-part shape described by Derby & Larsen: the session's own
 * check-in and agreement set the stage, the model's stages gather data, generate insights and
 * decide what to do, and the session's actions and check-out steps record the actions and close.
 */
export const retrospectives: readonly ReflectionModel[] = [
  {
    id: 'start-stop-continue',
    name: 'Start, Stop, Continue',
    kind: 'retrospective',
    source: { authors: 'Agile community practice; structure after Derby & Larsen', year: '2006' },
    whenToUse:
      'A quick, familiar retrospective for any team at the end of a sprint, term, rota period or project phase. Good when the team wants concrete changes rather than a deep look at feelings.',
    stages: [
      {
        id: 'start',
        title: 'Start',
        prompts: ['What should we start doing that we are not doing now?'],
        timeboxMinutes: 8,
        visibility: 'hidden',
        voting: true,
        grouping: true,
        guidance: {
          do: 'Name the period under review and say that this is about how we work together, not about judging anyone. Silent writing, one idea per note, then reveal. Group duplicates and let everyone vote on the ideas with the most promise.',
          watchFor:
            'Ideas that add work without taking anything away. Loud voices championing their own idea before others have written.',
        },
      },
      {
        id: 'stop',
        title: 'Stop',
        prompts: [
          'What should we stop doing because it wastes time, causes friction or no longer helps?',
        ],
        timeboxMinutes: 8,
        visibility: 'hidden',
        voting: true,
        grouping: true,
        guidance: {
          do: 'Invite candid suggestions about habits, meetings, processes and tools. Reveal together, cluster, and vote on what would free up the most time or goodwill.',
          watchFor:
            'Notes aimed at a particular person; reframe as a practice or a process. People holding back about things a manager introduced.',
        },
      },
      {
        id: 'continue',
        title: 'Continue',
        prompts: ['What is working well that we should keep doing?'],
        timeboxMinutes: 8,
        visibility: 'hidden',
        voting: true,
        grouping: true,
        guidance: {
          do: 'Make time to recognise what works, so that good practice is kept on purpose. Cluster the notes and vote on the strengths most worth protecting.',
          watchFor:
            'Rushing this column because it feels less urgent. Thanks that name only the most visible people and miss quieter contributions.',
        },
      },
      {
        id: 'insights',
        title: 'Generate insights',
        prompts: ['Looking at the top-voted notes, what lies behind them?'],
        timeboxMinutes: 12,
        visibility: 'hidden',
        voting: false,
        grouping: true,
        guidance: {
          do: 'Put the top-voted items from all three columns side by side. After a few minutes of silent writing on what lies behind them, reveal, group and explore why they matter. Aim to understand before deciding.',
          watchFor:
            'Solutions proposed before causes are understood. Blame drifting onto another team or an absent colleague.',
        },
      },
      {
        id: 'decide',
        title: 'Decide what to do',
        prompts: [
          'Which one or two changes will we commit to before the next retrospective?',
          'Who will own each one, and how will we know it has happened?',
        ],
        timeboxMinutes: 8,
        visibility: 'named',
        voting: true,
        grouping: false,
        guidance: {
          do: 'Vote on the changes to commit to, and keep to two or three. Carry them into the Actions step, where each gets an owner, a date and a way to check progress, and put them where the team will see them.',
          watchFor:
            'Too many actions. Actions without owners. Changes that need someone outside the team; agree who will ask.',
        },
      },
    ],
  },
  {
    id: 'four-ls',
    name: '4Ls: Liked, Learned, Lacked, Longed for',
    kind: 'retrospective',
    source: { authors: 'Mary Gorman & Ellen Gottesdiener', year: '2010' },
    whenToUse:
      'A balanced retrospective that gives equal room to what people enjoyed, what they learned, what was missing and what they hoped for. Suits the end of a project, a placement or a term.',
    stages: [
      {
        id: 'liked',
        title: 'Liked',
        prompts: ['What did you enjoy or appreciate about this period of work?'],
        timeboxMinutes: 7,
        visibility: 'hidden',
        voting: true,
        grouping: true,
        guidance: {
          do: 'Explain the four headings and the time each gets. Silent writing, then reveal. Cluster the notes, and vote to highlight the things most worth protecting.',
          watchFor:
            'Appreciation that goes only to the most visible work; ask about the behind-the-scenes contributions too.',
        },
      },
      {
        id: 'learned',
        title: 'Learned',
        prompts: ['What did you learn, whether about the work, the team or yourself?'],
        timeboxMinutes: 7,
        visibility: 'hidden',
        voting: true,
        grouping: true,
        guidance: {
          do: 'Encourage learning of all kinds, technical and human. Group the notes and vote on the lessons the team most wants to keep hold of.',
          watchFor:
            'Learning phrased as criticism of someone else. People feeling they have nothing new to add; small lessons count.',
        },
      },
      {
        id: 'lacked',
        title: 'Lacked',
        prompts: ['What was missing, or what did we have too little of?'],
        timeboxMinutes: 7,
        visibility: 'anonymous',
        voting: true,
        grouping: true,
        guidance: {
          do: 'Keep this heading anonymous so that people can be frank about gaps in support, skills, time or leadership. Cluster, then vote on the gaps that hurt most.',
          watchFor:
            "Blame of individuals for what was lacking. Complaints that fall outside the team's influence; note them for escalation rather than dwelling on them.",
        },
      },
      {
        id: 'longed-for',
        title: 'Longed for',
        prompts: ['What did you wish for, or hope we could have done?'],
        timeboxMinutes: 7,
        visibility: 'hidden',
        voting: true,
        grouping: true,
        guidance: {
          do: 'Invite hopes and wishes, including ambitious ones. Group and vote on which are realistic to pursue next.',
          watchFor:
            'Wishes that are really complaints in disguise. Dismissing big hopes too quickly; a small step towards them may be possible.',
        },
      },
      {
        id: 'insights',
        title: 'Generate insights',
        prompts: ['What connects the top-voted notes across the four headings?'],
        timeboxMinutes: 12,
        visibility: 'hidden',
        voting: false,
        grouping: true,
        guidance: {
          do: 'Ask people to write silently about links between the headings, for example a gap under Lacked that explains a wish under Longed for. Reveal, group and discuss causes before choosing what to change.',
          watchFor:
            'The discussion becoming a general complaint session. One or two people interpreting for everyone.',
        },
      },
      {
        id: 'decide',
        title: 'Decide what to do',
        prompts: [
          'What will we do about what we lacked or longed for, and who will lead it?',
          'How will we keep what we liked and learned?',
        ],
        timeboxMinutes: 8,
        visibility: 'named',
        voting: true,
        grouping: false,
        guidance: {
          do: 'Vote on a few changes that both close gaps and protect strengths, then take them into the Actions step, where each gets an owner and a date.',
          watchFor: 'Actions that are vague, unowned, or beyond what the team can influence.',
        },
      },
    ],
  },
  {
    id: 'mad-sad-glad',
    name: 'Mad, Sad, Glad',
    kind: 'retrospective',
    source: { authors: 'Agile community practice; structure after Derby & Larsen', year: '2006' },
    whenToUse:
      'When the team needs to surface how the work has felt, not only what happened, for example after a stressful period or a change. Emotions become data the team can act on.',
    stages: [
      {
        id: 'mad',
        title: 'Mad',
        prompts: ['What frustrated or annoyed you?'],
        timeboxMinutes: 7,
        visibility: 'anonymous',
        voting: true,
        grouping: true,
        guidance: {
          do: 'Explain that this retrospective treats feelings as data and that all three headings are anonymous. Accept frustrations without defending or explaining them. Cluster the notes and vote on the frustrations the team most wants to tackle.',
          watchFor:
            'Anger aimed at an individual; turn it towards the situation or process. Managers or facilitators rushing to justify decisions. A team too small for anonymity to hide authors; say so plainly.',
        },
      },
      {
        id: 'sad',
        title: 'Sad',
        prompts: ['What disappointed you or left you feeling low?'],
        timeboxMinutes: 7,
        visibility: 'anonymous',
        voting: true,
        grouping: true,
        guidance: {
          do: 'Read notes with care and acknowledge them. Group them and vote on the ones the team wants to understand better.',
          watchFor:
            'Signs of distress, burnout or grief that need support beyond the retrospective; signpost it to the whole group.',
        },
      },
      {
        id: 'glad',
        title: 'Glad',
        prompts: ['What made you glad, proud or relieved?'],
        timeboxMinutes: 7,
        visibility: 'anonymous',
        voting: true,
        grouping: true,
        guidance: {
          do: 'Give good experiences full attention. Cluster and vote on what the team most wants to hold on to.',
          watchFor:
            'Skipping this heading because the others feel more pressing. Forced positivity that discounts real difficulty.',
        },
      },
      {
        id: 'insights',
        title: 'Generate insights',
        prompts: ['What is behind the strongest feelings on the board?'],
        timeboxMinutes: 12,
        visibility: 'hidden',
        voting: false,
        grouping: true,
        guidance: {
          do: 'Take the top-voted clusters and give quiet time to write about their causes and what the team can influence. Reveal and group the notes, keeping feelings and facts side by side.',
          watchFor:
            'A hunt for who wrote an angry note. Senior staff dismissing feelings as unprofessional.',
        },
      },
      {
        id: 'decide',
        title: 'Decide what to do',
        prompts: [
          'What one change would reduce the frustration or disappointment the most?',
          'Who will take it forward, and by when?',
        ],
        timeboxMinutes: 8,
        visibility: 'named',
        voting: true,
        grouping: false,
        guidance: {
          do: 'Vote on one to three changes, including at least one that protects what made people glad. The Actions step that follows records an owner and a date for each.',
          watchFor:
            'Actions that ask people to feel differently instead of changing conditions. Anything that needs escalating beyond the team.',
        },
      },
    ],
  },
  {
    id: 'sailboat',
    name: 'Sailboat',
    kind: 'retrospective',
    source: { authors: 'Agile community practice; structure after Derby & Larsen', year: '2006' },
    whenToUse:
      'A visual retrospective for looking ahead as well as back: what drives the team towards its goal, what holds it back and what risks lie ahead. Good for planning a new phase or term.',
    stages: [
      {
        id: 'island',
        title: 'Island: our goal',
        prompts: ['Where are we trying to get to over the coming weeks or months?'],
        timeboxMinutes: 5,
        visibility: 'hidden',
        voting: true,
        grouping: true,
        guidance: {
          do: 'Describe the picture: the boat is the team, the island is the goal, the wind drives us, anchors slow us and rocks are risks ahead. Ask each person to write the goal as they understand it, silently, then reveal. Group and vote to agree one shared goal.',
          watchFor:
            'Goals set by the most senior person without others being heard. Several conflicting goals, or people unsure what the goal is: a finding in itself.',
        },
      },
      {
        id: 'wind',
        title: 'Wind: what drives us',
        prompts: ['What is helping us move towards the goal?'],
        timeboxMinutes: 8,
        visibility: 'hidden',
        voting: true,
        grouping: true,
        guidance: {
          do: 'Collect strengths, support and good practice. Cluster and vote on the drivers most worth building on.',
          watchFor: 'Listing only tools and processes and missing people and relationships.',
        },
      },
      {
        id: 'anchors',
        title: 'Anchors: what holds us back',
        prompts: ['What is slowing us down or keeping us stuck?'],
        timeboxMinutes: 8,
        visibility: 'anonymous',
        voting: true,
        grouping: true,
        guidance: {
          do: 'Keep this anonymous so that people can name obstacles candidly, including leadership, workload and culture. Cluster and vote on the heaviest anchors.',
          watchFor:
            "Anchors that point at a person rather than a practice. Obstacles outside the team's control; note who could help.",
        },
      },
      {
        id: 'rocks',
        title: 'Rocks: risks ahead',
        prompts: ['What risks could stop us reaching the goal?'],
        timeboxMinutes: 8,
        visibility: 'hidden',
        voting: true,
        grouping: true,
        guidance: {
          do: 'Invite people to name risks early, while they can still be avoided. Cluster and vote on the risks that need a plan.',
          watchFor:
            'Risks to the safety of people using the service, which may need reporting through the usual channels now. Anxiety spiralling; balance with the wind.',
        },
      },
      {
        id: 'insights',
        title: 'Generate insights',
        prompts: ['How do the strongest winds, anchors and rocks relate to each other?'],
        timeboxMinutes: 10,
        visibility: 'hidden',
        voting: false,
        grouping: true,
        guidance: {
          do: 'Look at the top-voted items together. After silent writing, reveal and group ideas about how a driver could lift an anchor or help the team steer round a rock.',
          watchFor: 'Jumping to a single big fix. Loud voices closing down other interpretations.',
        },
      },
      {
        id: 'decide',
        title: 'Decide what to do',
        prompts: [
          'What will we do to lift an anchor or avoid a rock, and who will own it?',
          'How will we keep the wind behind us?',
        ],
        timeboxMinutes: 8,
        visibility: 'named',
        voting: true,
        grouping: false,
        guidance: {
          do: 'Vote on a few changes and check that each points towards the agreed island. Give them owners and dates in the Actions step that follows.',
          watchFor:
            'Actions that drift away from the goal. Nobody volunteering; ask what support would make ownership possible.',
        },
      },
    ],
  },
];
