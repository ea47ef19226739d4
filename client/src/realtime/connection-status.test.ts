import { describe, expect, it } from 'vitest';
import { combineConnectionStatus, type ConnectionSignals } from './connection-status.ts';

const up: ConnectionSignals = {
  online: true,
  commandsConnected: true,
  boardSynced: true,
  wasConnected: true,
  stopped: undefined,
};

describe('connection status', () => {
  it.each<[string, Partial<ConnectionSignals>, string]>([
    ['both connections up', {}, 'connected'],
    ['commands down', { commandsConnected: false }, 'reconnecting'],
    ['board not synced', { boardSynced: false }, 'reconnecting'],
    ['never connected yet', { boardSynced: false, wasConnected: false }, 'connecting'],
    ['browser offline, even with sockets up', { online: false }, 'offline'],
    ['refused for good', { stopped: 'removed', online: false }, 'stopped'],
  ])('%s → %s', (_label, change, expected) => {
    expect(combineConnectionStatus({ ...up, ...change }).kind).toBe(expected);
  });
});
