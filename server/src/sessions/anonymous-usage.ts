import {
  currentNoteText,
  noteLength,
  type NoteUsage,
  type SessionCommand,
  type SessionState,
} from '@reflectory/shared';

interface PersonUsage {
  /** Anonymous notes added, per step round (`<stepId> <round>`). */
  notes: Map<string, number>;
  characters: number;
}

/**
 * What each person of one session has written anonymously, for the caps on what one person may
 * add ([Q1], [Q2] in shared/src/session/board-caps.ts). The state keeps no author for an anonymous
 * note, so the shell counts them here: in memory only, never stored or logged, and as counts, not
 * as a link from a note to its author. For that reason a deleted anonymous note stays counted.
 * A restart or a room dropped from memory forgets the counts; the board's own cap [Q3] still
 * holds, since it is counted from the state.
 */
export class AnonymousUsage {
  private readonly people = new Map<string, PersonUsage>();

  /** The person's anonymous usage as the caps see it, in the state's current step round. */
  of(participantId: string, state: SessionState): NoteUsage {
    const usage = this.people.get(participantId);
    if (!usage) return { notesThisRound: 0, characters: 0 };
    const step = state.steps[state.currentStep];
    const round = step ? (state.rounds[step.id] ?? 1) : 0;
    return {
      notesThisRound: step ? (usage.notes.get(`${step.id} ${round}`) ?? 0) : 0,
      characters: usage.characters,
    };
  }

  /**
   * Counts what the person's command did to anonymous notes, from the state before and after it:
   * a note that appeared, or one of theirs that grew. A retry that changed nothing counts nothing.
   */
  record(
    participantId: string,
    command: SessionCommand,
    before: SessionState,
    after: SessionState,
  ): void {
    if (command.type === 'addNote') {
      const note = after.notes[command.noteId];
      if (!note || note.authorId !== null || before.notes[command.noteId]) return;
      const usage = this.usageOf(participantId);
      const key = `${note.stepId} ${note.round}`;
      usage.notes.set(key, (usage.notes.get(key) ?? 0) + 1);
      usage.characters += noteLength(note.text);
    } else if (command.type === 'editNote') {
      const was = before.notes[command.noteId];
      const now = after.notes[command.noteId];
      if (!was || !now || was.authorId !== null) return;
      // Only its author edits a note [N3], so the growth is the sender's.
      const growth = noteLength(currentNoteText(now)) - noteLength(currentNoteText(was));
      if (growth > 0) this.usageOf(participantId).characters += growth;
    }
  }

  private usageOf(participantId: string): PersonUsage {
    let usage = this.people.get(participantId);
    if (!usage) {
      usage = { notes: new Map(), characters: 0 };
      this.people.set(participantId, usage);
    }
    return usage;
  }
}
