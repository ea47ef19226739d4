import type { ReflectionModel } from './model.ts';

/**
 * Group formats: ways of running a whole session with a group, each with its own rules about who
 * speaks when. Structure follows the published descriptions; the wording is ours.
 */
export const groupFormats: readonly ReflectionModel[] = [
  {
    id: 'after-action-review',
    name: 'After Action Review',
    kind: 'group-format',
    source: { authors: 'US Army practice, widely adapted', year: '' },
    whenToUse:
      'Soon after a shift, a drill, an event or a piece of work, to compare what was planned with what happened while memories are fresh. Works for any team and for good outcomes as well as bad ones.',
    stages: [
      {
        id: 'intended',
        title: 'What was supposed to happen?',
        prompts: [
          'What did we expect to happen? What was the plan or the aim?',
          'What did success look like to you beforehand?',
        ],
        timeboxMinutes: 10,
        visibility: 'hidden',
        voting: false,
        grouping: false,
        guidance: {
          do: "Open by saying this is a learning review, not a critique, a grade or a search for someone to blame, and that every role's view counts equally. Ask people to write down independently what they understood the plan to be; differences here are often the first finding.",
          watchFor:
            'The most senior person defining the plan for everyone. People who were never told the plan feeling exposed; that is a finding about communication, not about them.',
        },
      },
      {
        id: 'what-happened',
        title: 'What actually happened?',
        prompts: [
          'What actually happened, step by step, from where you stood?',
          'What did you see or hear that others might have missed?',
        ],
        timeboxMinutes: 15,
        visibility: 'hidden',
        voting: false,
        grouping: true,
        guidance: {
          do: "Build a shared timeline from everyone's notes after the reveal. Make sure every role and shift pattern is represented, including students, agency staff and support workers.",
          watchFor:
            'Arguments about whose version is correct; different views can all be true from where people stood. Identifying details of patients, service users or members of the public.',
        },
      },
      {
        id: 'why-different',
        title: 'Why was there a difference?',
        prompts: [
          'Where did the plan and the reality part company, and why do you think that was?',
          'What helped, and what got in the way?',
        ],
        timeboxMinutes: 15,
        visibility: 'anonymous',
        voting: true,
        grouping: true,
        guidance: {
          do: 'Keep this stage anonymous so that people can name what went wrong, including decisions by senior staff. Group the causes into themes and vote on the ones that matter most.',
          watchFor:
            'Blame of individuals rather than attention to conditions, handovers, equipment and workload. Defensiveness from whoever led the work. Skipping straight to fixes.',
        },
      },
      {
        id: 'sustain-improve',
        title: 'What to sustain and what to improve',
        prompts: [
          'What worked that we should keep doing on purpose?',
          'What should we improve, who will take it on, and by when?',
        ],
        timeboxMinutes: 15,
        visibility: 'named',
        voting: true,
        grouping: false,
        guidance: {
          do: 'Capture what to keep as well as what to change, and vote if there are many improvement ideas. Carry the chosen ones into the Actions step for owners and dates, and say how and when the team will hear what happened.',
          watchFor:
            'Only listing improvements and forgetting strengths. Actions that need a decision from someone outside the room; name who will raise it. Reviews that never lead to change, which stops people taking part.',
        },
      },
    ],
  },
  {
    id: 'critical-incident-questionnaire',
    name: 'Critical Incident Questionnaire',
    kind: 'group-format',
    source: { authors: 'Brookfield', year: '1995' },
    whenToUse:
      'At the end of a session, a teaching block or a series, to hear honestly what it was like to take part. Gives the facilitator anonymous evidence to adjust the next session; share a summary back with the group.',
    stages: [
      {
        id: 'most-engaged',
        title: 'Most engaged',
        prompts: ["At what point in today's session did you feel most absorbed or involved?"],
        timeboxMinutes: 3,
        visibility: 'anonymous',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Explain that the five questions are anonymous, short, and about specific moments, and that you will report back what you learn and what you will change. Give a few quiet minutes per question.',
          watchFor:
            'Small groups, where authors can be guessed from content or style; tell people plainly if the group is too small for anonymity to mean much. Anyone watching others write.',
        },
      },
      {
        id: 'most-distanced',
        title: 'Most distanced',
        prompts: ['When did you feel most switched off, or on the outside of what was going on?'],
        timeboxMinutes: 3,
        visibility: 'anonymous',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Reassure the group that critical answers are the most useful ones for improving the sessions. Do not comment on answers as they arrive.',
          watchFor:
            'Your own defensiveness as facilitator; read the answers later with curiosity. Answers that hint someone felt unsafe or excluded, which may need a general follow-up.',
        },
      },
      {
        id: 'most-affirming',
        title: 'Most affirming',
        prompts: ['What did anyone here do or say that you found most helpful or encouraging?'],
        timeboxMinutes: 3,
        visibility: 'anonymous',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Encourage people to describe the action rather than name the person, so that the notes stay about behaviour and anonymity is protected.',
          watchFor:
            'Notes that single out or rank individual colleagues. Notes that praise only the facilitator; the question covers anyone in the room.',
        },
      },
      {
        id: 'most-puzzling',
        title: 'Most puzzling',
        prompts: [
          'What did anyone here do or say that left you confused, or unsure why it happened?',
        ],
        timeboxMinutes: 3,
        visibility: 'anonymous',
        voting: false,
        grouping: false,
        guidance: {
          do: "Invite honest confusion about anything in the session, including the facilitator's choices. Treat these answers as signals of what needs explaining next time.",
          watchFor:
            'Puzzlement that points to a breach of confidentiality or a remark that hurt someone; address the issue with the whole group next time without hunting for authors.',
        },
      },
      {
        id: 'most-surprising',
        title: 'Most surprising',
        prompts: ['What caught you off guard today, about the session, the others or yourself?'],
        timeboxMinutes: 3,
        visibility: 'anonymous',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Close the writing time and thank people. Explain when and how you will share what the answers showed.',
          watchFor:
            'Surprise about personal reactions that may need support; signpost what is available without asking who wrote it.',
        },
      },
      {
        id: 'themes',
        title: 'What the answers tell us',
        prompts: [
          'Reading the answers together, what patterns stand out?',
          'What should change in how we run our next session?',
        ],
        timeboxMinutes: 10,
        visibility: 'anonymous',
        voting: true,
        grouping: true,
        guidance: {
          do: 'Group the answers into themes, either now or at the start of the next session. Vote on the changes the group most wants, say what you will do about them, and report back next time on what changed.',
          watchFor:
            'Guessing who wrote what. Dismissing a single dissenting answer; one honest note may speak for others. Promising changes that cannot be delivered.',
        },
      },
    ],
  },
  {
    id: 'case-discussion',
    name: 'Case discussion (Balint-style)',
    kind: 'group-format',
    source: { authors: 'after Balint', year: '1957' },
    whenToUse:
      'For a small, stable group (about 6 to 10) to explore the relationship between a professional and the person they care for or support, one case at a time. Allow 90 to 120 minutes; each case takes about 45 to 50, so repeat the case stages for a second case.',
    stages: [
      {
        id: 'choose-case',
        title: 'Choose a case',
        prompts: [
          "Who has a case they would like the group's help to think about?",
          'In a sentence, why this case, and why now?',
        ],
        timeboxMinutes: 5,
        visibility: 'named',
        voting: true,
        grouping: false,
        guidance: {
          do: 'Explain how the case will run: the presenter speaks from memory, the group asks only for facts, then reflects aloud while the presenter stays silent, and the presenter has the last word. Invite offers of a case in a sentence each; if there are several, vote, giving priority to the most pressing. Agree who presents next time.',
          watchFor:
            'The same people always presenting, or always declining. Cases offered out of duty rather than need. Online members joining from the workplace they are about to discuss.',
        },
      },
      {
        id: 'case-presentation',
        title: 'Case presentation',
        prompts: [
          'Presenter: tell us about the case from memory, without notes, leaving out anything that could identify the person.',
          'Listeners: jot down what strikes you as you listen, without comment for now.',
        ],
        timeboxMinutes: 10,
        visibility: 'hidden',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Let the presenter speak without interruption, from memory rather than records, so that what they remember and how they tell it become part of the material. Listeners write privately.',
          watchFor:
            'Names, ages with dates, addresses, rare conditions or other details that could identify the person: pause and ask for them to be left out. Interruptions. A presenter who becomes distressed.',
        },
      },
      {
        id: 'clarifying-questions',
        title: 'Clarifying questions',
        prompts: [
          'What factual detail would help you understand the case better?',
          'What is unclear to you about what happened or who was involved?',
        ],
        timeboxMinutes: 8,
        visibility: 'named',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Clarifying questions only: short questions of fact that the presenter can answer briefly. Stop any question that interprets, judges or suggests what the presenter should do, and hold it for the reflection stage.',
          watchFor:
            'Advice disguised as a question ("Did you think of...?"). Questions that probe for identifying details. A presenter feeling cross-examined.',
        },
      },
      {
        id: 'silent-writing',
        title: 'Silent writing',
        prompts: [
          'What do you imagine the person at the centre of the case was feeling or needing?',
          'What feelings did the case stir in you as you listened?',
        ],
        timeboxMinutes: 5,
        visibility: 'hidden',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Ask everyone except the presenter to write silently, so that each person forms their own response before the discussion. Reveal all notes together at the end of the stage.',
          watchFor:
            'People waiting to see what others write. Notes that jump straight to solutions; remind the group the aim is to understand, not to fix.',
        },
      },
      {
        id: 'group-reflection',
        title: 'Group reflection',
        prompts: [
          'What do you notice about the relationship between the professional and the person in the case?',
          'What might be going on that has not been said?',
        ],
        timeboxMinutes: 20,
        visibility: 'anonymous',
        voting: false,
        grouping: true,
        guidance: {
          do: 'The presenter listens and does not reply; they may move their chair back a little. The group speculates freely about feelings, the relationship and what is unspoken, using the revealed notes as a starting point. Group related notes as themes emerge.',
          watchFor:
            'Advice-giving and problem-solving; steer back to understanding. The presenter being drawn in to defend or explain. Criticism of the presenter. A few voices dominating; invite quieter members.',
        },
      },
      {
        id: 'presenter-response',
        title: "Presenter's response",
        prompts: ['Presenter: what struck you as you listened, and has anything shifted for you?'],
        timeboxMinutes: 7,
        visibility: 'named',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Invite the presenter back in to say what resonated, what did not, and what they are taking away. The group listens; there is no need for the presenter to respond to every point.',
          watchFor:
            'The group restarting the discussion or pressing the presenter to agree. A presenter who seems unsettled; check in with them after the session.',
        },
      },
      {
        id: 'learning',
        title: 'Learning from the case',
        prompts: [
          'What has this case taught us about working with people in similar situations?',
          'What, if anything, would we want to act on as a team?',
        ],
        timeboxMinutes: 6,
        visibility: 'hidden',
        voting: false,
        grouping: true,
        guidance: {
          do: 'Ask for de-identified learning points, written silently, then grouped. Not every case needs an action; learning is enough. Anything the team does want to act on goes into the Actions step that follows.',
          watchFor:
            'Actions imposed on the presenter by the group. Any risk of harm identified during the case, which needs the safeguarding lead today, not an action for next time.',
        },
      },
    ],
  },
  {
    id: 'action-learning-set',
    name: 'Action learning set',
    kind: 'group-format',
    source: { authors: 'after Revans', year: '' },
    whenToUse:
      'For a small set of about six people meeting regularly over months, where each member brings a real work problem and leaves with their own actions. Questions, not advice, do the work. Repeat the airtime stages for each presenter.',
    stages: [
      {
        id: 'report-back',
        title: 'Report back on actions',
        prompts: [
          'What did you do about the actions you committed to last time, and what happened?',
          'What did you learn from doing it, or from not doing it?',
        ],
        timeboxMinutes: 15,
        visibility: 'named',
        voting: false,
        grouping: false,
        guidance: {
          do: "Go round each member in turn for a brief update on last time's commitments. Treat actions not taken as learning too. This accountability is what makes the set work.",
          watchFor:
            'Updates that turn into new presentations; note them as bids for airtime. Members apologising rather than reflecting on what got in the way.',
        },
      },
      {
        id: 'bids',
        title: 'Bids for airtime',
        prompts: ["What issue would you like the set's time on today, and how pressing is it?"],
        timeboxMinutes: 5,
        visibility: 'named',
        voting: true,
        grouping: false,
        guidance: {
          do: 'Ask each member who wants airtime to state their issue in one line. Agree the order and how much time each presenter gets; vote if time is short.',
          watchFor:
            'The same people always taking airtime. Issues that belong to someone else, not the presenter; airtime works best on a problem the presenter can act on.',
        },
      },
      {
        id: 'airtime',
        title: "Presenter's airtime",
        prompts: [
          'Presenter: describe your issue, what you have tried so far, and what you want from the set.',
          'Set members: listen without interrupting and note the questions that come to mind.',
        ],
        timeboxMinutes: 10,
        visibility: 'hidden',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Give the presenter uninterrupted time. Set members note questions privately; nobody speaks until the presenter has finished.',
          watchFor:
            "Interruptions, nods of agreement that steer the story, or sighs. Identifying details about service users or colleagues in the presenter's account.",
        },
      },
      {
        id: 'clarifying-questions',
        title: 'Clarifying questions',
        prompts: ['What fact or piece of context would help you understand the issue?'],
        timeboxMinutes: 8,
        visibility: 'named',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Invite short factual questions, one at a time, so that the set understands the situation before going deeper. Let the presenter answer briefly.',
          watchFor:
            "Too many questions at once. Questions driven by the asker's curiosity rather than the presenter's need.",
        },
      },
      {
        id: 'reflective-questions',
        title: 'Reflective questions',
        prompts: [
          'What question might help the presenter see the issue differently, or notice their own assumptions?',
        ],
        timeboxMinutes: 12,
        visibility: 'named',
        voting: false,
        grouping: false,
        guidance: {
          do: "Encourage open questions about feelings, assumptions, values and other people's perspectives. Leave silence after each question; the presenter's thinking time matters more than the next question.",
          watchFor:
            'Advice disguised as questions ("Have you tried...?", "Wouldn\'t it be better to...?"); name it kindly and ask for it to be rephrased. Members sharing their own stories at length.',
        },
      },
      {
        id: 'action-questions',
        title: 'Action questions',
        prompts: ['What question might help the presenter find their own next step?'],
        timeboxMinutes: 10,
        visibility: 'named',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Move to questions about options, resources, obstacles and first steps. The presenter decides; the set only asks.',
          watchFor:
            'The set steering the presenter towards its preferred solution. Pressure to decide before the presenter is ready.',
        },
      },
      {
        id: 'commitments',
        title: 'Presenter commits to actions',
        prompts: [
          'Presenter: what will you do before we next meet, and how will you know it is done?',
        ],
        timeboxMinutes: 5,
        visibility: 'named',
        voting: false,
        grouping: false,
        guidance: {
          do: "Ask the presenter to state their actions in their own words; the set does not add to them. They are recorded under the presenter's name in the Actions step, and the presenter reports back on them at the next meeting.",
          watchFor:
            'Actions the set has chosen rather than the presenter. Commitments that are too big for the time before the next meeting.',
        },
      },
      {
        id: 'process-review',
        title: 'How we worked as a set',
        prompts: [
          'How well did we question, rather than advise, today?',
          'What should we do differently as a set next time?',
        ],
        timeboxMinutes: 5,
        visibility: 'anonymous',
        voting: false,
        grouping: false,
        guidance: {
          do: "Review the set's process, not the content of the issues. Use what comes up to agree one improvement to how the set works next time.",
          watchFor:
            'Skipping this stage when time is short; it is how the set gets better at questioning. Concerns about confidentiality, which need addressing openly.',
        },
      },
    ],
  },
  {
    id: 'story-rounds',
    name: 'Story rounds',
    kind: 'group-format',
    source: { authors: 'Staff storytelling forum practice', year: '' },
    whenToUse:
      "For a large, mixed staff audience (up to around 100) to hear three or four colleagues' short stories about the human side of the work and respond with empathy, in about an hour. It is not for solving problems and not therapy; it needs trained facilitators and a confidential space.",
    stages: [
      {
        id: 'panel-stories',
        title: "Panellists' stories",
        prompts: ['As you listen, which moment in the stories stays with you?'],
        timeboxMinutes: 20,
        visibility: 'hidden',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Introduce the theme and the panellists, and say plainly that this hour is for listening and reflecting, not for solving problems and not therapy. Each panellist tells a short, prepared story about the human side of their work, uninterrupted. The audience listens and may jot private notes.',
          watchFor:
            'A panellist becoming distressed; be ready to pause and support them. Stories that drift into identifying patients, service users or colleagues.',
        },
      },
      {
        id: 'quiet-reflection',
        title: 'Quiet reflection',
        prompts: ['What did the stories stir in you, or remind you of from your own work?'],
        timeboxMinutes: 5,
        visibility: 'hidden',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Give a few minutes of quiet before the discussion so that people can notice their own response, then reveal the notes so that the room can see it is not alone.',
          watchFor:
            'People who are visibly affected; make sure support staff or co-facilitators are available to step out with them.',
        },
      },
      {
        id: 'open-discussion',
        title: 'Open discussion',
        prompts: [
          'What resonates with your own experience of this work?',
          'What would you like to say to the panellists?',
        ],
        timeboxMinutes: 20,
        visibility: 'anonymous',
        voting: false,
        grouping: true,
        guidance: {
          do: 'Open the floor to reflections, questions and appreciation for the panellists. Read out anonymous notes so that people who would not speak in a large room are still heard, and group them loosely as common threads appear. Close by summarising the threads without drawing conclusions, and follow up with each panellist afterwards.',
          watchFor:
            "The discussion turning to fixing problems, critiquing a panellist's decisions, or offering therapy; gently bring it back to shared experience. Senior voices taking over. Identifying details about anyone not present.",
        },
      },
    ],
  },
];
