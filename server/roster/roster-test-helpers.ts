import ExcelJS from 'exceljs';
import { crc32, deflateRawSync } from 'node:zlib';
import { idNumberCheckChar } from '../../shared/api/common.js';

/** One file of a zip built by `buildZip`; `declaredSize` lets a test write a lying header. */
export interface ZipInput {
  name: string;
  data: Buffer;
  deflate?: boolean;
  declaredSize?: number;
}

/**
 * A zip archive written by hand (local headers, central directory, end record), so tests can
 * craft bombs and odd names that a zip library would not write.
 */
export function buildZip(files: ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const body = file.deflate === false ? file.data : deflateRawSync(file.data);
    const method = file.deflate === false ? 0 : 8;
    const crc = crc32(file.data);
    const size = file.declaredSize ?? file.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A cell for `buildXlsx`: text, a number, or an exceljs value such as `{ formula }`. */
export type XlsxCell = ExcelJS.CellValue;

/** An XLSX whose first sheet holds these rows (the first is the header). */
export async function buildXlsx(rows: XlsxCell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('名单');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A valid ID number made from a 6-digit area, a birth date and a sequence. */
export function idNumber(sequence: number, birth = '20050101'): string {
  const first17 = `110108${birth}${String(sequence).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
}

/** The same ID number with a wrong check character. */
export function withBadChecksum(id: string): string {
  const wrong = id.endsWith('1') ? '2' : '1';
  return id.slice(0, 17) + wrong;
}

export const HEADER_ZH = ['姓名', '身份证号', '手机号', '准考证号', '学院', '考场'];

/**
 * A minimal XLSX written by hand (inline strings, no styles): exceljs needs about 16 s to write
 * 100,000 rows, this takes well under one.
 */
export function buildPlainXlsx(rows: string[][]): Buffer {
  const escape = (text: string) =>
    text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
  const sheetRows = rows
    .map(
      (cells, index) =>
        `<row r="${String(index + 1)}">${cells
          .map(
            (cell, column) =>
              `<c r="${String.fromCharCode(65 + column)}${String(index + 1)}" t="inlineStr"><is><t>${escape(cell)}</t></is></c>`,
          )
          .join('')}</row>`,
    )
    .join('');
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const pkg = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const text = (name: string, content: string): ZipInput => ({
    name,
    data: Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${content}`),
  });
  return buildZip([
    text(
      '[Content_Types].xml',
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '</Types>',
    ),
    text(
      '_rels/.rels',
      `<Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    text(
      'xl/workbook.xml',
      `<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    text(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    text(
      'xl/worksheets/sheet1.xml',
      `<worksheet xmlns="${main}"><sheetData>${sheetRows}</sheetData></worksheet>`,
    ),
  ]);
}

let gbkTable: Map<string, Buffer> | null = null;

/** Text encoded as GB18030 (GBK range), as Excel on a Chinese Windows saves CSV. */
export function encodeGb18030(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const bytes = Buffer.from([lead, trail]);
        const char = decoder.decode(bytes);
        if (char.length === 1 && char !== '\ufffd' && !gbkTable.has(char))
          gbkTable.set(char, bytes);
      }
    }
  }
  const table = gbkTable;
  const parts: Buffer[] = [];
  for (const char of text) {
    const bytes = char.charCodeAt(0) < 0x80 ? Buffer.from(char, 'latin1') : table.get(char);
    if (!bytes) throw new Error(`no GBK code for ${char}`);
    parts.push(bytes);
  }
  return Buffer.concat(parts);
}
