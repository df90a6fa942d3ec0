import { describe, expect, it } from 'vitest';
import { dutyWords, nameWithRole } from './roleWords.js';

describe('nameWithRole', () => {
  it('does not say 候考官 twice when the name carries it', () => {
    const words = dutyWords('waiting_examiner');
    expect(nameWithRole('候考官', '候考官 陈老师', words)).toBe('候考官 陈老师');
    expect(nameWithRole('Waiting-room examiner', '候考官 陈老师', words)).toBe('候考官 陈老师');
    expect(nameWithRole('候考官', '陈老师', words)).toBe('候考官 陈老师');
    expect(nameWithRole('Waiting-room examiner', 'Ms Chen', words)).toBe(
      'Waiting-room examiner Ms Chen',
    );
  });
});
