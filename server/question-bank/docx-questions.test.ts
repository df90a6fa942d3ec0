import { describe, expect, it } from 'vitest';
import { parseDocxQuestions, splitOptionLine } from './docx-questions.js';
import { buildQuestionDocx, wordDocumentXml, wordParagraph } from './question-test-files.js';
import { paragraphsOfDocumentXml, readDocxParagraphs } from './read-docx.js';

const PICTURE = {
  xml: '<w:r><w:drawing><wp:inline><a:graphic><pic:pic><w:t>不是文字</w:t></pic:pic></a:graphic></wp:inline></w:drawing></w:r>',
};
const EQUATION = { xml: '<m:oMath><m:r><m:t>x^2</m:t></m:r></m:oMath>' };

const paper = (paragraphs: (string | { xml: string })[]) =>
  parseDocxQuestions(paragraphsOfDocumentXml(wordDocumentXml(paragraphs)));

/** Parses a paper through the real zip reader. */
const parse = async (paragraphs: (string | { xml: string })[]) => {
  const read = await readDocxParagraphs(buildQuestionDocx(paragraphs));
  if (!read) throw new Error('not read as Word');
  return parseDocxQuestions(read);
};

describe('paragraphsOfDocumentXml', () => {
  it('reads runs, tabs and line breaks, and counts blank paragraphs, tables, pictures and equations', () => {
    const xml =
      '<w:document><w:body>' +
      wordParagraph('甲 & <乙>', '\t丙\n丁') +
      '<w:p/>' +
      '<w:tbl><w:tr><w:tc>' +
      wordParagraph('表格里') +
      '</w:tc></w:tr></w:tbl>' +
      wordParagraph('图：', PICTURE, '公式：', EQUATION) +
      wordParagraph('域', {
        xml: '<w:r><w:instrText> PAGE </w:instrText></w:r><w:del><w:r><w:delText>删掉的</w:delText></w:r></w:del>',
      }) +
      wordParagraph('兼容', {
        xml: '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing/></mc:Choice><mc:Fallback><w:pict><w:t>旧</w:t></w:pict></mc:Fallback></mc:AlternateContent>',
      }) +
      '</w:body></w:document>';
    expect(paragraphsOfDocumentXml(xml)).toEqual([
      { number: 1, text: '甲 & <乙>\t丙\n丁', images: 0, formulas: 0 },
      { number: 2, text: '', images: 0, formulas: 0 },
      { number: 3, text: '表格里', images: 0, formulas: 0 },
      { number: 4, text: '图：公式：', images: 1, formulas: 1 },
      { number: 5, text: '域', images: 0, formulas: 0 },
      { number: 6, text: '兼容', images: 1, formulas: 0 },
    ]);
  });
});

describe('splitOptionLine', () => {
  it('splits options sharing a line only at the next letter in order', () => {
    expect(splitOptionLine('A. 4\tB．7   (C) 9 D、12')).toEqual([
      { letter: 'A', text: '4' },
      { letter: 'B', text: '7' },
      { letter: 'C', text: '9' },
      { letter: 'D', text: '12' },
    ]);
    expect(splitOptionLine('Ａ．维生素 C. 不是下一项')).toEqual([
      { letter: 'A', text: '维生素 C. 不是下一项' },
    ]);
    expect(splitOptionLine('下列说法 A. 不是选项')).toBeNull();
  });
});

