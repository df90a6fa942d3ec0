import { describe, expect, it } from 'vitest';
import { documentTitle } from './useDocumentTitle.js';

describe('documentTitle', () => {
  it('puts the page state first, then what it is about, then the product', () => {
    expect(documentTitle(['面试中', '2026年外语类保送生招生考试（面试）'], '云考场')).toBe(
      '面试中 · 2026年外语类保送生招生考试（面试） · 云考场',
    );
    expect(documentTitle(['Interview in progress', undefined], 'Invigil')).toBe(
      'Interview in progress · Invigil',
    );
  });
});
