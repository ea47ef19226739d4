export * from './errors.ts';
export * from './result.ts';
export * from './ids.ts';
export * from './protocol.ts';
export * from './session/participants.ts';
export * from './session/board-areas.ts';
export * from './session/board-rules.ts';
export * from './session/board-doc.ts';
