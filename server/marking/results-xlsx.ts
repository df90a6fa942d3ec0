import ExcelJS from 'exceljs';
import type { WrittenResults } from '../../shared/api/marking.js';

const STATE_LABELS = {
  absent: '缺考',
  in_progress: '作答中',
  submitted: '待阅卷',
  marked: '已阅卷',
} as const;

/**
 * 笔试成绩: a sheet of candidates (objective, subjective, each section, total, pass/fail, in the
 * section order of the latest paper's titles) and a sheet of the questions' statistics.
 */
export async function buildWrittenResultsWorkbook(results: WrittenResults): Promise<Buffer> {
  const sectionTitles = [
    ...new Set(results.items.flatMap((item) => item.sections.map((section) => section.title))),
  ];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('成绩');
  sheet.addRow([
    '准考证号',
    '姓名',
    '考场',
    '状态',
    '客观题',
    '主观题',
    ...sectionTitles,
    '总分',
    '是否及格',
  ]).font = { bold: true };
  for (const item of results.items) {
    const sections = new Map(item.sections.map((section) => [section.title, section.points]));
    sheet.addRow([
      item.admissionNumber,
      item.candidateName,
      item.sessionName,
      STATE_LABELS[item.state],
      item.objectivePoints,
      item.subjectivePoints,
      ...sectionTitles.map((title) => sections.get(title) ?? null),
      item.total,
      item.passed === null ? '' : item.passed ? '及格' : '不及格',
    ]);
  }
  // Text format, so Excel keeps admission numbers with leading zeros as typed.
  sheet.getColumn(1).numFmt = '@';
  sheet.getColumn(1).width = 18;
  sheet.getColumn(2).width = 14;
  sheet.getColumn(3).width = 26;
  sheet.views = [{ state: 'frozen', ySplit: 1 }];

  const stats = workbook.addWorksheet('试题分析');
  stats.addRow(['试卷版本', '题号', '题型', '分值', '人数', '平均分', '难度', '区分度']).font = {
    bold: true,
  };
  for (const question of results.questions) {
    stats.addRow([
      question.paperVersion,
      question.number,
      question.type,
      question.points,
      question.count,
      question.mean,
      question.difficulty,
      question.discrimination,
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
