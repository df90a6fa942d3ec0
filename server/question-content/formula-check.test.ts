import { describe, expect, it } from 'vitest';
import { parseRichText, richFieldsOf } from '../../shared/questions/rich-text.js';
import { DEMO_MATH_QUESTIONS } from '../demo/math-questions.js';
import { DEMO_FORMAL_SECTIONS, DEMO_MOCK_SECTIONS } from '../demo/written-paper-content.js';
import { formulaProblemsOf } from './formula-check.js';

// The formula check every bank write and import row passes (issue 14 §1, §7: FORMULA_INVALID).

const reasons = (text: string) => formulaProblemsOf(text).map((problem) => problem.reason);

describe('formulas in question text', () => {
  it('accepts inline and display formulas KaTeX parses, and plain text', () => {
    expect(reasons('已知 $x^2 + y^2 = r^2$，求 $$\\int_0^1 x\\,dx$$ 的值')).toEqual([]);
    expect(reasons('Choose the word closest in meaning to "ubiquitous".')).toEqual([]);
    expect(reasons('$\\frac{a}{b} \\le \\sqrt{2}$ 与 $\\text{中文}$')).toEqual([]);
  });

  it('refuses an unbalanced $ and an empty formula', () => {
    expect(reasons('价格是 $5，求 x')).toEqual([expect.stringMatching(/never closed/)]);
    expect(reasons('$$x + 1$ 未闭合')).toEqual([expect.stringMatching(/never closed/)]);
    expect(reasons('空公式 $ $')).toEqual([expect.stringMatching(/empty/)]);
  });

  it("refuses an unknown command and broken TeX in KaTeX's words", () => {
    const [unknown] = formulaProblemsOf('$\\foo{1}$');
    expect(unknown).toMatchObject({ tex: '\\foo{1}' });
    expect(unknown?.reason).toMatch(/KaTeX parse error: Undefined control sequence/);
    expect(reasons('$\\frac{1}$')).toEqual([expect.stringMatching(/KaTeX parse error/)]);
  });

  it('reads \\$ as a literal dollar outside formulas, and as TeX inside one', () => {
    expect(reasons('价格是 \\$5 和 \\$7')).toEqual([]);
    expect(parseRichText('价格是 \\$5')).toEqual({
      segments: [{ kind: 'text', text: '价格是 $5' }],
      problems: [],
    });
    expect(reasons('$\\$5 + x$')).toEqual([]);
    expect(parseRichText('$\\$5$ 元').segments[0]).toEqual({
      kind: 'math',
      tex: '\\$5',
      display: false,
    });
  });

  it('refuses commands that need trust: links, URLs, pictures and HTML extensions', () => {
    for (const tex of [
      '\\href{https://evil.example}{x}',
      '\\url{https://evil.example}',
      '\\includegraphics{https://evil.example/a.png}',
      '\\htmlClass{x}{y}',
    ]) {
      expect(reasons(`$${tex}$`), tex).toEqual([expect.stringMatching(/is not allowed/)]);
    }
  });

  it('splits out pictures with their 说明, and finds one without', () => {
    const id = '0e0e0e0e-0000-4000-8000-00000000beef';
    expect(parseRichText(`见图 ![电路图](image:${id}) 。`)).toEqual({
      segments: [
        { kind: 'text', text: '见图 ' },
        { kind: 'image', imageId: id, alt: '电路图' },
        { kind: 'text', text: ' 。' },
      ],
      problems: [],
    });
    expect(parseRichText(`![](image:${id})`).problems).toEqual(['image_alt_missing']);
  });
});

describe("the demo's and the template's questions", () => {
  it('hold only formulas that parse', () => {
    const contents = [
      ...DEMO_MATH_QUESTIONS,
      ...[...DEMO_FORMAL_SECTIONS, ...DEMO_MOCK_SECTIONS].flatMap((section) => section.questions),
    ].map((question) => question.content);
    const problems = contents.flatMap((content) =>
      richFieldsOf(content).flatMap((field) => formulaProblemsOf(field.text)),
    );
    expect(problems).toEqual([]);
    const formulas = DEMO_MATH_QUESTIONS.flatMap((question) =>
      richFieldsOf(question.content).flatMap((field) =>
        parseRichText(field.text).segments.filter((segment) => segment.kind === 'math'),
      ),
    );
    expect(formulas.length).toBeGreaterThanOrEqual(8);
  });
});
