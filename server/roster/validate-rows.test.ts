import { describe, expect, it } from 'vitest';
import type { RosterCell, RosterSheetRow } from './parse-roster.js';
import { idNumber } from './roster-test-helpers.js';
import { validateRows, type RosterRules } from './validate-rows.js';

const text = (value: string): RosterCell => ({ kind: 'text', text: value });
const row = (line: number, cells: Record<string, string>): RosterSheetRow => ({
  line,
  cells: Object.fromEntries(Object.entries(cells).map(([key, value]) => [key, text(value)])),
});
const person = (n: number, extra: Record<string, string> = {}) => ({
  name: '张三',
  idNumber: idNumber(n),
  phone: `139000007${String(n).padStart(2, '0')}`,
  admissionNumber: `A-${String(n)}`,
  ...extra,
});
const rules = (overrides: Partial<RosterRules> = {}): RosterRules => ({
  examCollegeId: null,
  sessions: new Map([['第一考场', 's1']]),
  colleges: new Map([
    ['外国语学院', 'c-fl'],
    ['School of Foreign Languages', 'c-fl'],
    ['计算机学院', 'c-cs'],
  ]),
  importerCollegeId: null,
  ...overrides,
});

describe('validateRows', () => {
  it('takes the only session when the cell is empty, and requires one when there are several', () => {
    const rows = [row(2, person(1)), row(3, person(2, { session: '第二考场' }))];
    expect(validateRows(rows, rules()).valid.map((record) => record.sessionId)).toEqual(['s1']);
    const several = rules({
      sessions: new Map([
        ['第一考场', 's1'],
        ['第二考场', 's2'],
      ]),
    });
    const result = validateRows(rows, several);
    expect(result.valid.map((record) => record.sessionId)).toEqual(['s2']);
    expect(result.errors).toEqual([{ line: 2, column: 'session', code: 'required', value: null }]);
  });

  it("finds colleges by Chinese or English name and falls back to the exam's college", () => {
    const result = validateRows(
      [
        row(2, person(1, { college: 'School of Foreign Languages' })),
        row(3, person(2)),
        row(4, person(3, { college: '不存在学院' })),
      ],
      rules({ examCollegeId: 'c-cs' }),
    );
    expect(result.valid.map((record) => record.collegeId)).toEqual(['c-fl', 'c-cs']);
    expect(result.errors.map((error) => error.code)).toEqual(['unknown_college']);
  });

  it('leaves the college of an existing candidate alone when neither row nor exam names one', () => {
    const [record] = validateRows([row(2, person(1))], rules()).valid;
    expect(record?.collegeId).toBeUndefined();
  });

  it('reports every missing required cell of a row (准考证号 may be empty: it is generated)', () => {
    const result = validateRows([row(5, { name: '李四' })], rules());
    expect(result.errors.map((error) => [error.line, error.column, error.code])).toEqual([
      [5, 'idNumber', 'required'],
      [5, 'phone', 'required'],
    ]);
    expect(result.errorLines).toEqual(new Set([5]));
  });
});
