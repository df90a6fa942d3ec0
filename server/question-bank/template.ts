import ExcelJS from 'exceljs';
import {
  PASSAGE_COLUMNS,
  PASSAGE_HEADERS,
  QUESTION_COLUMNS,
  QUESTION_HEADERS,
  QUESTION_SHEETS,
  type QuestionColumn,
} from '../../shared/api/question-import.js';
import { cellsOfQuestion, type ExportedQuestion } from './question-cells.js';

/** The note above the header row of the 题目 sheet (the import skips it). */
const SHEET_NOTE =
  '每行一道题，填写规则见“填写说明”表；阅读理解的材料写在“阅读材料”表，本表“阅读材料”列填其标题。' +
  ' One question a row; the rules are on the sheet 填写说明, shared passages on the sheet 阅读材料.';

/** The template's 填写说明 sheet, one rule a line, Chinese then English. */
export const QUESTION_INSTRUCTIONS: readonly (readonly [string, string])[] = [
  [
    '题型：单选题、多选题、判断题、填空题、简答题、上传题（也可写英文 Single choice 等）。题型、题干、分值必填。',
    'Type: 单选题 single choice, 多选题 multiple choice, 判断题 true/false, 填空题 fill in the blanks, 简答题 essay, 上传题 file answer. Type, stem and points are required.',
  ],
  [
    '题号可留空；填写后再次导入同一题号会更新该题，不会重复添加。导出的无题号题目写作 id:…，请勿修改。',
    'The key (题号) may be empty; importing the same key again updates that question instead of adding a copy. Exported questions without a key show id:…; leave it as it is.',
  ],
  [
    '单选题、多选题：选项A起依次填写，至少两个，中间不要空列；答案填字母，如 B 或 ACD。',
    'Choice questions: fill the options from A on, at least two, no gaps; the answer is the letters, e.g. B or ACD.',
  ],
  [
    '多选计分：全对得分（默认）或 少选得部分分（选对的按比例得分，选错不得分）。',
    'Multiple-choice scoring: 全对得分 all or nothing (default) or 少选得部分分 partial credit (a share per right choice, nothing once a wrong one is chosen).',
  ],
  ['判断题：答案填 对 或 错（也可 T / F）。', 'True/false: the answer is 对 or 错 (or T / F).'],
  [
    '填空题：题干中每个空写 ___（三个下划线）；答案中各空用 | 分隔，同一空的多个可接受答案用 ; 分隔，如 since;from|ten。答案本身含 | 或 ; 时在前面加 \\。比较时忽略大小写、全角半角和首尾空格。',
    'Fill in the blanks: mark each blank in the stem ___ (three underscores); in the answer separate blanks by | and the accepted answers of one blank by ;, e.g. since;from|ten. Put \\ before a | or ; that is part of an answer. Case, full/half width and surrounding spaces do not count.',
  ],
  [
    '简答题：字数上限默认 1000；上传题：文件数上限默认 3。参考答案仅阅卷人可见。',
    'Essay: max length 1000 characters by default; file answer: 3 files by default. The reference answer is shown to markers only.',
  ],
  [
    '难度：1（易）至 5（难），可留空。标签：多个用逗号分隔。',
    'Difficulty: 1 (easy) to 5 (hard), optional. Tags: separated by commas.',
  ],
  [
    '阅读材料：先在“阅读材料”表中写标题和内容，再在题目的“阅读材料”列填写该标题；也可填写题库中已有材料的标题。',
    'Passages: write the title and text on the sheet 阅读材料, then the title in the question’s 阅读材料 column; a title of a passage already in the bank works too.',
  ],
  [
    '数学公式：在题干、选项、参考答案和阅读材料中用 LaTeX 写在 $…$ 中（单独成行用 $$…$$），如 $\\frac{1}{2}$；美元符号本身写作 \\$。无法解析的公式所在行不会导入。',
    'Maths: write formulas in LaTeX between $…$ ($$…$$ for a line of its own) in stems, options, reference answers and passages, e.g. $\\frac{1}{2}$; write a literal dollar as \\$. A row whose formula does not parse is not imported.',
  ],
  [
    '图片不能通过导入添加：请在题库的题目编辑中“插入图片”。导出文件中的 ![说明](image:…) 是题库中已有的图片，可原样导入。',
    'Pictures cannot be added by an import: use 插入图片 in the question editor. A ![description](image:…) in an export names a picture already in the bank and imports as it is.',
  ],
  [
    'Word 试卷（.docx）也可直接导入，不用本表：每题以【单选题】【多选题】【判断题】【填空题】【简答题】（或【问答题】【论述题】）开头，题干写在同一段或下一段；选项各起一段，以 A. / A、 / A． / (A) 开头（也可写在同一行，如 A. 4  B. 7）；随后写 答案：B、分值：2（默认 1）、难度：易/较易/中/较难/难 或 1–5、标签：a,b、编号：KEY（即题号，再次导入同一编号会更新）。',
    'A Word paper (.docx) can be imported as it is, without this sheet: each question starts with 【单选题】, 【多选题】, 【判断题】, 【填空题】 or 【简答题】 (【问答题】 and 【论述题】 are essays too), the stem on that paragraph or the next; each option is a paragraph starting A. / A、 / A． / (A) (several may share a line: A. 4  B. 7); then 答案：B, 分值：2 (1 when left out), 难度：易/较易/中/较难/难 or 1–5, 标签：a,b and 编号：KEY (the key: importing it again updates the question).',
  ],
  [
    'Word 试卷的答案：多选题写 ABD；判断题写 对/错/正确/错误/√/×；填空题题干中的空写 ____ 或（ ），答案各空用 | 或 ｜ 分隔，同一空的多个可接受答案用 / 分隔；简答题的答案是参考答案，可写多段。解析：… 不会导入（题库没有解析项），图片和 Word 公式也不会导入（公式请写作 $…$）；第一个【题型】之前的标题和说明不导入。错误按题目开头所在的段落（从 1 数，空段也算）报告。',
    'Answers in a Word paper: multiple choice ABD; true/false 对/错/正确/错误/√/×; fill in the blanks: mark blanks ____ or （ ） in the stem, separate blanks by | or ｜ and accepted answers of one blank by /; an essay’s answer is its reference answer and may run over several paragraphs. 解析 (explanations), pictures and Word equations are not imported (write formulas as $…$); the title and notes before the first 【…题】 are skipped. Errors name the paragraph (from 1, blank ones counted) where the question starts.',
  ],
  [
    '导入前请删除示例行（题号以“示例”开头）。Excel 公式（=…）不会被计算，请填写文本。',
    'Delete the example rows (keys starting with 示例) before importing. Excel formulas (=…) are not evaluated; type text.',
  ],
];

