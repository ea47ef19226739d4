import { describe, expect, it } from 'vitest';
import {
  findIdentifiers,
  identifierKinds,
  identifierLabels,
  redactIdentifiers,
  type IdentifierKind,
} from './identifier-guard.ts';
import { hasNhsCheckDigit, startsWithDdmmyy } from './identifiers/health-numbers.ts';

const currentYear = 2026;

/** What the guard finds in `text`, as [kind, the text it covers]. */
function found(text: string, options = { currentYear }): [IdentifierKind, string][] {
  return findIdentifiers(text, options).map((match) => [
    match.kind,
    text.slice(match.start, match.end),
  ]);
}

/** A table: each text yields exactly one match, of `kind`, covering `covered`. */
function expectEach(kind: IdentifierKind, rows: [text: string, covered: string][]) {
  for (const [text, covered] of rows) expect(found(text), text).toEqual([[kind, covered]]);
}

function expectNone(texts: string[]) {
  for (const text of texts) expect(found(text), text).toEqual([]);
}

describe('identifier guard', () => {
  describe('[ID1] NHS numbers', () => {
    it('[ID1] 943 476 5919 is a valid NHS number and is flagged in any grouping', () => {
      expectEach('nhsNumber', [
        ['NHS number 943 476 5919 on the drug chart', '943 476 5919'],
        ['9434765919 was on the wristband', '9434765919'],
        ['the label said 943-476-5919.', '943-476-5919'],
        ['it read 943 4765919', '943 4765919'],
        ['(NHS no. 6260181590)', '6260181590'],
        ['NHS: 4830 166 134', '4830 166 134'],
      ]);
    });

    it('[ID1] the modulus-11 check: a wrong check digit is not an NHS number', () => {
      expect(hasNhsCheckDigit('9434765919')).toBe(true);
      expect(hasNhsCheckDigit('9434765918')).toBe(false);
      // A remainder of 1 makes a check digit of 10, which no NHS number has.
      expect(hasNhsCheckDigit('4010232130')).toBe(false);
      expectNone([
        'NHS number 943 476 5918 on the drug chart',
        '6260181591',
        '4830 166 135',
        'order 1234567890 came late',
      ]);
    });

    it('[ID1] ten digits inside a longer number, a decimal, an id or an international number are not flagged', () => {
      expectNone([
        'ref 19434765919',
        'JIRA-9434765919',
        'budget 9434765919.50 overall',
        'ticket #9434765919a',
      ]);
      expect(found('+44 943 476 5919')).not.toContainEqual(['nhsNumber', '943 476 5919']);
    });

    it('[ID1] a number written straight after another one is still found', () => {
      expect(found('in bed 2 943 476 5919')).toEqual([
        ['bedOrRoom', 'bed 2'],
        ['nhsNumber', '943 476 5919'],
      ]);
    });
  });

  describe('[ID2] CHI numbers', () => {
    it('[ID2] ten digits starting with a valid DDMMYY date are a CHI number, check digit or not', () => {
      expectEach('chiNumber', [
        ['CHI 120361 1234 in the notes', '120361 1234'],
        ['his CHI was 0101901230', '0101901230'],
        ['2902001234 on the letter', '2902001234'],
      ]);
    });

    it('[ID2] an impossible date at the start is not a CHI number', () => {
      expect(startsWithDdmmyy('3102611234')).toBe(false);
      expect(startsWithDdmmyy('2902011234')).toBe(false);
      expect(startsWithDdmmyy('0013611234')).toBe(false);
      expectNone(['3102611234', '3213611234', '2902011234']);
    });
  });

  describe('[ID3] dates that may be dates of birth', () => {
    it('[ID3] full dates more than ten years ago, in the usual British forms', () => {
      expectEach('dateOfBirth', [
        ['she was 12/03/1961 on the form', '12/03/1961'],
        ['written as 12.3.61 on the card', '12.3.61'],
        ['12-03-1961', '12-03-1961'],
        ['since 12 March 1961', '12 March 1961'],
        ['on the 3rd of June 1948 apparently', '3rd of June 1948'],
        ['from 1 Sept 1975', '1 Sept 1975'],
        ['it said March 12, 1961', 'March 12, 1961'],
        ['iso 1961-03-12 in the export', '1961-03-12'],
        ['12 March ’61 he told us', '12 March ’61'],
      ]);
    });

    it('[ID3] a date after a cue is flagged whatever its year and however partial', () => {
      expectEach('dateOfBirth', [
        ['DOB 12/03/1961', 'DOB 12/03/1961'],
        ['her D.O.B. is 03/02/2024', 'D.O.B. is 03/02/2024'],
        ['date of birth: 4 May 2021', 'date of birth: 4 May 2021'],
        ['he was born in 1961 in Leeds', 'born in 1961'],
        ['born 2019', 'born 2019'],
        ['born on 3 May', 'born on 3 May'],
        ['born in May 2019', 'born in May 2019'],
        ['her birthday is 12 March', 'birthday is 12 March'],
        ['her DOB as 03/02/2019', 'DOB as 03/02/2019'],
      ]);
    });

    it('[ID3] recent dates, dates without a year, years alone and meeting words are not flagged', () => {
      expectNone([
        'we met on 12/03/2025 to debrief',
        'on 3 March 2024 the audit closed',
        'on Tuesday last week',
        'on 12 March we met',
        '2020 was hard for everyone',
        'born 3 weeks early',
        'we checked the DOB on the wristband',
        'born in Leeds',
        'version 2.3.10 broke the export',
        'v1.2.03',
        'release 4.12.09 went out',
        'the 31/02/1961 is not a date',
        'scored 7/10 by the panel',
      ]);
    });

    it('[ID3] the current year decides what is recent; without it every full date is flagged', () => {
      expect(found('on 12/03/2015', { currentYear: 2026 })).toEqual([
        ['dateOfBirth', '12/03/2015'],
      ]);
      expect(found('on 12/03/2017', { currentYear: 2026 })).toEqual([]);
      expect(findIdentifiers('on 12/03/2025')).toHaveLength(1);
      // A two-digit year is in this century unless that puts it in the future.
      expect(found('12.3.20', { currentYear: 2026 })).toEqual([]);
      expect(found('12.3.30', { currentYear: 2026 })).toEqual([['dateOfBirth', '12.3.30']]);
    });
  });

  describe('[ID4] postcodes', () => {
    it('[ID4] full postcodes in every official shape, with or without the space', () => {
      expectEach('postcode', [
        ['lives at M1 1AE now', 'M1 1AE'],
        ['B33 8TH', 'B33 8TH'],
        ['CR2 6XH', 'CR2 6XH'],
        ['DN55 1PT', 'DN55 1PT'],
        ['W1A 0AX', 'W1A 0AX'],
        ['EC1A 1BB', 'EC1A 1BB'],
        ['SW1A1AA', 'SW1A1AA'],
        ['typed as ls6 2ab', 'ls6 2ab'],
      ]);
    });

    it('[ID4] invalid shapes, unknown areas, mixed case and ordinals are not postcodes', () => {
      expectNone([
        'QQ1 1AA', // no such area
        'M1 1CA', // C is never in the inward code
        'SW1A 1AAA',
        'Ward b2 2nd floor',
        'Ab1 2cd',
        'A1 road',
      ]);
    });

    it('[ID4] an outward code alone only where the words around it say it is a place', () => {
      expectEach('postcode', [
        ['she lives in SW1A with her son', 'SW1A'],
        ['postcode LS6, I think', 'LS6'],
        ['from the NG7 area', 'NG7'],
        ['moved to BS3 last year', 'BS3'],
      ]);
      expectNone([
        'we stored the exports in S3',
        'stuck on the M1 for an hour',
        'vitamin B12 levels were low',
        'CO2 monitors in the classroom',
        'a P1 incident at night',
      ]);
    });
  });

  describe('[ID5] phone numbers', () => {
    it('[ID5] UK numbers as they are dialled, including drama ranges', () => {
      expectEach('phone', [
        ['call her on 07700 900123 tomorrow', '07700 900123'],
        ['ring 020 7946 0018', '020 7946 0018'],
        ['(0161) 496 0000', '(0161) 496 0000'],
        ['01632 960001', '01632 960001'],
        ['tel: 07911123456.', '07911123456'],
        ['07700-900-123', '07700-900-123'],
        ['+44 7700 900123', '+44 7700 900123'],
        ['+44 (0) 20 7946 0123', '+44 (0) 20 7946 0123'],
        ['0044 7700 900 123', '0044 7700 900 123'],
      ]);
    });

    it('[ID5] international numbers', () => {
      expectEach('phone', [
        ['her son in the US: +1 202 555 0143', '+1 202 555 0143'],
        ['+61 491 570 156', '+61 491 570 156'],
        ['+353 1 234 5678', '+353 1 234 5678'],
      ]);
    });

    it('[ID5] bare digits, times, money, versions and short codes are not phone numbers', () => {
      expectNone([
        'ticket 123456789',
        'story 1234567 in the backlog',
        'handover at 14:30-15:45',
        '£1,250.00 over budget',
        'version 10.2.3',
        'call 111 or 999',
        'bleep 1234',
        'ext. 2345',
        '1 in 3 of us',
      ]);
    });
  });

  describe('[ID6] email addresses', () => {
    it('[ID6] addresses are flagged whole', () => {
      expectEach('email', [
        ['email j.smith@example.org for the minutes', 'j.smith@example.org'],
        ['<Sam.O-Neill+ward@nhs.example.co.uk>', 'Sam.O-Neill+ward@nhs.example.co.uk'],
        ['JOHN_DOE@EXAMPLE.COM.', 'JOHN_DOE@EXAMPLE.COM'],
      ]);
    });

    it('[ID6] handles and half-addresses are not email addresses', () => {
      expectNone(['ask @sam in the channel', 'name@localhost', 'a @ b . com', 'x@y']);
    });
  });

  describe('[ID7] street addresses', () => {
    it('[ID7] a house number, a capitalised name and a street word', () => {
      expectEach('address', [
        ['she lives at 14 Acacia Avenue with her dog', '14 Acacia Avenue'],
        ['3 Mill Lane', '3 Mill Lane'],
        ['221b Baker Street', '221b Baker Street'],
        ['12-14 High Street', '12-14 High Street'],
        ['flat 2, 17 Church St.', '17 Church St.'],
        ['5 St Mary’s Road', '5 St Mary’s Road'],
        ['7 Primrose Hill Close', '7 Primrose Hill Close'],
        ['at 9 Ash Grove', '9 Ash Grove'],
      ]);
    });

    it('[ID7] no name, no capitals, courts of law and years are not addresses', () => {
      expectNone([
        '3 Court hearings this month',
        'we had 3 Family Court hearings',
        'two Crown Court cases and 2 County Court ones',
        'took 3 side roads',
        'a 2 way radio',
        'in 2019 Church Street surgery closed',
        '10 minutes up the road',
        'Ward 7',
      ]);
    });
  });

  describe('[ID8] titles with names', () => {
    it('[ID8] a title and a surname, with initials', () => {
      expectEach('titledName', [
        ['Mrs Patel was anxious', 'Mrs Patel'],
        ['Dr Okafor reviewed her', 'Dr Okafor'],
        ['Mr J. Smith', 'Mr J. Smith'],
        ['Mr J Smith', 'Mr J Smith'],
        ['Nurse Adams stayed late', 'Nurse Adams'],
        ['Sister Jones ran the bay', 'Sister Jones'],
        ['dr. O’Neill', 'dr. O’Neill'],
        ['Ms McDonald-Hughes', 'Ms McDonald-Hughes'],
        ['Prof Brookfield', 'Prof Brookfield'],
        ['Miss Adeyemi in year 9', 'Miss Adeyemi'],
        ['Fr Michael came to the bay', 'Fr Michael'],
        ['Imam Hassan sat with the family', 'Imam Hassan'],
      ]);
    });

    it('[ID8] a title alone, an initial, roles, fiction and MS are not flagged', () => {
      expectNone([
        'the Dr said it was fine',
        'Dr',
        'Mrs A was anxious', // the usual de-identified form
        'Mr X and Mrs B’s daughter',
        'Dr Who night in the staff room',
        'like Mrs Doubtfire',
        'the Nurse Practitioner saw her',
        'Sister in charge',
        'a new MS Teams channel',
        'his MS was worse',
        'DR site failover',
        'I asked the Dr. Then she left',
        'my sister Jo',
        'As Sir Ken Robinson said',
        'Father Christmas came to the children’s ward',
        'on Father’s Day',
      ]);
    });
  });

  describe('[ID9] bed and room numbers', () => {
    it('[ID9] beds, bays, side rooms and rooms with a number', () => {
      expectEach('bedOrRoom', [
        ['the man in bed 4 was', 'bed 4'],
        ['bay 3 bed 2', 'bay 3 bed 2'],
        ['bay 3, bed 2', 'bay 3, bed 2'],
        ['side room 5', 'side room 5'],
        ['Room 12 rang twice', 'Room 12'],
        ['bed no. 7', 'bed no. 7'],
        ['bed 12a', 'bed 12a'],
        ['beds 3 and 4', 'beds 3 and 4'],
        ['cubicle 6', 'cubicle 6'],
        ['the lady in room 12 rang twice. We met later.', 'room 12'],
      ]);
    });

    it('[ID9] without a number, or a room named for its use, they are ordinary words', () => {
      expectNone([
        'two weeks of bed rest',
        'room for improvement',
        'meeting room 4 at ten',
        'the family room 2 was free',
        'loading bay 3',
        'we moved him to bay 3, nearer the station', // a bay holds several patients
        'I moved the meeting to room 14.',
        'Our room 1 standup space is small',
        'a 2 bed flat',
        'Ward 7 and Ward 12',
        'room 2.5 metres wide',
      ]);
    });
  });

  describe('[ID10] the matches', () => {
    it('[ID10] are sorted, do not overlap, and the longer of two overlapping matches wins', () => {
      const text = 'Mrs Patel, bed 4, DOB 12/03/1961, +44 20 7946 0123, LS6 2AB';
      const matches = findIdentifiers(text, { currentYear });
      expect(matches.map((match) => match.kind)).toEqual([
        'titledName',
        'bedOrRoom',
        'dateOfBirth',
        'phone',
        'postcode',
      ]);
      for (const [index, match] of matches.entries()) {
        const next = matches[index + 1];
        if (next) expect(match.end).toBeLessThanOrEqual(next.start);
      }
    });

    it('[ID10] carry offsets and kinds only, never the text they cover', () => {
      const [match] = findIdentifiers('ring 07700 900123');
      expect(Object.keys(match ?? {}).sort()).toEqual(['end', 'kind', 'start']);
    });

    it('[ID10] count offsets as JavaScript strings do, after emoji and accents', () => {
      const text = '😔 Zoë’s mum, Mrs Patel';
      const [match] = findIdentifiers(text);
      expect(match && text.slice(match.start, match.end)).toBe('Mrs Patel');
    });

    it('[ID10] every kind has a British English label', () => {
      for (const kind of identifierKinds) expect(identifierLabels[kind]).toMatch(/^an? /);
      expect(identifierLabels.dateOfBirth).toBe('a date that may be a date of birth');
    });

    it('[ID10] an empty or ordinary text has no matches', () => {
      expectNone(['', '   ', 'We learnt to ask for help sooner.']);
    });
  });

  describe('[ID11] redaction', () => {
    it('[ID11] each match becomes a neutral placeholder and the rest is kept', () => {
      const text = 'Mrs Patel in bed 4 rang 07700 900123.';
      expect(redactIdentifiers(text, findIdentifiers(text))).toBe(
        '[removed] in [removed] rang [removed].',
      );
    });

    it('[ID11] matches in any order are applied once; stale or overlapping ones are ignored', () => {
      const text = 'abc def ghi';
      expect(
        redactIdentifiers(text, [
          { kind: 'phone', start: 8, end: 11 },
          { kind: 'email', start: 0, end: 3 },
          { kind: 'email', start: 1, end: 5 },
          { kind: 'email', start: 9, end: 40 },
          { kind: 'email', start: -2, end: 1 },
        ]),
      ).toBe('[removed] def [removed]');
      expect(redactIdentifiers(text, [])).toBe(text);
    });

    it('[ID11] a redacted text has nothing left to find', () => {
      const text = 'Dr Okafor, 943 476 5919, j.smith@example.org, 14 Acacia Avenue, side room 5';
      const redacted = redactIdentifiers(text, findIdentifiers(text));
      expect(findIdentifiers(redacted)).toEqual([]);
    });
  });
});
