import type { IdentifierKind } from './identifier-guard.ts';

/**
 * A labelled corpus for the identifier guard: sentences as people write them in a reflective
 * session (nurses, social workers, support workers, teachers, software teams), each labelled with
 * the identifiers a careful reader would want taken out, as [kind, the exact text].
 *
 * Every identifier here is made up: NHS numbers are random with a correct check digit (943 476
 * 5919 is the NHS's own test number), phone numbers are from the ranges Ofcom keeps for drama or
 * the fictional 555-01xx range, email domains are example.*, postcodes are in a valid shape.
 *
 * Labelling decisions (docs/identifier-guard.md says why):
 * - A sentence is labelled by what could identify someone, not by what the guard finds. Misses
 *   stay in the corpus and show in the figures.
 * - Helpline and switchboard numbers in full (0800 …, 0300 …) are labelled phone: the guard cannot
 *   tell them from a person's number. Short codes (111, 999, 116 123, a bleep, an extension) are
 *   not phone numbers here.
 * - Team mailboxes are labelled email, for the same reason.
 * - A full date more than ten years ago that is not a birth date ("I qualified on …") is not
 *   labelled: if the guard flags it, that is a false positive, and it is counted.
 * - Fiction ("Mrs Doubtfire", "Dr Who") and names of authors in the literature are not labelled.
 * - Rooms named for their use (a meeting room, the family room) are not labelled; a numbered room
 *   someone lives or is nursed in is.
 */

export const voices = [
  'nurse',
  'social worker',
  'support worker',
  'teacher',
  'software team',
] as const;
export type Voice = (typeof voices)[number];

export interface CorpusSentence {
  voice: Voice;
  text: string;
  identifiers: [kind: IdentifierKind, text: string][];
}

const nurse = (text: string, ...identifiers: [IdentifierKind, string][]): CorpusSentence => ({
  voice: 'nurse',
  text,
  identifiers,
});
const social = (text: string, ...identifiers: [IdentifierKind, string][]): CorpusSentence => ({
  voice: 'social worker',
  text,
  identifiers,
});
const support = (text: string, ...identifiers: [IdentifierKind, string][]): CorpusSentence => ({
  voice: 'support worker',
  text,
  identifiers,
});
const teacher = (text: string, ...identifiers: [IdentifierKind, string][]): CorpusSentence => ({
  voice: 'teacher',
  text,
  identifiers,
});
const software = (text: string, ...identifiers: [IdentifierKind, string][]): CorpusSentence => ({
  voice: 'software team',
  text,
  identifiers,
});

