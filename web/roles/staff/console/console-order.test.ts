import { describe, expect, it } from 'vitest';
import { consoleRows, severityOf } from './console-order.js';

type Row = Parameters<typeof severityOf>[0];
const row = (admissionNumber: string, overrides: Partial<Row> = {}): Row => ({
  admissionNumber,
  state: 'in_progress',
  connection: 'online',
  signalCounts: {},
  warningsUnconfirmed: 0,
  ...overrides,
});

describe('the console order', () => {
  const rows = [
    row('003', { signalCounts: { page_hidden: 2 } }),
    row('001'),
    row('004', { connection: 'away' }),
    row('002', { warningsUnconfirmed: 1 }),
    row('005', { state: 'submitted', signalCounts: { page_hidden: 9 } }),
  ];

  it('puts the away candidate first, then an unconfirmed reminder, then signals, then the rest', () => {
    expect(consoleRows(rows, 'all', 'severity').map((r) => r.admissionNumber)).toEqual([
      '004',
      '002',
      '003',
      '001',
      '005',
    ]);
  });

  it('filters to those who need a look, those away, or those done', () => {
    expect(consoleRows(rows, 'flagged', 'admission').map((r) => r.admissionNumber)).toEqual([
      '003',
      '004',
    ]);
    expect(consoleRows(rows, 'away', 'severity').map((r) => r.admissionNumber)).toEqual(['004']);
    expect(consoleRows(rows, 'submitted', 'severity').map((r) => r.admissionNumber)).toEqual([
      '005',
    ]);
    expect(consoleRows(rows, 'all', 'admission').map((r) => r.admissionNumber)).toEqual([
      '001',
      '002',
      '003',
      '004',
      '005',
    ]);
  });
});
