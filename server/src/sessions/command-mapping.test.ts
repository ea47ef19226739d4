import { describe, expect, it } from 'vitest';
import { noteIdFromSecret } from './command-mapping.ts';

describe('anonymous note ids', () => {
  const secret = 'a'.repeat(43);
  const commandId = '7f0c2a3e-5b1d-4c8e-9a2f-1d3e5f7a9b0c';

  it('a retry names the same note', () => {
    expect(noteIdFromSecret('s1', secret, commandId)).toBe(
      noteIdFromSecret('s1', secret, commandId),
    );
  });

  it('the same secret and command id in another session name another note (no collision across sessions)', () => {
    expect(noteIdFromSecret('s1', secret, commandId)).not.toBe(
      noteIdFromSecret('s2', secret, commandId),
    );
  });

  it('is a version-4-shaped UUID', () => {
    expect(noteIdFromSecret('s1', secret, commandId)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