/** Written first; the rules were tuned on these (docs/identifier-guard.md). */
const tuningSentences: CorpusSentence[] = [
  // Nurses: with identifiers
  nurse(
    'Mrs Patel in bay 3 bed 2 was frightened all night and nobody had time to sit with her.',
    ['titledName', 'Mrs Patel'],
    ['bedOrRoom', 'bay 3 bed 2'],
  ),
  nurse(
    'I copied his NHS number, 943 476 5919, onto the wrong referral form and only noticed at handover.',
    ['nhsNumber', '943 476 5919'],
  ),
  nurse('The gentleman in side room 5 kept asking for his wife and I did not know what to say.', [
    'bedOrRoom',
    'side room 5',
  ]),
  nurse('Dr Okafor was kind on the phone but the plan changed three times.', [
    'titledName',
    'Dr Okafor',
  ]),
  nurse('DOB 14/07/1958 on the wristband did not match the drug chart, which is what started it.', [
    'dateOfBirth',
    'DOB 14/07/1958',
  ]),
  nurse('Her daughter left her number, 07700 900461, and asked us to ring if anything changed.', [
    'phone',
    '07700 900461',
  ]),
  nurse('Bed 14 had been buzzing for twenty minutes before anyone got to him.', [
    'bedOrRoom',
    'Bed 14',
  ]),
  nurse('Sister Jones stepped in and took over the drug round so I could breathe.', [
    'titledName',
    'Sister Jones',
  ]),
  nurse('The label said 6260181590 but the notes had a different number entirely.', [
    'nhsNumber',
    '6260181590',
  ]),
  nurse('He was born in 1949 and had never been in hospital before.', [
    'dateOfBirth',
    'born in 1949',
  ]),
  nurse(
    'The discharge letter went to 14 Acacia Avenue, not to the care home where she now lives.',
    ['address', '14 Acacia Avenue'],
  ),
  nurse('Nurse Adams noticed the sepsis signs first and I want that said in this room.', [
    'titledName',
    'Nurse Adams',
  ]),
  nurse('Transport took him home to M1 1AE instead of to his sister’s.', ['postcode', 'M1 1AE']),
  nurse(
    'Mr J. Smith in cubicle 6 refused the cannula and we argued about capacity at 3 am.',
    ['titledName', 'Mr J. Smith'],
    ['bedOrRoom', 'cubicle 6'],
  ),
  nurse('Her date of birth, 2 Feb 1937, was read out at the nurses’ station for all to hear.', [
    'dateOfBirth',
    '2 Feb 1937',
  ]),
  nurse('I rang the GP surgery on 0113 496 0751 three times before anyone picked up.', [
    'phone',
    '0113 496 0751',
  ]),
  nurse('Matron Ellis backed me when I escalated the staffing on Ward 9.', [
    'titledName',
    'Matron Ellis',
  ]),
  nurse('The patient in room 12 had a DNACPR form that nobody could find when it mattered.', [
    'bedOrRoom',
    'room 12',
  ]),
  nurse('His son in Lagos kept calling from +234 803 123 4567 and we had no interpreter.', [
    'phone',
    '+234 803 123 4567',
  ]),
  nurse('The Scottish transfer came with CHI 150383 4412 on the letter and no NHS number at all.', [
    'chiNumber',
    '150383 4412',
  ]),
  nurse('She turned 90 on 4 April and spent the day on a trolley in the corridor.', [
    'dateOfBirth',
    'turned 90 on 4 April',
  ]),
  nurse(
    'Mrs O’Brien’s family emailed sarah.obrien73@example.com to complain about the visiting rules.',
    ['titledName', 'Mrs O’Brien'],
    ['email', 'sarah.obrien73@example.com'],
  ),
  nurse('I wrote 483 016 6134 on the specimen bag from memory, which I should never do.', [
    'nhsNumber',
    '483 016 6134',
  ]),
  nurse('Bed four had a fall overnight and the incident form is still not done.', [
    'bedOrRoom',
    'Bed four',
  ]),
  nurse('Dr. Nwosu stayed past the end of her shift to talk the family through it.', [
    'titledName',
    'Dr. Nwosu',
  ]),
  nurse('The ambulance crew had her as born 3rd March 1944, the ward had 1945.', [
    'dateOfBirth',
    'born 3rd March 1944',
  ]),

  // Nurses: without identifiers
  nurse('Three of us were on for twenty-eight patients and it felt unsafe from the start.'),
  nurse('The handover at 07:30 was rushed because the night staff were still doing obs.'),
  nurse('He needed strict bed rest and kept trying to get up, which scared me.'),
  nurse('There is room for improvement in how we hand over to the discharge lounge.'),
  nurse('Ward 7 was closed to admissions because of norovirus, so we took their overflow.'),
  nurse('I felt like I spent 10 minutes of a 12.5 hour shift actually caring for anyone.'),
  nurse('The NEWS2 score went from 3 to 7 in an hour and I escalated straight away.'),
  nurse('We gave 5 mg at 14:00 and again at 20:00, which was right, but I doubted myself.'),
  nurse('Staffing was at 60% of the planned level for the whole weekend.'),
  nurse('The Dr said it could wait until the morning and I did not push back.'),
  nurse('We talked about it at the 2pm huddle and agreed to try a safety brief.'),
  nurse('2020 was hard, but this winter has been worse for the band 5s.'),
  nurse('The new HCA did brilliantly on her first night on Nightingale Ward.'),
  nurse('I have been qualified for 15 years and I still freeze when a relative shouts.'),
  nurse('We watched Dr Who in the staff room at Christmas and it was the first laugh in weeks.'),
  nurse('The family room 2 on our corridor was free, so I took them there to talk.'),
  nurse('My learning: ask for the critical care outreach team sooner, not at 3 am.'),
  nurse('The patient in the side room was end of life and I wanted to be there more.'),
  nurse('We are 4 nurses down on nights and the bank fill rate is 30%.'),
  nurse('The Nurse Practitioner reviewed him and changed the antibiotics within an hour.'),
  nurse('I qualified on 1 September 2009 and this was the first time I cried at work.'),
  nurse('It took 45 minutes to find a hoist, and by then she had been on the floor for an hour.'),
  nurse('The audit on 3 March 2024 found the same gaps in fluid charts as the last one.'),
  nurse('We used the SBAR tool and the consultant came within 15 minutes.'),
  nurse('Mrs A was anxious about going home alone and we did not have time to plan it properly.'),
  nurse('I was the only registrant on the unit from 19:30 to 08:00.'),
  nurse('We moved him to bay 3 because it is nearer the nurses’ station.'),
  nurse('The care plan said 2-hourly turns but nobody had signed since 02:00.'),

  // Social workers: with identifiers
  social(
    'The family moved to 7a Victoria Road without telling us, and the school found out first.',
    ['address', '7a Victoria Road'],
  ),
  social('Mum’s mobile is 07700 900 982 but she only answers withheld numbers, so I text first.', [
    'phone',
    '07700 900 982',
  ]),
  social('The older boy, born 2011, is the one who kept the house running.', [
    'dateOfBirth',
    'born 2011',
  ]),
  social(
    'I sent the assessment to j.okafor@example.gov.uk by mistake instead of the team mailbox.',
    ['email', 'j.okafor@example.gov.uk'],
  ),
  social('Mr Kowalski would not let me in, and I had to decide on the doorstep.', [
    'titledName',
    'Mr Kowalski',
  ]),
  social('She lives in SW1A with her son and her ex-partner turns up at night.', [
    'postcode',
    'SW1A',
  ]),
  social('The referral had her DOB as 03/02/2019 and the nursery had 02/03/2019, so two records.', [
    'dateOfBirth',
    'DOB as 03/02/2019',
  ]),
  social('Flat 6, 22 Hawthorn Close has had three police call-outs this month.', [
    'address',
    '22 Hawthorn Close',
  ]),
  social(
    'The emergency duty team number, 0161 496 0342, was the one on the plan and it rang out.',
    ['phone', '0161 496 0342'],
  ),
  social('Mrs Begum asked me straight out whether they would take the baby.', [
    'titledName',
    'Mrs Begum',
  ]),
  social('The placement is in the NG7 area, far from her school and her friends.', [
    'postcode',
    'NG7',
  ]),
  social('Her grandfather gave his date of birth as 17.8.52 so I could find him on the system.', [
    'dateOfBirth',
    '17.8.52',
  ]),
  social(
    'The new address is 31 Mafeking Terrace, B33 8TH, and the landlord is refusing repairs.',
    ['address', '31 Mafeking Terrace'],
    ['postcode', 'B33 8TH'],
  ),
  social('The dad’s solicitor rang from 020 7946 0857 wanting the chronology by Friday.', [
    'phone',
    '020 7946 0857',
  ]),
  social('Dr Haddad at the surgery was the only professional who had seen the bruises.', [
    'titledName',
    'Dr Haddad',
  ]),
  social('Her NHS number, 486-091-3906, was on the hospital letter she showed me.', [
    'nhsNumber',
    '486-091-3906',
  ]),
  social('They are in the refuge at CR2 6XH for now, which must not go in any letter.', [
    'postcode',
    'CR2 6XH',
  ]),
  social('Ms McDonald-Hughes, the guardian, challenged our plan in court and she was right.', [
    'titledName',
    'Ms McDonald-Hughes',
  ]),
  social('The youngest has a birthday on 25 December, which makes Christmas even harder.', [
    'dateOfBirth',
    'birthday on 25 December',
  ]),
  social('His auntie in Dublin, +353 87 123 4567, is willing to be assessed as a kinship carer.', [
    'phone',
    '+353 87 123 4567',
  ]),
  social('I left a card at 9 Ash Grove and nobody has called back.', ['address', '9 Ash Grove']),
  social('She lives on Mafeking Terrace now, near the park, and the ex knows the street.', [
    'address',
    'Mafeking Terrace',
  ]),

  // Social workers: without identifiers
  social('We had 3 Family Court hearings this month and I wrote every statement at night.'),
  social('The Crown Court case was adjourned again and the children are still waiting.'),
  social('Under section 47 we had to act within the day, and I felt very alone with it.'),
  social('Caseloads are at 28 against a target of 18, and supervision keeps being cancelled.'),
  social('The Care Act 2014 gives her the right to an assessment, so why did it take a year?'),
  social('I spent 2 hours on the M6 to a visit that lasted 20 minutes.'),
  social('My manager said there is room for improvement in how I record, and she is right.'),
  social('The child protection conference was on 4 June and the plan is not working.'),
  social('I missed the interview room 2 booking and we ended up talking in the car.'),
  social('Supervision used to be monthly; this year I have had it 3 times.'),
  social('She is 15 and carries more than most adults I know.'),
  social('Mr X told me he would never trust social services again, and I understood why.'),
  social('The panel scored the plan 7/10 and asked for a clearer safety net.'),
  social('We agreed a written agreement with 5 points and she has kept every one.'),
  social(
    'It was like something out of Mrs Doubtfire, dad dressing up to get past the contact rules.',
  ),
  social('The 12-week assessment deadline is the 14th and I will not make it.'),
  social('The team went from 9 social workers to 6 in a year.'),
  social('Our local authority spent £1.2m on agency staff last year.'),
  social('I will ask for a consultation with the safeguarding lead before the next visit.'),
  social('Between 2019 and 2023 the number of referrals went up by about 40%.'),
  social('She was placed 60 miles away because there was nothing nearer.'),
  social('The meeting room 4 was double-booked, so the family waited in reception.'),
  social('I felt the hierarchy: the consultant paediatrician spoke and nobody disagreed.'),
  social('Reading Brookfield on the four lenses helped me see this from the family’s side.'),

  // Support workers: with identifiers
  support('Room 21 was upset all evening because his keyworker had left.', [
    'bedOrRoom',
    'Room 21',
  ]),
  support(
    'I gave the new number, 01632 960 455, to the pharmacy, and they still rang the old one.',
    ['phone', '01632 960 455'],
  ),
  support(
    'Mr Hughes asked me to post a letter to 3 Mill Lane, his old house.',
    ['titledName', 'Mr Hughes'],
    ['address', '3 Mill Lane'],
  ),
  support('His mum wants updates on mum.of.three@example.co.uk rather than by phone.', [
    'email',
    'mum.of.three@example.co.uk',
  ]),
  support(
    'The agency sent someone who had never met her and did not know she was born in 1961 and deaf.',
    ['dateOfBirth', 'born in 1961'],
  ),
  support(
    'Miss Carter in room 4 refused her tea and I think she was in pain.',
    ['titledName', 'Miss Carter'],
    ['bedOrRoom', 'room 4'],
  ),
  support('His brother’s landline, 0131 496 0012, is the only number he remembers by heart.', [
    'phone',
    '0131 496 0012',
  ]),
  support('The flat at 12 church street had no working heating for three weeks.', [
    'address',
    '12 church street',
  ]),
  support('She wrote her postcode, DN55 1PT, on every page of the activity book.', [
    'postcode',
    'DN55 1PT',
  ]),
  support('Nurse Okoro from the district team showed me how to check his skin properly.', [
    'titledName',
    'Nurse Okoro',
  ]),
  support('The hospital passport listed his DOB: 1990-05-17 and nothing about what calms him.', [
    'dateOfBirth',
    'DOB: 1990-05-17',
  ]),
  support('The new tenant in flat 2 at 5 Wesley Street has the same name as a resident.', [
    'address',
    '5 Wesley Street',
  ]),
  support('The GP surgery’s line, 029 2018 0944, gives up after twenty rings.', [
    'phone',
    '029 2018 0944',
  ]),
  support('His CHI number, 2311451234, came with the transfer from Glasgow.', [
    'chiNumber',
    '2311451234',
  ]),
  support('He used to live at 40 Station Road and still walks there most days.', [
    'address',
    '40 Station Road',
  ]),
  support('Her social worker is on mark.t.ellis@example.gov.uk but never replies.', [
    'email',
    'mark.t.ellis@example.gov.uk',
  ]),
  support('Mrs Nowak, who is 94, taught me more about patience than any training.', [
    'titledName',
    'Mrs Nowak',
  ]),
  support('Her Polish daughter called from +48 12 345 67 89 and cried down the phone.', [
    'phone',
    '+48 12 345 67 89',
  ]),

  // Support workers: without identifiers
  support('I was on a 12-hour sleep-in and got maybe 3 hours of actual sleep.'),
  support('We had 2 incidents before lunch and no time to write either up.'),
  support('He likes the 10:15 bus into town, and when it is late his whole day goes.'),
  support('There is room for more choice at tea time; it is the same 4 meals every week.'),
  support('The house has 6 residents and only 2 staff on at night.'),
  support('The training room 3 projector broke, so we did the fire training on paper.'),
  support('My keyworking hours were cut from 10 to 6 a week.'),
  support('I still think about the night the alarm went off at 02:45 and I froze.'),
  support('We spent £45 of petty cash on a birthday cake and it was worth every penny.'),
  support('He calls me Mr Tumble because of the signing, and it makes us both laugh.'),
  support('The support plan said 1:1 in the community, but we were 2:3 all week.'),
  support('I told the family about Samaritans on 116 123 and the 111 option.'),
  support('Half of us have done the Makaton level 1 course and it shows.'),
  support('Team meeting is every second Tuesday at 2pm, but it keeps getting cancelled.'),
  support('I learnt that a quiet room and 5 minutes can stop a crisis.'),
  support('Three of the lads went to the match and came back buzzing.'),
  support('The pay rise was 3.5% and the rent went up 8%.'),
  support('He has been in supported living since he was 19 and he is thriving.'),
  support('The rota for week 12 has me on 5 nights in a row.'),
  support('I felt proud: he made his own appointment for the first time.'),

  // Teachers: with identifiers
  teacher('Miss Adeyemi in year 9 noticed the marks on his arm during PE.', [
    'titledName',
    'Miss Adeyemi',
  ]),
  teacher(
    'Her mum’s number on the system, 0117 496 0123, was a year out of date when we needed it.',
    ['phone', '0117 496 0123'],
  ),
  teacher(
    'I forwarded the disclosure to dsl@example.sch.uk and then wondered if that was enough.',
    ['email', 'dsl@example.sch.uk'],
  ),
  teacher('The family gave 18 Beech Crescent as home, but he was sleeping at his nan’s.', [
    'address',
    '18 Beech Crescent',
  ]),
  teacher('Mr Davies refused to let him resit and I did not challenge it in front of the class.', [
    'titledName',
    'Mr Davies',
  ]),
  teacher('He was born on 30 August, so he is the youngest in the year by almost a year.', [
    'dateOfBirth',
    'born on 30 August',
  ]),
  teacher('The taxi took her to ls6 3hh instead of the foster placement.', ['postcode', 'ls6 3hh']),
  teacher('Mrs Wright’s son is in my form and I did not know how much to say.', [
    'titledName',
    'Mrs Wright',
  ]),
  teacher('Dad rang from 07700 900318 during the lesson, angry about the detention.', [
    'phone',
    '07700 900318',
  ]),
  teacher('Her dad works in the US and we only have +1 202 555 0178 for him.', [
    'phone',
    '+1 202 555 0178',
  ]),
  teacher('He lives in the LS6 area and walks past the estate where it happened.', [
    'postcode',
    'LS6',
  ]),
  teacher('Prof Hale from the university observed the lesson and was very encouraging.', [
    'titledName',
    'Prof Hale',
  ]),
  teacher('The form had his birthday as 12 March and his passport had 21 March.', [
    'dateOfBirth',
    'birthday as 12 March',
  ]),

  // Teachers: without identifiers
  teacher('Year 9 set 3 were brilliant today, and I want to remember why.'),
  teacher(
    'It took 10 minutes to settle them after lunch, which is 10 minutes of a 50-minute lesson.',
  ),
  teacher('I moved the meeting to room 14, which was a mistake: nobody could find it.'),
  teacher('The INSET day on 3 January covered the new behaviour policy.'),
  teacher('Attendance for the class is 91% this term, down from 95%.'),
  teacher('Three of us ran the trip with 45 pupils and one first-aider.'),
  teacher('The Ofsted call came at 12:30 and the afternoon was a blur.'),
  teacher('The 2023 results were better than 2022, but the gap for disadvantaged pupils grew.'),
  teacher('There is room for improvement in how we hand over SEND information in September.'),
  teacher('I used a 4-part lesson plan and it still overran.'),
  teacher('We had the CO2 monitors in the classroom and nobody looked at them.'),
  teacher('Her reading age jumped 18 months in one term after the phonics catch-up.'),
  teacher('The Head said the data drop is due on 14/02 and we all groaned.'),
  teacher('I learnt that my tone changes when I am tired, and they notice it before I do.'),
  teacher('We read Mr Men books with reception and talked about feelings.'),
  teacher('Science block room B12 flooded again, so the lesson moved to the hall.'),
  teacher('My TA covered 2 classes at once because of sickness.'),
  teacher('Our Key Stage 2 team meets every Thursday at 3.30pm.'),
  teacher('We put 5 pupils forward for the scholarship and 2 got through.'),
  teacher('I spent £60 of my own money on glue sticks this term.'),
  teacher('Mrs B’s daughter settled much better after the transition visits.'),
  teacher('The sixth form has 12 tutor groups and 2 heads of year.'),
  teacher('As Sir Ken Robinson said, creativity matters as much as literacy.'),

  // Software teams: with identifiers
  software(
    'A test fixture had a real-looking NHS number, 796 030 8241, and it ended up in a demo video.',
    ['nhsNumber', '796 030 8241'],
  ),
  software('The customer on-call, 0161 496 0999, was never told the deploy had failed.', [
    'phone',
    '0161 496 0999',
  ]),
  software('Someone pasted alex.rivera@example.io into the public channel with the stack trace.', [
    'email',
    'alex.rivera@example.io',
  ]),
  software('The support ticket quoted the patient’s postcode, NE1 4LP, in the subject line.', [
    'postcode',
    'NE1 4LP',
  ]),
  software('Dr Mensah from the trust joined the demo and found the bug in two minutes.', [
    'titledName',
    'Dr Mensah',
  ]),
  software('Our seed data used 01/01/1970 as a date of birth for every patient.', [
    'dateOfBirth',
    '01/01/1970',
  ]),
  software('The log line showed 628-194-8211 in plain text, and that is on us.', [
    'nhsNumber',
    '628-194-8211',
  ]),
  software('The Edinburgh pilot exposed CHI numbers like 0104922219 in the URL.', [
    'chiNumber',
    '0104922219',
  ]),
  software('A screenshot in the bug report showed bed 7 and the patient’s full name.', [
    'bedOrRoom',
    'bed 7',
  ]),
  software(
    'The outage call with the trust went out on 020 7946 0123 and half the team missed it.',
    ['phone', '020 7946 0123'],
  ),
  software('I found EC1A 1BB hard-coded in a test that runs against production.', [
    'postcode',
    'EC1A 1BB',
  ]),
  software('The India team lead is on +91 98765 43210 and we keep calling at 3 am his time.', [
    'phone',
    '+91 98765 43210',
  ]),
  software(
    'The demo data had G2 3QT and EH8 9YL as addresses, which are real streets.',
    ['postcode', 'G2 3QT'],
    ['postcode', 'EH8 9YL'],
  ),
  software('The welsh trust’s pilot used CF10 3NQ in the sample letter.', ['postcode', 'CF10 3NQ']),
  software('The export included a row for 10 Downing Street as a test address.', [
    'address',
    '10 Downing Street',
  ]),
  software('The Belfast trust sent BT7 1NN in a spreadsheet we were not meant to have.', [
    'postcode',
    'BT7 1NN',
  ]),
  software('Support rang the clinic on 028 9649 6021 and read out the record.', [
    'phone',
    '028 9649 6021',
  ]),
  software('A user typed 7378657972 into the search box and it went into analytics.', [
    'nhsNumber',
    '7378657972',
  ]),
  software('The email bounced from on-call@example.org, so nobody was paged.', [
    'email',
    'on-call@example.org',
  ]),
  software('We logged the Liverpool address, L8 7SN, in a debug message.', ['postcode', 'L8 7SN']),
  software('The pen test found 657 491 1869 cached in the browser.', ['nhsNumber', '657 491 1869']),
  software('The Bristol clinic’s number, (0117) 496 0456, was in the commit history.', [
    'phone',
    '(0117) 496 0456',
  ]),
  software('The migration wrote DOB 12.3.61 as 2061, and the age check refused her.', [
    'dateOfBirth',
    'DOB 12.3.61',
  ]),
  software('The seed file used W1A 0AX for every GP practice.', ['postcode', 'W1A 0AX']),

  // Software teams: without identifiers
  software('JIRA-1234 sat in review for 9 days because nobody owned it.'),
  software('We shipped v2.3.10 on Friday at 16:45, which was the first mistake.'),
  software('The p95 latency went from 120 ms to 900 ms after the 4.12.0 upgrade.'),
  software('Sprint 42 goal: finish the export and cut the flaky tests by 50%.'),
  software('Three of us paired on the migration and it was the best week of the quarter.'),
  software('Ticket 123456789 in the vendor portal is still open after 6 weeks.'),
  software('We stored the backups in S3 and never tested a restore.'),
  software('The M1 Macs build in 4 minutes; the CI runners take 22.'),
  software('There is room for improvement in our incident comms.'),
  software('The retro format was Start/Stop/Continue with 7 of us and 2 silent.'),
  software('Release 2024.06.1 had 3 regressions, all in the date picker.'),
  software('We spent £3,400 on cloud last month, up 18% on May.'),
  software('Our MS Teams channel had 140 unread messages after the outage.'),
  software('The error budget for Q3 was used up by 14 August.'),
  software('A P1 incident at 02:10 woke up 4 people and 1 of them was on leave.'),
  software('PR #4521 changed 1,200 lines, and nobody could review it properly.'),
  software('We moved standup to 09:45 and attendance went up.'),
  software('Our DR site failover took 47 minutes against a target of 15.'),
  software('The build number 20240611.3 is the one that broke staging.'),
  software('The story was 8 points and took 3 sprints.'),
  software('The API returns 429 after 100 requests a minute.'),
  software('We used a 5-whys and landed on the same root cause as last year.'),
  software('The 2FA rollout hit 87% of accounts by the deadline.'),
  software('Node 20 upgrade went fine; the 18 to 20 jump was easier than feared.'),
  software('Half the team has been here less than 12 months.'),
  software('The config had a 300 second timeout that nobody remembered setting.'),
  software('The postcode lookup returned nothing for new-build estates, so we added manual entry.'),
  software('I learnt to ask for help at 10 am rather than 10 pm.'),
  software('The dashboard showed 99.95% uptime, which hid a 40-minute outage for one trust.'),
  software('We called it the Dr Who incident because the clocks went backwards.'),
  software('Our room 1 standup space is too small for 11 people.'),
  software('The 3 of us on call rotate every 7 days.'),
  software('The vendor SDK 10.2.3 fixed the crash on Android 14.'),
  software('The test suite runs 2,300 tests in 11 minutes.'),
];