const EXAMPLES: ExportedQuestion[] = [
  {
    id: '',
    externalKey: '示例-1',
    content: {
      type: 'single_choice',
      stem: 'The word "ubiquitous" most nearly means ___.',
      options: [
        { id: 'A', text: 'rare' },
        { id: 'B', text: 'everywhere' },
        { id: 'C', text: 'ancient' },
        { id: 'D', text: 'fragile' },
      ],
      correct: 'B',
    },
    defaultPoints: 2,
    difficulty: 2,
    tags: ['词汇'],
    passageTitle: null,
  },
  {
    id: '',
    externalKey: '示例-2',
    content: {
      type: 'multiple_choice',
      stem: 'What does the writer say about reading online?',
      options: [
        { id: 'A', text: 'It is faster' },
        { id: 'B', text: 'It is shallower' },
        { id: 'C', text: 'It is free' },
      ],
      correct: ['A', 'B'],
      scoring: 'partial',
    },
    defaultPoints: 3,
    difficulty: 3,
    tags: ['阅读理解'],
    passageTitle: '示例材料：网络阅读',
  },
  {
    id: '',
    externalKey: '示例-3',
    content: { type: 'true_false', stem: '“Ubiquitous” 是形容词。', correct: true },
    defaultPoints: 1,
    difficulty: 1,
    tags: [],
    passageTitle: null,
  },
  {
    id: '',
    externalKey: '示例-4',
    content: {
      type: 'fill_blank',
      stem: 'She has lived here ___ 2010, when she was ___.',
      blanks: [{ accepted: ['since'] }, { accepted: ['ten', '10'] }],
      matching: { ignoreCase: true, ignoreWidth: true, ignoreSpaces: true },
    },
    defaultPoints: 2,
    difficulty: 2,
    tags: ['语法'],
    passageTitle: null,
  },
  {
    id: '',
    externalKey: '示例-5',
    content: {
      type: 'essay',
      stem: '请以“我的大学”为题写一篇不少于 120 词的短文。',
      maxLength: 2000,
      referenceAnswer: '结构完整、语言通顺即可。',
    },
    defaultPoints: 15,
    difficulty: 3,
    tags: ['写作'],
    passageTitle: null,
  },
  {
    id: '',
    externalKey: '示例-6',
    content: {
      type: 'file',
      stem: '求 $\\int_0^1 x^2\\,dx$，写出推导过程，拍照上传。',
      maxFiles: 3,
      referenceAnswer: '$$\\int_0^1 x^2\\,dx = \\frac{1}{3}$$',
    },
    defaultPoints: 10,
    difficulty: 4,
    tags: [],
    passageTitle: null,
  },
];

