import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../realtime/outbox.ts';
import { announcementFor } from './save-announcements.ts';

const add = (state: OutboxEntry['state'], error?: OutboxEntry['error']): OutboxEntry => ({
  name: 'note:add',
  commandId: '20000000-0000-4000-8000-000000000001',
  payload: { commandId: '20000000-0000-4000-8000-000000000001', areaId: 'what', text: 'x' },
  state,
  error,
  result: undefined,
  attempts: 1,
});

describe('save announcements', () => {
  it('announce outcomes only: saved, refused, paused', () => {
    expect(announcementFor([], [add('pending')])).toBeUndefined();
    expect(announcementFor([add('pending')], [add('saved')])).toBe('Note added.');
    const refusal = { code: 'conflict', message: 'This session has ended.' } as const;
    expect(announcementFor([add('pending')], [add('failed', refusal)])).toBe(
      'Not saved: This session has ended.',
    );
    const paused = { code: 'unavailable', message: 'later' } as const;
    expect(announcementFor([add('pending')], [add('pending', paused)])).toMatch(
      /^Saving is paused/,
    );
    expect(announcementFor([add('pending', paused)], [add('pending', paused)])).toBeUndefined();
  });
});
