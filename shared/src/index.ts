export * from './errors.ts';
export * from './result.ts';
export * from './ids.ts';
export * from './protocol.ts';
export * from './accounts/accounts.ts';
export * from './teams/teams.ts';
export * from './session/participants.ts';
export * from './session/models/model.ts';
export * from './session/models/catalog.ts';
export * from './session/steps.ts';
export * from './session/team-roles.ts';
export * from './session/state.ts';
export * from './session/commands.ts';
export * from './session/decide.ts';
export { checkNoteText, noteTextMax } from './session/decide-notes.ts';
export {
  boardCaps,
  currentNoteText,
  noNoteUsage,
  noteLength,
  type NoteUsage,
} from './session/board-caps.ts';
export { tally, votesBy, votesUsed, voteBudgetMax } from './session/decide-votes.ts';
export { groupTitleMax, actionTextMax } from './session/decide-board.ts';
export * from './session/previous-actions.ts';
export { decideJoin, removedFromSessionMessage, type JoinStanding } from './session/joining.ts';
export { checkReviewNote } from './session/decide-previous-actions.ts';
export { timerMaxMs } from './session/decide-facilitation.ts';
export * from './session/anonymous-release.ts';
export * from './session/evolve.ts';
export * from './session/selectors.ts';
export * from './session/board-doc.ts';
export * from './session/summary.ts';
export * from './session/retention.ts';
export * from './session/identifier-guard.ts';
