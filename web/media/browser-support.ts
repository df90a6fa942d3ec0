import type { DeviceReport } from '../../shared/api/check-in.js';

export interface BrowserName {
  name: string;
  version: string;
}

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
const BROWSER_PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['Edge', /Edg(?:e|A|iOS)?\/([\d.]+)/],
  ['Opera', /OPR\/([\d.]+)/],
  ['Firefox', /(?:Firefox|FxiOS)\/([\d.]+)/],
  ['Chromium', /Chromium\/([\d.]+)/],
  ['Chrome', /(?:Chrome|CriOS)\/([\d.]+)/],
  ['Safari', /Version\/([\d.]+).*Safari\//],
];

/** The browser's name and version as its user-agent string states them. */
export function parseBrowser(userAgent: string): BrowserName {
  for (const [name, pattern] of BROWSER_PATTERNS) {
    const version = pattern.exec(userAgent)?.[1];
    if (version) return { name, version: version.slice(0, 50) };
  }
  return { name: 'unknown', version: '' };
}

/** Smallest screen the exam pages are laid out for. */
export const MIN_SCREEN = { width: 1024, height: 768 } as const;

/** Names of missing features, as DeviceReport['browser']['missing'] lists them. */
export type MissingFeature = 'RTCPeerConnection' | 'getUserMedia' | 'getDisplayMedia' | 'screen';

export interface BrowserFacts {
  userAgent: string;
  screenWidth: number;
  screenHeight: number;
  hasPeerConnection: boolean;
  hasGetUserMedia: boolean;
  hasGetDisplayMedia: boolean;
}

/** Judges what this browser offers against what the exam needs. */
export function judgeBrowser(
  facts: BrowserFacts,
  needs: { screenShare: boolean },
): DeviceReport['browser'] {
  const missing: MissingFeature[] = [];
  if (!facts.hasPeerConnection) missing.push('RTCPeerConnection');
  if (!facts.hasGetUserMedia) missing.push('getUserMedia');
  if (needs.screenShare && !facts.hasGetDisplayMedia) missing.push('getDisplayMedia');
  if (facts.screenWidth < MIN_SCREEN.width || facts.screenHeight < MIN_SCREEN.height) {
    missing.push('screen');
  }
  return {
    ok: missing.length === 0,
    userAgent: facts.userAgent.slice(0, 500),
    ...parseBrowser(facts.userAgent),
    screenWidth: Math.round(facts.screenWidth),
    screenHeight: Math.round(facts.screenHeight),
    webrtc: facts.hasPeerConnection,
    missing,
  };
}

/** What this browser offers, read from the page. */
export function readBrowserFacts(): BrowserFacts {
  // Absent on insecure origins and old browsers, whatever the DOM types say.
  const mediaDevices = navigator.mediaDevices as MediaDevices | undefined;
  return {
    userAgent: navigator.userAgent,
    screenWidth: window.screen.width,
    screenHeight: window.screen.height,
    hasPeerConnection: 'RTCPeerConnection' in window,
    hasGetUserMedia: typeof mediaDevices?.getUserMedia === 'function',
    hasGetDisplayMedia: typeof mediaDevices?.getDisplayMedia === 'function',
  };
}
