import { describe, expect, it } from 'vitest';
import {
  CONNECTION_STATES,
  ConnectionStateMachine,
  canTransition,
  type ConnectionState,
} from './media-session-state.js';

describe('ConnectionStateMachine', () => {
  it('follows a connection through reconnecting back to connected, then closes', () => {
    const seen: ConnectionState[] = [];
    const machine = new ConnectionStateMachine((state) => seen.push(state));
    for (const state of [
      'connecting',
      'connected',
      'reconnecting',
      'connected',
      'closed',
    ] as const) {
      expect(machine.transition(state)).toBe(true);
    }
    expect(seen).toEqual(['connecting', 'connected', 'reconnecting', 'connected', 'closed']);
  });

  it('refuses to leave closed, and reports nothing for a refused or repeated move', () => {
    const seen: ConnectionState[] = [];
    const machine = new ConnectionStateMachine((state) => seen.push(state));
    machine.transition('connecting');
    expect(machine.transition('connecting')).toBe(false);
    expect(machine.transition('new')).toBe(false);
    machine.transition('closed');
    for (const state of CONNECTION_STATES) expect(machine.transition(state)).toBe(false);
    expect(seen).toEqual(['connecting', 'closed']);
  });

  it('lets a failed connection be tried again but not jump straight to connected', () => {
    expect(canTransition('failed', 'connecting')).toBe(true);
    expect(canTransition('failed', 'connected')).toBe(false);
    expect(canTransition('new', 'connected')).toBe(false);
  });
});
