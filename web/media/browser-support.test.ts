import { describe, expect, it } from 'vitest';
import { judgeBrowser, parseBrowser } from './browser-support.js';

const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.7339.185 Safari/537.36';
const EDGE = `${CHROME} Edg/140.0.3485.54`;
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:141.0) Gecko/20100101 Firefox/141.0';
const SAFARI =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15';

const facts = {
  userAgent: CHROME,
  screenWidth: 1920,
  screenHeight: 1080,
  hasPeerConnection: true,
  hasGetUserMedia: true,
  hasGetDisplayMedia: true,
};

describe('parseBrowser', () => {
  it('tells Chrome, Edge, Firefox and Safari apart', () => {
    expect(parseBrowser(CHROME)).toEqual({ name: 'Chrome', version: '140.0.7339.185' });
    expect(parseBrowser(EDGE)).toEqual({ name: 'Edge', version: '140.0.3485.54' });
    expect(parseBrowser(FIREFOX)).toEqual({ name: 'Firefox', version: '141.0' });
    expect(parseBrowser(SAFARI)).toEqual({ name: 'Safari', version: '18.5' });
    expect(parseBrowser('curl/8.0')).toEqual({ name: 'unknown', version: '' });
  });
});

describe('judgeBrowser', () => {
  it('passes a current browser on a large screen', () => {
    expect(judgeBrowser(facts, { screenShare: true })).toMatchObject({
      ok: true,
      name: 'Chrome',
      webrtc: true,
      missing: [],
    });
  });

  it('asks for screen sharing only when the exam needs it', () => {
    const noShare = { ...facts, hasGetDisplayMedia: false };
    expect(judgeBrowser(noShare, { screenShare: false }).ok).toBe(true);
    expect(judgeBrowser(noShare, { screenShare: true }).missing).toEqual(['getDisplayMedia']);
  });

  it('lists WebRTC, camera access and a small screen as missing', () => {
    const poor = {
      ...facts,
      hasPeerConnection: false,
      hasGetUserMedia: false,
      screenWidth: 800,
      screenHeight: 600,
    };
    expect(judgeBrowser(poor, { screenShare: false })).toMatchObject({
      ok: false,
      webrtc: false,
      missing: ['RTCPeerConnection', 'getUserMedia', 'screen'],
    });
  });
});