const EXAMPLE_PASSAGES = [
  {
    title: '示例材料：网络阅读',
    text: 'Reading on screens has become part of daily life. Many readers say they read faster online, but remember less …',
  },
];

const COLUMN_WIDTHS: Partial<Record<QuestionColumn, number>> = { stem: 50, answer: 20 };

/** A workbook in the template's shape: 题目, 阅读材料 and, for the template, 填写说明. */
async function questionWorkbook(
  questions: ExportedQuestion[],
  passages: { title: string; text: string }[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(QUESTION_SHEETS.questions);
  sheet.addRow([SHEET_NOTE]).font = { italic: true, color: { argb: 'FF666666' } };
  sheet.addRow(QUESTION_COLUMNS.map((column) => QUESTION_HEADERS[column].zh)).font = {
    bold: true,
  };
  for (const question of questions) {
    const cells = cellsOfQuestion(question);
    sheet.addRow(QUESTION_COLUMNS.map((column) => cells[column]));
  }
  // Text format, so Excel keeps what is typed (leading zeros, 1/2 not turned into a date).
  QUESTION_COLUMNS.forEach((column, index) => {
    const target = sheet.getColumn(index + 1);
    target.numFmt = '@';
    target.width = COLUMN_WIDTHS[column] ?? 14;
  });
  const passageSheet = workbook.addWorksheet(QUESTION_SHEETS.passages);
  passageSheet.addRow(PASSAGE_COLUMNS.map((column) => PASSAGE_HEADERS[column].zh)).font = {
    bold: true,
  };
  for (const passage of passages) passageSheet.addRow([passage.title, passage.text]);
  passageSheet.getColumn(1).width = 30;
  passageSheet.getColumn(2).width = 100;
  const help = workbook.addWorksheet(QUESTION_SHEETS.help);
  help.addRow(['填写说明', 'Instructions']).font = { bold: true };
  for (const [zh, en] of QUESTION_INSTRUCTIONS) help.addRow([zh, en]);
  help.getColumn(1).width = 90;
  help.getColumn(2).width = 90;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The template to fill in: the columns, one example of every type, the instructions. */
export function buildQuestionTemplate(): Promise<Buffer> {
  return questionWorkbook(EXAMPLES, EXAMPLE_PASSAGES);
}

/** The bank as XLSX in the template's columns, so it can be edited and imported again. */
export function buildQuestionExport(
  questions: ExportedQuestion[],
  passages: { title: string; text: string }[],
): Promise<Buffer> {
  return questionWorkbook(questions, passages);
}
