import { describe, expect, it } from 'vitest';
import { corpus, heldOut, type CorpusSentence } from './identifier-guard.corpus.ts';
import {
  findIdentifiers,
  identifierKinds,
  type IdentifierKind,
  type IdentifierMatch,
} from './identifier-guard.ts';

/**
 * The shared package is compiled without Node's or the DOM's types (it must not reach for I/O);
 * a test printing its report is the one place that needs the console, so it names it here.
 */
declare const console: { log(message: string): void };

/** Fixed, so that the corpus's recent and old dates stay what they were when it was labelled. */
const currentYear = 2026;

const structured: IdentifierKind[] = ['nhsNumber', 'chiNumber', 'postcode', 'phone', 'email'];

interface Labelled {
  kind: IdentifierKind;
  start: number;
  end: number;
}

interface Scored {
  sentence: CorpusSentence;
  labels: Labelled[];
  matches: IdentifierMatch[];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

function score(sentence: CorpusSentence): Scored {
  const labels = sentence.identifiers.map(([kind, text]) => {
    const start = sentence.text.indexOf(text);
    return { kind, start, end: start + text.length };
  });
  return { sentence, labels, matches: findIdentifiers(sentence.text, { currentYear }) };
}

const scored = corpus.map(score);
const heldOutScored = heldOut.map(score);

interface KindFigures {
  kind: IdentifierKind | 'any';
  labelled: number;
  caught: number;
  /** Sentences without this kind. */
  without: number;
  /** Of those, how many the guard flagged with this kind. */
  flagged: number;
}

/** Recall over labelled identifiers, and the false-positive rate over sentences without the kind. */
function figuresFor(kind: IdentifierKind, sentences: Scored[] = scored): KindFigures {
  let labelled = 0;
  let caught = 0;
  let without = 0;
  let flagged = 0;
  for (const { labels, matches } of sentences) {
    const mine = labels.filter((label) => label.kind === kind);
    const found = matches.filter((match) => match.kind === kind);
    labelled += mine.length;
    caught += mine.filter((label) => found.some((match) => overlaps(match, label))).length;
    if (mine.length === 0) {
      without += 1;
      if (found.length > 0) flagged += 1;
    }
  }
  return { kind, labelled, caught, without, flagged };
}

/** Any identifier caught by any rule; any sentence without identifiers flagged at all. */
function overallFigures(sentences: Scored[] = scored): KindFigures {
  const labels = sentences.flatMap(({ labels: all, matches }) =>
    all.map((label) => matches.some((match) => overlaps(match, label))),
  );
  const clean = sentences.filter(({ labels: all }) => all.length === 0);
  return {
    kind: 'any',
    labelled: labels.length,
    caught: labels.filter(Boolean).length,
    without: clean.length,
    flagged: clean.filter(({ matches }) => matches.length > 0).length,
  };
}

const percent = (part: number, whole: number) =>
  whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`;

function table(rows: KindFigures[]): string {
  const lines = [
    '| kind | labelled | caught | recall | sentences without | flagged | false-positive rate |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.kind} | ${row.labelled} | ${row.caught} | ${percent(row.caught, row.labelled)} | ${row.without} | ${row.flagged} | ${percent(row.flagged, row.without)} |`,
    ),
  ];
  return lines.join('\n');
}

const perKind = identifierKinds.map((kind) => figuresFor(kind));
const overall = overallFigures();
const heldOutOverall = overallFigures(heldOutScored);

describe('identifier guard over the labelled corpus', () => {
  it('the corpus has at least 200 sentences, every label is in its sentence, and both kinds of sentence are well represented', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    for (const { sentence, labels } of scored) {
      for (const label of labels) expect(label.start, sentence.text).toBeGreaterThanOrEqual(0);
    }
    expect(overall.without).toBeGreaterThanOrEqual(100);
    for (const kind of identifierKinds) {
      expect(perKind.find((row) => row.kind === kind)?.labelled, kind).toBeGreaterThanOrEqual(3);
    }
  });

  it('reports recall and false-positive rate per kind', () => {
    console.log(
      [
        `Identifier guard, ${corpus.length} sentences (${overall.without} without identifiers)`,
        table([...perKind, overall]),
        `Held out (${heldOut.length} sentences, ${heldOutOverall.without} without identifiers)`,
        table([...identifierKinds.map((kind) => figuresFor(kind, heldOutScored)), heldOutOverall]),
      ].join('\n'),
    );
    const misses = scored.flatMap(({ sentence, labels, matches }) =>
      labels
        .filter((label) => !matches.some((m) => m.kind === label.kind && overlaps(m, label)))
        .map((label) => `missed ${label.kind}: ${sentence.text}`),
    );
    const extras = scored.flatMap(({ sentence, labels, matches }) =>
      matches
        .filter((m) => !labels.some((label) => label.kind === m.kind && overlaps(m, label)))
        .map((m) => `flagged ${m.kind}: ${sentence.text}`),
    );
    console.log([...misses, ...extras].join('\n'));
  });

  it('[ID1] [ID2] [ID4] [ID5] [ID6] every structured identifier (NHS, CHI, postcode, phone, email) is caught', () => {
    for (const kind of structured) {
      const row = perKind.find((figures) => figures.kind === kind);
      expect(row?.caught, kind).toBe(row?.labelled);
    }
  });

  it('[ID10] fewer than 2 % of sentences without identifiers are flagged at all', () => {
    expect(overall.flagged / overall.without).toBeLessThan(0.02);
  });

  it('[ID3] [ID7] [ID8] [ID9] the rules that read words keep their measured recall, each under 2 % false positives', () => {
    for (const row of perKind) {
      expect(row.caught / row.labelled, row.kind).toBeGreaterThanOrEqual(0.75);
      expect(row.flagged / row.without, row.kind).toBeLessThan(0.02);
    }
  });
});
