import ExcelJS from 'exceljs';
import {
  QUESTION_COLUMNS,
  QUESTION_HEADERS,
  type QuestionColumn,
} from '../../shared/api/question-import.js';
import { buildZip } from '../roster/roster-test-helpers.js';

// Builders of import files for tests (pure: no app, so parser tests stay out of the db project).

/** The header row of the 题目 sheet, in Chinese. */
export const QUESTION_HEADER_ZH = QUESTION_COLUMNS.map((column) => QUESTION_HEADERS[column].zh);

/** A row given by column; the others empty. */
export function questionRow(cells: Partial<Record<QuestionColumn, ExcelJS.CellValue>>) {
  return QUESTION_COLUMNS.map((column) => cells[column] ?? null);
}

/** An XLSX with a 题目 sheet (header first) and, when given, a 阅读材料 sheet. */
export async function buildQuestionXlsx(
  rows: ExcelJS.CellValue[][],
  passages?: string[][],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('题目');
  sheet.addRow(QUESTION_HEADER_ZH);
  for (const row of rows) sheet.addRow(row);
  if (passages) {
    const passageSheet = workbook.addWorksheet('阅读材料');
    passageSheet.addRow(['标题', '内容']);
    for (const row of passages) passageSheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const WORD_MAIN = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const escapeXml = (text: string) =>
  text.replace(
    /[&<>"]/g,
    (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[char] ?? ''};`,
  );

/**
 * One paragraph of document.xml: each string a run (a tab is w:tab, a line break w:br), or raw
 * XML when given as `{ xml }` (a picture, an equation).
 */
export function wordParagraph(...parts: (string | { xml: string })[]): string {
  const runs = parts.map((part) => {
    if (typeof part !== 'string') return part.xml;
    const pieces = part
      .split(/(\t|\n)/)
      .map((piece) =>
        piece === '\t'
          ? '<w:tab/>'
          : piece === '\n'
            ? '<w:br/>'
            : piece === ''
              ? ''
              : `<w:t xml:space="preserve">${escapeXml(piece)}</w:t>`,
      );
    return `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>${pieces.join('')}</w:r>`;
  });
  return `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>${runs.join('')}</w:p>`;
}

/** word/document.xml of these paragraphs: a string is one paragraph of text, `{ xml }` is raw. */
export function wordDocumentXml(paragraphs: (string | { xml: string })[]): string {
  const body = paragraphs
    .map((paragraph) => (typeof paragraph === 'string' ? wordParagraph(paragraph) : paragraph.xml))
    .join('');
  return (
    `<w:document xmlns:w="${WORD_MAIN}" xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">` +
    `<w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`
  );
}

/** A .docx as Word writes it (content types, relationships, document.xml). */
export function buildQuestionDocx(paragraphs: (string | { xml: string })[]): Buffer {
  const xml = (content: string) =>
    Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n${content}`);
  return buildZip([
    {
      name: '[Content_Types].xml',
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
          '</Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: xml(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
          '</Relationships>',
      ),
    },
    {
      name: 'word/document.xml',
      data: xml(wordDocumentXml(paragraphs)),
    },
  ]);
}
