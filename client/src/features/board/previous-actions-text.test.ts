import { describe, expect, it } from 'vitest';
import { decisionText, historyLine, ownerText } from './previous-actions-text.ts';

describe('previous actions in words', () => {
  const at = Date.UTC(2026, 1, 12, 12);

  it('names the owner, or the team when nobody in particular took it on', () => {
    expect(ownerText({ ownerName: 'Ann' })).toBe('Ann');
    expect(ownerText({ ownerName: null })).toBe('The team');
  });

  it('says what happened in which session and when', () => {
    expect(
      historyLine({ sessionTitle: 'February supervision', outcome: 'carried', note: 'x', at }),
    ).toBe('Carried on in February supervision, 12 February 2026');
    expect(historyLine({ sessionTitle: null, outcome: 'created', note: null, at })).toBe(
      'Agreed in a session that has since been deleted, 12 February 2026',
    );
  });

  it('states the decision in words, undecided included', () => {
    expect(decisionText(null)).toBe('Not decided yet');
    expect(decisionText({ outcome: 'dropped', note: null })).toBe('Dropped');
    expect(decisionText({ outcome: 'done', note: null })).toBe('Done');
  });
});
