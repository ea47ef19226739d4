import type { TeamSession } from '@reflectory/shared';
import { describe, expect, it } from 'vitest';
import { describeAuditEntry, notesFate, retentionSentence } from './team-text.ts';

const session = (change: Partial<TeamSession>): TeamSession => ({
  id: '00000000-0000-4000-8000-000000000001',
  title: 'Retro',
  modelName: 'Gibbs',
  scheduledFor: null,
  createdAt: '2026-01-01T10:00:00.000Z',
  closedAt: '2026-01-01T11:00:00.000Z',
  purgedAt: null,
  notesDeleteAt: '2026-01-31T11:00:00.000Z',
  ...change,
});

describe('team page wording', () => {
  it('says the retention in words, with 0 as deletion at close', () => {
    expect(retentionSentence(0)).toBe('Notes are deleted as soon as a session closes.');
    expect(retentionSentence(1)).toBe('Notes are deleted 1 day after a session closes.');
    expect(retentionSentence(30)).toBe('Notes are deleted 30 days after a session closes.');
  });

  it('says when a past session’s notes go, or that they went', () => {
    const before = new Date('2026-01-10T00:00:00Z');
    expect(notesFate(session({}), before)).toBe('Notes deleted on 31 Jan 2026');
    expect(notesFate(session({ purgedAt: '2026-02-01T00:00:00.000Z' }), before)).toBe(
      'Notes deleted',
    );
    expect(notesFate(session({}), new Date('2026-02-10T00:00:00Z'))).toBe('Notes being deleted');
  });

  it('describes audit entries from their details, and unknown ones by their action', () => {
    expect(
      describeAuditEntry({
        action: 'member.role_changed',
        details: { name: 'Fran', from: 'member', to: 'facilitator' },
      }),
    ).toBe('Changed Fran’s role from member to facilitator');
    expect(
      describeAuditEntry({ action: 'session.revealed', details: { stepId: 'what', count: 3 } }),
    ).toBe('Revealed 3 notes in a session');
    expect(
      describeAuditEntry({
        action: 'session.closed',
        details: {},
        sessionTitle: 'March supervision',
      }),
    ).toBe('Closed the session “March supervision”');
    expect(describeAuditEntry({ action: 'something.new', details: {} })).toBe('something.new');
  });
});