/**
 * Written after the rules were tuned, in a messier hand (lower case, shorthand, clinical
 * numbers), and measured without changing a rule afterwards: the fairer test of the two.
 */
export const heldOut: CorpusSentence[] = [
  nurse('pt in b4 was very distressed overnight, daughter rang x3', ['bedOrRoom', 'b4']),
  nurse(
    'mrs jones in bed 9 kept pulling at her line and i felt out of my depth',
    ['titledName', 'mrs jones'],
    ['bedOrRoom', 'bed 9'],
  ),
  nurse(
    'dob 12/3/61 on the obs chart but 12/3/16 on the wristband, massive near miss',
    ['dateOfBirth', 'dob 12/3/61'],
    ['dateOfBirth', '12/3/16'],
  ),
  nurse('nhs no 434 236 6711 was written on a sticky note left at the desk', [
    'nhsNumber',
    '434 236 6711',
  ]),
  nurse('NOK tel 07700900555 is wrong on the system, it rings a takeaway', [
    'phone',
    '07700900555',
  ]),
  nurse('Dr Sánchez was brilliant with the family when the news came', [
    'titledName',
    'Dr Sánchez',
  ]),
  nurse('Fr Michael came in to see her and the whole bay went quiet', ['titledName', 'Fr Michael']),
  nurse('She was born 1.1.1950, same day as my mum, and that got to me', [
    'dateOfBirth',
    'born 1.1.1950',
  ]),
  nurse('BP 140/90, sats 94% on 2L, GCS 14/15 and I still felt something was off'),
  nurse('dose was 2.5mg not 25mg, caught at the second check thankfully'),
  nurse('We had 5 DNAs in clinic and no way of following them up'),
  nurse('Bay C was a nightmare, 1:1 obs on two patients and only 3 of us'),
  nurse('Ward 3B has been short since the 3rd of the month'),
  nurse('Pain score 12/10 according to him, and honestly I believed him'),
  nurse('Since the reforms on 1 April 2013 nobody knows who commissions the service'),
  nurse('Ward round at 9.30 turned into 11.45 and the discharges all slipped'),
  nurse('Mr Ahmed’s wife stayed by the bed all night and refused a chair', [
    'titledName',
    'Mr Ahmed',
  ]),
  social('Mx Taylor asked us to use their name and the court bundle did not', [
    'titledName',
    'Mx Taylor',
  ]),
  social('postcode is b15 2tt but they are sofa surfing most nights', ['postcode', 'b15 2tt']),
  social('lives at no. 4 Oak Rd with grandad, who is not well himself', ['address', '4 Oak Rd']),
  social('Her nan’s number is 0121 496 0590, she is the only safe adult', [
    'phone',
    '0121 496 0590',
  ]),
  social('CHI 0608781234 came up when the family moved down from Aberdeen', [
    'chiNumber',
    '0608781234',
  ]),
  social('Mrs Smith-Jones at the school rang the duty line twice', [
    'titledName',
    'Mrs Smith-Jones',
  ]),
  social('We wrote to 27 Wellington Gardens and it came back not known at this address', [
    'address',
    '27 Wellington Gardens',
  ]),
  social('q4 figures down 3% and the director wants a plan by monday'),
  social('2x visits in one day and she still felt nobody listened'),
  social('the LAC review was moved to 26/06 at short notice'),
  social('He is 17 and 10 months, so the transition plan is already late'),
  social('I used the genogram and the ecomap and mum said it was the first time anyone got it'),
  social('Reading Munro again: systems, not blame, and it helped'),
  support('She calls her brother on +447700900246 every Sunday at 6', ['phone', '+447700900246']),
  support('Room 3 at the care home has the best view and she never opens the curtains', [
    'bedOrRoom',
    'Room 3',
  ]),
  support('his email is daz.the.man.88@example.net and he shares it with everyone', [
    'email',
    'daz.the.man.88@example.net',
  ]),
  support('Nurse Brennan did his dressing and explained every step, which he loved', [
    'titledName',
    'Nurse Brennan',
  ]),
  support('He was born 19th Nov 1938 and remembers the war in detail', [
    'dateOfBirth',
    'born 19th Nov 1938',
  ]),
  support('The day centre at 60 Queens Parade is closing and nobody has told the families', [
    'address',
    '60 Queens Parade',
  ]),
  support('level 4 of the building has no lift access when the alarm goes off'),
  support('Floor 2 lounge is where the arguments always start'),
  support('We had a 1:8 ratio on the trip and it was too thin'),
  support('The 3rd shift in a row is when I start making mistakes'),
  support('6 of us did the de-escalation refresher and it was worth the day'),
  support('I think there is room for growth in how we do handovers at 8'),
  teacher('I emailed a.hussain@example.sch.uk with the concern and got an out-of-office', [
    'email',
    'a.hussain@example.sch.uk',
  ]),
  teacher('mr okoye said he would ring home but i dont think he did', ['titledName', 'mr okoye']),
  teacher('She gave her home number as 0115 496 0777 and it went to voicemail', [
    'phone',
    '0115 496 0777',
  ]),
  teacher('his nan lives in the PR2 area and picks him up on Fridays', ['postcode', 'PR2']),
  teacher('We are on v1.4 of the new marking policy and it is still too long'),
  teacher('GCSE results day is 20/08 and I already feel sick'),
  teacher('Set 2 scored 64% on the mock, up from 51%'),
  teacher('We did 3 lessons on consent and the questions were brilliant'),
  teacher('Y7 lunch duty is 12.15 to 12.55 and I never get to eat'),
  software('commit 3f2a9c1 removed the masking on the NHS number field'),
  software('port 5432 was open to the internet for 3 days'),
  software('the IP 10.0.0.12 was the staging box everyone forgot about'),
  software('v1.4.2-beta went to the pilot trust without release notes'),
  software('the incident on 01/04/2026 was our first real outage this year'),
  software('we hard-coded 4307924401 as a test patient and it matched a real record', [
    'nhsNumber',
    '4307924401',
  ]),
  software('the test account used 0114 496 0382 and someone called it', ['phone', '0114 496 0382']),
  software('one of the fixtures had DOB 30-06-1982 and a real-looking name', [
    'dateOfBirth',
    'DOB 30-06-1982',
  ]),
  software('the geocoder choked on SO17 1BJ and we never found out why', ['postcode', 'SO17 1BJ']),
  software('uptime was 99.9% and the p99 was 2.3s, both fine on paper'),
];

/** The whole corpus: 200 and more sentences. */
export const corpus: CorpusSentence[] = [...tuningSentences, ...heldOut];
