import type { ReflectionModel } from './model.ts';

/**
 * Reflective models from the literature. Stage structure and attribution follow the published
 * sources; every prompt and every piece of guidance is our own wording.
 */
export const reflectiveModels: readonly ReflectionModel[] = [
  {
    id: 'gibbs',
    name: "Gibbs' reflective cycle",
    kind: 'reflective-model',
    source: { authors: 'Gibbs', year: '1988' },
    whenToUse:
      'A thorough walk through one significant experience, from the facts to a plan, when the group has time to stay with feelings before judging. Suits a single event in care, teaching or a project.',
    stages: [
      {
        id: 'description',
        title: 'Description',
        prompts: [
          'What happened, in the order it happened? Keep to what you saw and heard.',
          'Who was involved (by role, not by name), and where and when did it take place?',
        ],
        timeboxMinutes: 10,
        visibility: 'hidden',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Ask everyone to write their own account silently before anyone speaks, then reveal the notes together. If one person is presenting, let them describe it without interruption. Keep to the sequence of events: judgements and explanations come in later stages.',
          watchFor:
            'Names, dates, room or bed numbers and other details that could identify a patient, service user, pupil or colleague: ask people to edit them out. Early verdicts or blame slipping into the account; park them kindly for later.',
        },
      },
      {
        id: 'feelings',
        title: 'Feelings',
        prompts: [
          'Which emotions did you notice in yourself while it was happening, and did they shift as it went on?',
          'What was going through your mind at the time?',
          'How do you feel about it now, looking back?',
        ],
        timeboxMinutes: 10,
        visibility: 'anonymous',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Say plainly that there is no right or wrong feeling. Anonymity here lets people name fear, anger, guilt or relief without being judged. Read a few notes aloud with care and acknowledge them before moving on; do not analyse them yet.',
          watchFor:
            'Distress: if someone is shaken, slow down, offer a pause and check in privately afterwards. Others arguing with a feeling or explaining it away. Signpost support (line manager, supervisor, employee assistance, occupational health) when it is needed.',
        },
      },
      {
        id: 'evaluation',
        title: 'Evaluation',
        prompts: [
          'What went well, even in small ways?',
          'What went less well, or not as anyone hoped?',
        ],
        timeboxMinutes: 10,
        visibility: 'anonymous',
        voting: false,
        grouping: true,
        guidance: {
          do: 'Collect both sides before discussing either. Encourage people to name strengths as precisely as difficulties so that the picture is balanced. Cluster similar notes into a few themes for the analysis that follows.',
          watchFor:
            'Blame of an individual or another team: bring the focus back to what happened and the conditions around it. A senior voice settling the verdict early. A list that is all negatives, or all positives.',
        },
      },
      {
        id: 'analysis',
        title: 'Analysis',
        prompts: [
          'Why do you think things unfolded the way they did? What helped, and what got in the way?',
          'What from training, guidance, research or past experience helps make sense of it?',
        ],
        timeboxMinutes: 20,
        visibility: 'hidden',
        voting: true,
        grouping: true,
        guidance: {
          do: 'Give a few minutes of silent writing, then reveal and group the notes into themes. Ask the group to vote on the explanations that matter most and spend most of the time on the top two or three. Bring in policy, evidence or theory where it helps.',
          watchFor:
            'Jumping to solutions before the causes are understood. One confident explanation closing down the others. Hierarchy: people deferring to managers or senior clinicians; invite quieter members to speak first. Analysis turning into fault-finding about one person.',
        },
      },
      {
        id: 'conclusion',
        title: 'Conclusion',
        prompts: [
          'What has this taught you about yourself, the team or the way we work?',
          'Looking back, what else could have been done, and what would it have taken?',
        ],
        timeboxMinutes: 10,
        visibility: 'hidden',
        voting: false,
        grouping: true,
        guidance: {
          do: 'Ask each person to write one or two learning points, then draw together what the group has concluded. Separate general learning from what was specific to this one event.',
          watchFor:
            'Hindsight bias: what looks obvious now was not obvious then. Conclusions that only ask people to try harder rather than looking at systems, workload and resources. People restating earlier points instead of drawing them together.',
        },
      },
      {
        id: 'action-plan',
        title: 'Action plan',
        prompts: [
          'If something like this happened again, what would you do differently, and what would you keep?',
          'Which of these ideas should we act on first, and why?',
        ],
        timeboxMinutes: 10,
        visibility: 'named',
        voting: true,
        grouping: false,
        guidance: {
          do: 'Gather what people would change and what they would keep, and let the group vote if there are more ideas than capacity. The chosen ideas go into the Actions step that follows, each with an owner and a date, to be reviewed at the start of the next session.',
          watchFor:
            'Vague actions that nobody owns, or more actions than anyone can follow through. Work landing on the most junior person by default. A safeguarding concern belongs with the safeguarding lead straight away, not on an action list.',
        },
      },
    ],
  },
  {
    id: 'kolb',
    name: "Kolb's experiential learning cycle",
    kind: 'reflective-model',
    source: { authors: 'Kolb', year: '1984' },
    whenToUse:
      'When the group wants to turn an experience into something to try out in practice, then come back and learn from the trial. Good for teams testing new ways of working over several sessions.',
    stages: [
      {
        id: 'concrete-experience',
        title: 'Concrete experience',
        prompts: [
          'Describe the experience as you lived it: what did you do, see and hear?',
          'What was the first thing that struck you about it?',
        ],
        timeboxMinutes: 10,
        visibility: 'hidden',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Choose one shared experience, or let each person pick their own. Ask for direct, first-hand detail rather than summaries or conclusions, written silently first so that every account is captured before discussion.',
          watchFor:
            'People describing what ought to have happened rather than what did. Identifying details of the people we support, or of colleagues outside the room; ask for roles, not names.',
        },
      },
      {
        id: 'reflective-observation',
        title: 'Reflective observation',
        prompts: [
          'Stepping back, what do you notice now that you missed at the time?',
          'How might it have looked from another position, such as a colleague, a learner or the person receiving support?',
        ],
        timeboxMinutes: 15,
        visibility: 'hidden',
        voting: false,
        grouping: true,
        guidance: {
          do: 'Invite people to look at the experience from several viewpoints. After the reveal, group the observations and read out the ones that differ most from each other; differences are where the learning usually is.',
          watchFor:
            'Premature explanations ("it was because..."); keep the group observing for now. One account becoming the official version. Speaking for service users or pupils as if we knew their view for certain.',
        },
      },
      {
        id: 'abstract-conceptualisation',
        title: 'Abstract conceptualisation',
        prompts: [
          'What pattern, principle or idea could explain what happened?',
          'What general lesson would you offer a colleague facing something similar?',
        ],
        timeboxMinutes: 20,
        visibility: 'hidden',
        voting: true,
        grouping: true,
        guidance: {
          do: 'Help the group move from this one case to an idea that travels: a rule of thumb, a model, something from research or guidance. Group similar ideas and vote on the one or two most worth testing in practice.',
          watchFor:
            'Theory that floats free of the experience; keep asking how it fits what actually happened. Jargon that shuts out newer or non-clinical members. A senior person declaring the answer before others have written.',
        },
      },
      {
        id: 'active-experimentation',
        title: 'Active experimentation',
        prompts: [
          'What will you try differently, and in which situation?',
          'How will we know whether it worked, and when will we look back at it together?',
        ],
        timeboxMinutes: 15,
        visibility: 'named',
        voting: true,
        grouping: false,
        guidance: {
          do: 'Invite small, safe experiments and vote on the ones to run. Frame them as trials, so that a result that does not work out still counts as learning. In the Actions step, give each a named person and a date to report back.',
          watchFor:
            'Experiments that would bypass policy or put people at risk; check that anything affecting care or safety has the right approval. Over-ambitious plans. Actions with no owner.',
        },
      },
    ],
  },
  {
    id: 'what-so-what-now-what',
    name: 'What? So what? Now what?',
    kind: 'reflective-model',
    source: { authors: 'Borton; Driscoll', year: '1970; 1994/2007' },
    whenToUse:
      'The simplest structure and a good default: quick to explain, and it works for a short huddle or a full session. Use it when the group is new to reflection or time is short.',
    stages: [
      {
        id: 'what',
        title: 'What?',
        prompts: [
          'What happened? Sketch the situation briefly, leaving out names and identifying details.',
          'What part did you play, and what did you notice?',
        ],
        timeboxMinutes: 15,
        visibility: 'hidden',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Explain the three questions in one sentence each, then give a few minutes of silent writing on this one. Reveal the notes and let the group build a shared picture of the situation before anyone interprets it.',
          watchFor:
            'Details that could identify a patient, client, pupil or family: ask the author to edit the note. Long stories that crowd out others; one or two notes each is enough to start.',
        },
      },
      {
        id: 'so-what',
        title: 'So what?',
        prompts: [
          'Why does this matter, to you, to the people we support or to the team?',
          'What does it tell us about how we work, and what have we learned from it?',
        ],
        timeboxMinutes: 20,
        visibility: 'hidden',
        voting: true,
        grouping: true,
        guidance: {
          do: 'Silent writing first, then reveal and cluster the notes into themes. Ask the group to vote on the themes they most want to understand, and spend the discussion on those. Invite feelings as well as analysis.',
          watchFor:
            'Drifting into fixing things before the meaning is clear. A few voices dominating: go round the room or read notes aloud so quieter people are heard. Blame of a person rather than curiosity about what happened.',
        },
      },
      {
        id: 'now-what',
        title: 'Now what?',
        prompts: [
          'What will we do differently, starting with the next time this comes up?',
          'Which one step would make the biggest difference, and who will take it?',
        ],
        timeboxMinutes: 15,
        visibility: 'named',
        voting: true,
        grouping: false,
        guidance: {
          do: 'Gather ideas for action and vote if there are more than the team can take on. Carry the top ideas into the Actions step, where each gets an owner and a date, and say when the group will check on progress.',
          watchFor:
            'Actions that are wishes ("communicate better") rather than steps. Everything falling to the same willing person. Concerns about someone\'s safety, which go to the safeguarding lead now rather than waiting for an action.',
        },
      },
    ],
  },
  {
    id: 'rolfe',
    name: 'Rolfe et al. reflective framework',
    kind: 'reflective-model',
    source: { authors: 'Rolfe, Freshwater & Jasper', year: '2001' },
    whenToUse:
      'A fuller version of the three questions, for when the group needs to look closely at its own part in a problem and weigh the likely consequences of what it does next.',
    stages: [
      {
        id: 'what',
        title: 'What?',
        prompts: [
          'What was the problem or difficulty, as you understood it at the time?',
          'What was your role in it, and what were you trying to achieve?',
          'What were the consequences, for the person we support, for you and for others?',
        ],
        timeboxMinutes: 15,
        visibility: 'hidden',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Ask people to write silently about the problem, their own role and the consequences, one note for each if that helps. Reveal together and check the group agrees on what the problem actually was before going further.',
          watchFor:
            "People describing others' roles and not their own. Consequences for service users told in identifying detail; remind the group to de-identify. Defensiveness if someone feels their part is under scrutiny.",
        },
      },
      {
        id: 'so-what',
        title: 'So what?',
        prompts: [
          'What does this tell you about your knowledge, your relationships and your ways of working?',
          'What do you understand now that you did not understand before?',
        ],
        timeboxMinutes: 25,
        visibility: 'hidden',
        voting: true,
        grouping: true,
        guidance: {
          do: 'After silent writing, group the notes and vote on the insights that most change how people see the situation. Push gently for the new understanding, not just a restatement of the problem. Draw on evidence and guidance where relevant.',
          watchFor:
            "Insights that stay general and safe; ask what is different now. Managers' views carrying extra weight. Someone carrying the whole weight of a system problem personally; name the conditions as well as the choices.",
        },
      },
      {
        id: 'now-what',
        title: 'Now what?',
        prompts: [
          'What needs to happen to improve things or resolve the situation?',
          'If you do that, what is likely to follow, and what could get in the way?',
        ],
        timeboxMinutes: 20,
        visibility: 'named',
        voting: true,
        grouping: false,
        guidance: {
          do: 'Collect options and vote on the favourites, then ask the group to think through the likely consequences and obstacles of each before committing. Note what the group will look for to know it has helped; owners and dates follow in the Actions step.',
          watchFor:
            'Commitments made without thinking through side effects or workload. Actions that need someone outside the room to agree; name who will ask them. Anything that suggests risk of harm goes through safeguarding routes, not the action list.',
        },
      },
    ],
  },
  {
    id: 'johns',
    name: "Johns' structured reflection",
    kind: 'reflective-model',
    source: { authors: 'Johns, after Carper', year: '1995/2000' },
    whenToUse:
      'For a deeper, more personal reflection on a significant piece of practice, when there is time and enough trust for people to look at their own values and emotions. Suits experienced groups and professional supervision.',
    stages: [
      {
        id: 'looking-in',
        title: 'Looking in',
        prompts: [
          'As you recall this experience, what thoughts and feelings come up for you now?',
          'What are you bringing into the room today that might colour how you see it?',
        ],
        timeboxMinutes: 8,
        visibility: 'anonymous',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Start quietly. Give people a minute to settle and notice their own reactions before any description. Acknowledge what is written without comment; this stage is about self-awareness, not discussion.',
          watchFor:
            'Someone who finds recalling the experience distressing; offer them the option to observe rather than write, and check in afterwards. Pressure to share more than a person chooses.',
        },
      },
      {
        id: 'description',
        title: 'Description',
        prompts: [
          'Tell the story of the experience in a few lines, as plainly as you can.',
          'Which part of it feels most important to reflect on today?',
        ],
        timeboxMinutes: 10,
        visibility: 'hidden',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Ask for a short, plain account, written silently, then revealed. Help the group agree which part of the experience to focus on for the rest of the session.',
          watchFor:
            'Names and identifying details of the people involved; prompt for de-identification. A description already loaded with judgement; ask what was actually seen and said.',
        },
      },
      {
        id: 'aesthetics',
        title: 'Aesthetics: the art of what we did',
        prompts: [
          'What were you aiming for in that moment, and how did you go about it?',
          'How did you read what the other person needed, and what gave you that sense?',
        ],
        timeboxMinutes: 10,
        visibility: 'hidden',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Explain that this stage is about the craft of practice: the skilled, often intuitive judgements people make in the moment. Help authors put into words how they sensed what was needed and chose a response.',
          watchFor:
            'Self-criticism crowding out curiosity; ask what the person did skilfully as well. Group members rushing to say what they would have done instead.',
        },
      },
      {
        id: 'personal',
        title: 'Personal: what it stirred in me',
        prompts: [
          'What was it about you (your history, mood or values) that shaped how you responded?',
          'What made this easier or harder for you personally?',
        ],
        timeboxMinutes: 10,
        visibility: 'anonymous',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Keep this stage anonymous so people can be candid about what is personal. Read notes aloud gently and invite the group to notice common threads without asking who wrote what.',
          watchFor:
            'Disclosure that goes beyond what is safe in a group; thank the person and offer a private follow-up. Anyone trying to guess authors. Signs of burnout or vicarious trauma that need signposting to support.',
        },
      },
      {
        id: 'ethics',
        title: 'Ethics: what was right',
        prompts: [
          'Did what you did fit with what you believe is right? Where did it sit uneasily?',
          'Whose interests were you weighing up, and did any of them pull against each other?',
        ],
        timeboxMinutes: 10,
        visibility: 'hidden',
        voting: false,
        grouping: true,
        guidance: {
          do: "Name the tensions the group identifies: between autonomy and safety, policy and individual need, a colleague's wishes and a service user's. Group notes by the values in tension rather than by who was right.",
          watchFor:
            'Moralising or judging individuals. Issues that point to a professional conduct or safeguarding concern; these need the right route outside the group, and the facilitator should say so.',
        },
      },
      {
        id: 'empirics',
        title: 'Empirics: what we knew',
        prompts: [
          'What evidence, guidance, training or policy did you draw on, or could you have?',
          'Where were the gaps in what you knew at the time?',
        ],
        timeboxMinutes: 10,
        visibility: 'hidden',
        voting: false,
        grouping: true,
        guidance: {
          do: 'Collect the knowledge sources people used or missed and group them. Note any gaps the team could close through training, a shared resource or a conversation with a specialist.',
          watchFor:
            'Embarrassment about not knowing something; make gaps normal and useful. The discussion becoming a lecture from the most qualified person.',
        },
      },
      {
        id: 'reflexivity',
        title: 'Reflexivity: what now',
        prompts: [
          'How does this link with other times you have been in a similar position?',
          'What would you do next time, and what difference might it make?',
          'What support would help you, or others, handle this kind of situation well?',
        ],
        timeboxMinutes: 15,
        visibility: 'named',
        voting: true,
        grouping: false,
        guidance: {
          do: 'Help people connect this experience with earlier ones and name what they would do next time. Vote on the support or changes the group most wants, and agree who will follow each one up.',
          watchFor:
            'Ending on a heavy note without any sense of support. Individuals committing to change alone when the issue is a team or system one.',
        },
      },
    ],
  },
  {
    id: 'atkins-murphy',
    name: 'Atkins & Murphy model of reflection',
    kind: 'reflective-model',
    source: { authors: 'Atkins & Murphy', year: '1993' },
    whenToUse:
      'When something left people uneasy and the group wants to question its assumptions rather than simply agree a fix. Good for incidents that challenged values or expectations.',
    stages: [
      {
        id: 'awareness',
        title: 'Awareness',
        prompts: [
          'What left you feeling uncomfortable, unsettled or surprised?',
          'When did you first notice that feeling?',
        ],
        timeboxMinutes: 8,
        visibility: 'anonymous',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Open by naming discomfort as a useful starting point for learning, not a failing. Keep notes anonymous so that uneasy feelings can be written honestly, and read a selection aloud.',
          watchFor:
            "Unease about someone's safety or welfare, which may need a safeguarding response rather than reflection. People who seem distressed; offer a pause.",
        },
      },
      {
        id: 'describe',
        title: 'Describe the situation',
        prompts: [
          'Set out what happened, including the key moments and what was going through your mind.',
          'What were the most important features of the situation?',
        ],
        timeboxMinutes: 12,
        visibility: 'hidden',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Ask for the salient events and the thoughts that went with them, written silently and then revealed. Help the group see the situation in the round before analysing it.',
          watchFor:
            'Accounts that include identifiable details of people receiving care; ask for them to be removed. Interruptions that turn description into debate.',
        },
      },
      {
        id: 'critical-analysis',
        title: 'Critical analysis',
        prompts: [
          'What assumptions were you, or the team, making? Which of them still hold up?',
          'What knowledge was relevant, and what other ways of acting were open to you?',
        ],
        timeboxMinutes: 20,
        visibility: 'hidden',
        voting: true,
        grouping: true,
        guidance: {
          do: "Encourage the group to question assumptions openly, including the team's habits and unwritten rules. Group the notes, vote on the assumptions most worth challenging, and explore alternatives for those.",
          watchFor:
            'Challenge that becomes personal criticism. Hierarchy: newer staff may see assumptions clearly but hesitate to name them in front of seniors. Defending current practice by reflex.',
        },
      },
      {
        id: 'new-perspective',
        title: 'New perspective',
        prompts: [
          'How do you see the situation now, compared with before?',
          'Which of the alternatives we discussed seems most worth carrying forward, and why?',
        ],
        timeboxMinutes: 12,
        visibility: 'hidden',
        voting: false,
        grouping: true,
        guidance: {
          do: 'Ask each person to write how their view has changed. Reveal and group the new perspectives, and check whether the evidence discussed earlier supports them.',
          watchFor:
            'Agreement for the sake of closure; it is fine for perspectives to differ. People feeling they must have changed their mind to have reflected well.',
        },
      },
      {
        id: 'identify-learning',
        title: 'Identify learning',
        prompts: [
          'What have you learned that you will take into your practice?',
          'What will you do as a result, and by when?',
        ],
        timeboxMinutes: 13,
        visibility: 'named',
        voting: true,
        grouping: false,
        guidance: {
          do: 'Invite named learning points so they can be followed up and, if people wish, used as evidence for revalidation or CPD. Vote on which shared learning to act on, and take it into the Actions step.',
          watchFor:
            'Learning stated so generally that it cannot be acted on. Pressure to name an action when an individual needs more time to think.',
        },
      },
    ],
  },
  {
    id: 'era',
    name: 'ERA cycle: Experience, Reflection, Action',
    kind: 'reflective-model',
    source: { authors: 'Jasper', year: '2003/2013' },
    whenToUse:
      'A light, quick cycle for busy teams and people new to reflection, such as a short session after a shift or a lesson. It keeps the path from experience to action short.',
    stages: [
      {
        id: 'experience',
        title: 'Experience',
        prompts: [
          'Which experience from the past few weeks would be useful to reflect on together?',
          'What happened, in a few plain sentences?',
        ],
        timeboxMinutes: 8,
        visibility: 'hidden',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Let people suggest experiences silently, reveal them, and agree one to work on (or let each person work on their own). Keep the description short; most of the time belongs to reflection.',
          watchFor:
            'Choosing the most dramatic story over the most useful one. Identifying details; remind the group to describe people by role only.',
        },
      },
      {
        id: 'reflection',
        title: 'Reflection',
        prompts: [
          'What sense do you make of it now? What was going on beneath the surface?',
          'How did it affect you, and what does it reveal about our practice?',
        ],
        timeboxMinutes: 17,
        visibility: 'hidden',
        voting: true,
        grouping: true,
        guidance: {
          do: 'Silent writing, then reveal and cluster. Ask the group to vote on the insights most worth acting on. Keep the conversation curious, and bring in feelings as well as reasons.',
          watchFor:
            'Skipping reflection to get to a fix. One or two people doing all the talking; invite others by reading their notes aloud. Blame of colleagues who are not present.',
        },
      },
      {
        id: 'action',
        title: 'Action',
        prompts: [
          'What will you do, change or keep doing as a result?',
          'What is the first step, and who can help with it?',
        ],
        timeboxMinutes: 10,
        visibility: 'named',
        voting: true,
        grouping: false,
        guidance: {
          do: 'Narrow the ideas to a small number of concrete actions, voting if needed, and name a first step for each. Owners and dates go into the Actions step, and the group revisits them at the start of the next session.',
          watchFor:
            'Too many actions for a busy team to carry. Actions that depend on people outside the room without anyone agreeing to ask them.',
        },
      },
    ],
  },
  {
    id: 'diep',
    name: 'DIEP: Describe, Interpret, Evaluate, Plan',
    kind: 'reflective-model',
    source: { authors: 'after Boud, Keogh & Walker', year: '1985' },
    whenToUse:
      'A compact four-step structure that moves from facts to meaning to judgement to a plan. Easy for students and new staff, and it works for written reflections as well as group sessions.',
    stages: [
      {
        id: 'describe',
        title: 'Describe',
        prompts: [
          'Describe the situation objectively: what happened, where, and who was involved (by role only)?',
        ],
        timeboxMinutes: 10,
        visibility: 'hidden',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Ask for facts only at this point, written silently and then revealed. If accounts differ, note the differences without resolving them yet.',
          watchFor:
            'Opinions disguised as facts ("she was being difficult"); ask what was actually observed. Names or details that could identify someone.',
        },
      },
      {
        id: 'interpret',
        title: 'Interpret',
        prompts: [
          'What do you think was going on, and why might it have happened that way?',
          'What did the experience mean to you?',
        ],
        timeboxMinutes: 15,
        visibility: 'hidden',
        voting: false,
        grouping: true,
        guidance: {
          do: 'Invite several possible interpretations and group them. Encourage people to hold more than one explanation at once, and to link them to what they know from training or experience.',
          watchFor:
            'The first interpretation becoming the only one. Interpretations about the motives of a service user or colleague stated as certainties.',
        },
      },
      {
        id: 'evaluate',
        title: 'Evaluate',
        prompts: [
          'How well was it handled, and what would you judge differently now?',
          'What was the value of the experience for your learning?',
        ],
        timeboxMinutes: 15,
        visibility: 'anonymous',
        voting: true,
        grouping: true,
        guidance: {
          do: 'Keep judgements anonymous so people can be frank about what did not work. Group them, then vote on what matters most for the plan.',
          watchFor:
            "Evaluation sliding into blame. Harsh self-judgement; balance it by asking what went well. A senior person's verdict ending the discussion.",
        },
      },
      {
        id: 'plan',
        title: 'Plan',
        prompts: [
          'How will you use this learning in future?',
          'What specific change will you make, and what will you need to make it happen?',
        ],
        timeboxMinutes: 10,
        visibility: 'named',
        voting: true,
        grouping: false,
        guidance: {
          do: 'Help each person or the team turn the evaluation into a specific plan, and vote on shared plans. Ask what support or resources each plan needs; record them with the owner and date in the Actions step.',
          watchFor:
            'Plans that rely on individual effort alone when the problem sits in the system. Plans nobody has time for.',
        },
      },
    ],
  },
  {
    id: 'brookfield-four-lenses',
    name: "Brookfield's four lenses",
    kind: 'reflective-model',
    source: { authors: 'Brookfield', year: '1995/2017' },
    whenToUse:
      'When the group wants to test its assumptions about a practice by looking at it from several angles: personal experience, the people we serve, colleagues and research. Useful for teaching, service design and recurring dilemmas.',
    stages: [
      {
        id: 'autobiographical',
        title: 'Our own experience',
        prompts: [
          'What in your own experience, as a learner, patient, client or user of services, shapes how you see this?',
          'What assumptions are you bringing to it?',
        ],
        timeboxMinutes: 10,
        visibility: 'hidden',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Name the practice or dilemma under discussion in one sentence. Ask people to write silently about how their own experiences shape their view, then reveal.',
          watchFor:
            'Personal experiences that are painful to recall; let people choose what to share. Assumptions presented as simple facts.',
        },
      },
      {
        id: 'service-users',
        title: 'Through the eyes of those we serve',
        prompts: [
          'How might the people we teach or support see this? What have they actually told us?',
          'What might surprise us if we asked them directly?',
        ],
        timeboxMinutes: 15,
        visibility: 'hidden',
        voting: false,
        grouping: true,
        guidance: {
          do: 'Bring in real feedback where it exists (surveys, complaints, compliments, comments) and separate it from what the group imagines. Group notes by theme.',
          watchFor:
            'Speaking for service users or learners without evidence. Quoting feedback in a way that identifies its author; summarise instead. Dismissing uncomfortable feedback.',
        },
      },
      {
        id: 'colleagues',
        title: "Through colleagues' eyes",
        prompts: [
          'What do colleagues notice about this practice that we might not see ourselves?',
          'Where do our views differ across roles or teams?',
        ],
        timeboxMinutes: 15,
        visibility: 'hidden',
        voting: false,
        grouping: true,
        guidance: {
          do: 'Invite perspectives from each role in the room and, where possible, from colleagues outside it. Group the notes and highlight differences between roles as a source of learning.',
          watchFor:
            "Hierarchy: one profession's view treated as the authoritative one. Complaints about absent colleagues rather than perspectives on the practice.",
        },
      },
      {
        id: 'theory',
        title: 'Theory and research',
        prompts: [
          'What does research, theory or professional guidance say that confirms or challenges our view?',
          'Which source would be worth reading or sharing with the team?',
        ],
        timeboxMinutes: 10,
        visibility: 'hidden',
        voting: false,
        grouping: true,
        guidance: {
          do: 'Gather what the group knows from research, theory and guidance, and note where it fits or contradicts the other three lenses. Record sources worth following up.',
          watchFor:
            'Theory used to win arguments rather than to illuminate. Members who feel they lack academic knowledge holding back; value practice wisdom too.',
        },
      },
      {
        id: 'synthesis',
        title: 'Bringing the lenses together',
        prompts: [
          'Looking across the four lenses, which of our assumptions now looks shaky?',
          'What will we try or check next, and who will do it?',
        ],
        timeboxMinutes: 10,
        visibility: 'named',
        voting: true,
        grouping: false,
        guidance: {
          do: 'Ask the group to compare what each lens showed, vote on the assumption most worth testing, and agree a named action to test or check it.',
          watchFor:
            'Confirming what the group already believed and calling it reflection. Actions without an owner or a date.',
        },
      },
    ],
  },
  {
    id: 'schon',
    name: 'Reflection in and on action',
    kind: 'reflective-model',
    source: { authors: 'Schön', year: '1983' },
    whenToUse:
      'When the group wants to look at the judgements people make on their feet, not only after the event. Helps make experienced, unspoken know-how visible and shareable.',
    stages: [
      {
        id: 'reflection-in-action',
        title: 'Reflection in action',
        prompts: [
          'Think of a moment when things did not go to plan and you adjusted as it happened. What did you notice, and what did you change?',
          'What told you, in the moment, that a different approach was needed?',
        ],
        timeboxMinutes: 15,
        visibility: 'hidden',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Explain the difference between thinking while doing and thinking afterwards. Ask for specific moments of adjustment, written silently, then reveal and invite a few people to talk theirs through.',
          watchFor:
            'People who feel their improvising will be judged as breaking rules; keep the tone curious. Identifying details of the people involved.',
        },
      },
      {
        id: 'reflection-on-action',
        title: 'Reflection on action',
        prompts: [
          'Looking back now, what do you make of the choices you made on the spot?',
          'What knowledge or experience were you drawing on without putting it into words?',
        ],
        timeboxMinutes: 20,
        visibility: 'hidden',
        voting: true,
        grouping: true,
        guidance: {
          do: 'Help the group put tacit knowledge into words. Group the notes into the kinds of judgement people made, and vote on the ones most worth passing on.',
          watchFor:
            'Experienced staff dismissing their know-how as "just instinct". Newer staff feeling they have nothing to contribute; their questions often reveal what experts take for granted.',
        },
      },
      {
        id: 'carry-forward',
        title: 'Carrying it forward',
        prompts: [
          'What from this would you want a less experienced colleague to know?',
          'What will you try, or watch for, next time?',
        ],
        timeboxMinutes: 10,
        visibility: 'named',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Capture the practice wisdom the group wants to share (for induction, mentoring or a team resource) and agree who will write it up. Invite personal intentions for next time.',
          watchFor:
            'Turning nuanced judgement into rigid rules. Sharing that could identify a service user outside the group.',
        },
      },
    ],
  },
  {
    id: 'proctor',
    name: "Proctor's three functions of supervision",
    kind: 'reflective-model',
    source: { authors: 'Proctor; NHS England (A-EQUIP)', year: '1986; 2017/2023' },
    whenToUse:
      'For group clinical or professional supervision, so that standards, learning and support each get time and none is crowded out. Fits the A-EQUIP model used by professional nurse and midwifery advocates in England.',
    stages: [
      {
        id: 'normative',
        title: 'Normative: standards and safety',
        prompts: [
          'Are there standards, policies or safety issues in your work right now that you want to talk through?',
          'Where are you unsure whether practice is meeting the standard expected?',
        ],
        timeboxMinutes: 15,
        visibility: 'hidden',
        voting: false,
        grouping: true,
        guidance: {
          do: 'Frame this as shared responsibility for safe, good-quality practice, not a performance review. Reveal the notes together and group them by theme before discussing.',
          watchFor:
            'Concerns about unsafe practice or risk of harm: these must be escalated through the proper route, and the group should know that before they write. Fear of blame leading people to stay silent. Named individuals.',
        },
      },
      {
        id: 'formative',
        title: 'Formative: learning and development',
        prompts: [
          'What have you learned recently, and what skill or knowledge would you like to develop?',
          "Which situation would the group's experience help you think through?",
        ],
        timeboxMinutes: 20,
        visibility: 'hidden',
        voting: true,
        grouping: true,
        guidance: {
          do: 'Collect learning needs and situations to think through, group them, and vote on what to spend the time on. Encourage peer teaching and the sharing of resources.',
          watchFor:
            'Advice-giving that stops people thinking for themselves; ask questions first. Knowledge gaps becoming a source of shame. Case details that identify service users.',
        },
      },
      {
        id: 'restorative',
        title: 'Restorative: support',
        prompts: [
          'How are you, really, after the work of recent weeks?',
          'What is weighing on you, and what has helped you keep going?',
        ],
        timeboxMinutes: 15,
        visibility: 'anonymous',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Make space for the emotional impact of the work. Read anonymous notes gently, acknowledge them, and name common experiences so that nobody feels alone.',
          watchFor:
            'Distress, burnout or vicarious trauma; offer a private conversation and signpost occupational health, employee assistance or other support. Turning this into a problem-solving session too quickly.',
        },
      },
      {
        id: 'improvement-actions',
        title: 'Personal action for improvement',
        prompts: [
          'What one thing could you do, or ask for, to improve care or working conditions?',
          'Who will you involve, and when will you come back to it?',
        ],
        timeboxMinutes: 10,
        visibility: 'named',
        voting: false,
        grouping: false,
        guidance: {
          do: 'Invite each person to name one achievable improvement action, with a date. Record any team-level issues the facilitator will raise with managers, and say when the group will hear back.',
          watchFor:
            'Actions that place the burden of system problems on individuals. Issues raised in supervision that then go nowhere; follow-through keeps people speaking up.',
        },
      },
    ],
  },
];