describe('parseDocxQuestions', () => {
  it('reads every type with its answer, points, difficulty, tags and key', async () => {
    const parsed = await parse([
      '2026 年春季期中考试',
      '一、选择题（每题 2 分）',
      '1.【单选题】下列哪个数是质数？（ ）',
      'A. 4\tB. 7',
      'C．9',
      'D、12',
      '答案：B',
      '分值：2',
      '难度：易',
      '标签：数学，质数',
      '编号：M-1',
      '【多项选择题】下列是偶数的有',
      '(A) 2',
      '（B）3',
      '(C) 4',
      '答案：A C   分值：3   难度：较难',
      '',
      '【判断题】地球是圆的。',
      '【答案】√',
      '【填空题】中国的首都是____，最大的城市是（ ）。',
      '答案：北京｜上海/上海市',
      '【问答题】简述光合作用。',
      '答案：植物利用光能，',
      '把二氧化碳和水合成有机物。',
      '分值：10分',
      '难度：难',
      '【论述题】谈谈你的理想。',
    ]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.format).toBe('docx');
    expect(parsed.totalRows).toBe(6);
    expect(parsed.records.map((record) => [record.line, record.content.type])).toEqual([
      [3, 'single_choice'],
      [12, 'multiple_choice'],
      [18, 'true_false'],
      [20, 'fill_blank'],
      [22, 'essay'],
      [27, 'essay'],
    ]);
    const [single, multiple, trueFalse, blanks, essay] = parsed.records;
    expect(single).toMatchObject({
      externalKey: 'M-1',
      defaultPoints: 2,
      difficulty: 1,
      tags: ['数学', '质数'],
      content: {
        stem: '下列哪个数是质数？（ ）',
        options: [
          { id: 'A', text: '4' },
          { id: 'B', text: '7' },
          { id: 'C', text: '9' },
          { id: 'D', text: '12' },
        ],
        correct: 'B',
      },
    });
    expect(multiple).toMatchObject({
      externalKey: null,
      defaultPoints: 3,
      difficulty: 4,
      content: { correct: ['A', 'C'], scoring: 'all_or_nothing' },
    });
    expect(trueFalse).toMatchObject({ defaultPoints: 1, content: { correct: true } });
    expect(blanks?.content).toMatchObject({
      stem: '中国的首都是____，最大的城市是___。',
      blanks: [{ accepted: ['北京'] }, { accepted: ['上海', '上海市'] }],
    });
    expect(essay).toMatchObject({
      defaultPoints: 10,
      difficulty: 5,
      content: { referenceAnswer: '植物利用光能，\n把二氧化碳和水合成有机物。' },
    });
  });

  it('reports broken questions by the paragraph of their mark and keeps the others', () => {
    const parsed = paper([
      '【单选题】缺答案的题',
      'A. 甲\nB. 乙',
      '【判断题】答案无法识别',
      '答案：也许',
      '【填空题】空数不符 ____ 和 ____',
      '答案：一',
      '【单选题】选项重复',
      'A. 甲',
      'A. 乙',
      '答案：A',
      '【计算题】未知题型',
      '答案：1',
      '【单选题】',
      '【多选题】七个选项',
      'A. 1 B. 2 C. 3 D. 4 E. 5 F. 6 G. 7',
      '答案：AG',
      '【判断题】好的题',
      '答案：错误',
      '分值：0',
      '【判断题】难度写错',
      '答案：对',
      '难度：很难',
      '答案：错',
    ]);
    expect(parsed.records).toEqual([]);
    expect(parsed.errors.map((error) => [error.line, error.column, error.code])).toEqual([
      [1, 'answer', 'required'],
      [3, 'answer', 'invalid_true_false'],
      [5, 'answer', 'blank_count_mismatch'],
      [7, 'optionB', 'too_few_options'],
      [7, 'optionA', 'repeated_field'],
      [11, 'type', 'unknown_type'],
      [13, 'stem', 'required'],
      [14, 'answer', 'answer_not_an_option'],
      [14, null, 'too_many_options'],
      [17, 'points', 'invalid_points'],
      [20, 'difficulty', 'invalid_difficulty'],
      [20, 'answer', 'repeated_field'],
    ]);
    expect(parsed.totalRows).toBe(9);
  });

  it('warns of what it leaves out: pictures, equations, 解析 and stray paragraphs', () => {
    const parsed = paper([
      { xml: wordParagraph('【单选题】看图选择：', PICTURE) },
      { xml: wordParagraph('A. 1 ', EQUATION) },
      'B. 2',
      '答案：A',
      '分值：2',
      '解析：因为图中只有一个。',
      '详见教材第 3 页。',
      '【判断题】对吗',
      '答案：对',
      '二、判断题',
    ]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([
      { line: 1, code: 'image_ignored', value: null },
      { line: 2, code: 'formula_ignored', value: null },
      { line: 6, code: 'explanation_ignored', value: '因为图中只有一个。' },
      { line: 10, code: 'line_ignored', value: '二、判断题' },
    ]);
    expect(parsed.records.map((record) => record.line)).toEqual([1, 8]);
  });

  it('refuses a later question that repeats an earlier one’s 编号', () => {
    const parsed = paper([
      '【判断题】一',
      '答案：对',
      '编号：K',
      '【判断题】二',
      '答案：错',
      '编号：K',
    ]);
    expect(parsed.records.map((record) => record.content.stem)).toEqual(['一']);
    expect(parsed.errors).toEqual([
      expect.objectContaining({ line: 4, column: 'key', code: 'duplicate_in_file' }),
    ]);
  });
});
