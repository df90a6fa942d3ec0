import { describe, expect, it } from 'vitest';
import { LinkHealth, type MediaLinkState } from './link-health.js';

function health() {
  const changes: MediaLinkState[] = [];
  return { links: new LinkHealth((state) => changes.push(state)), changes };
}

describe('LinkHealth', () => {
  it('is idle without connections and ignores one that breaks before it connected', () => {
    const { links, changes } = health();
    links.down('a');
    expect(links.state).toBe('idle');
    expect(changes).toEqual([]);
  });

  it('is interrupted only while every connection that connected is down', () => {
    const { links, changes } = health();
    links.up('viewer');
    links.up('call');
    links.down('viewer');
    expect(links.state).toBe('connected');
    links.down('call');
    expect(links.state).toBe('interrupted');
    links.up('viewer');
    expect(changes).toEqual(['connected', 'interrupted', 'connected']);
  });

  it('forgets closed connections: the last one gone makes it idle', () => {
    const { links } = health();
    links.up('a');
    links.down('a');
    links.remove('a');
    expect(links.state).toBe('idle');
    links.up('b');
    links.clear();
    expect(links.state).toBe('idle');
  });
});
