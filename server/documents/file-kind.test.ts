import { describe, expect, it } from 'vitest';
import { contentDisposition } from './download.js';
import { cleanDisplayName, detectDocumentFile } from './file-kind.js';
import { docxWithPadding, exeHeader, tinyPdf, tinyPng } from './test-files.js';

/** The start of an old Office file (.doc/.xls/.ppt): the MS-CFB signature. */
function cfbHeader(): Buffer {
  const bytes = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
  return bytes;
}

describe('detectDocumentFile', () => {
  it('judges by content, whatever the name says', async () => {
    expect(await detectDocumentFile(tinyPng(), 'scan.pdf')).toMatchObject({
      kind: 'png',
      mimeType: 'image/png',
    });
    expect(await detectDocumentFile(tinyPdf(), 'x')).toMatchObject({ kind: 'pdf' });
    expect(await detectDocumentFile(exeHeader(), 'x.pdf')).toBeNull();
    expect(
      await detectDocumentFile(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'a.svg'),
    ).toBeNull();
    expect(await detectDocumentFile(Buffer.alloc(0), 'a.pdf')).toBeNull();
  });

  it('labels old Office files by their extension among Word, Excel and PowerPoint only', async () => {
    expect(await detectDocumentFile(cfbHeader(), '成绩单.XLS')).toMatchObject({
      kind: 'excel',
      mimeType: 'application/vnd.ms-excel',
    });
    expect(await detectDocumentFile(cfbHeader(), 'a.doc')).toMatchObject({ kind: 'word' });
    expect(await detectDocumentFile(cfbHeader(), 'a.ppt')).toMatchObject({ kind: 'ppt' });
    expect(await detectDocumentFile(cfbHeader(), 'setup.msi')).toBeNull();
    expect(await detectDocumentFile(cfbHeader(), 'noextension')).toBeNull();
  });

  it('says a zip may still be an Office file until the whole file is seen', async () => {
    const docx = docxWithPadding(6000);
    expect(await detectDocumentFile(docx.subarray(0, 4100), 'cv.docx')).toMatchObject({
      kind: 'zip',
      mayBeOfficeZip: true,
    });
    expect(await detectDocumentFile(docx, 'cv.docx')).toMatchObject({
      kind: 'word',
      mayBeOfficeZip: false,
    });
  });
});

describe('cleanDisplayName', () => {
  it('keeps the last path part, drops control characters and caps the length', () => {
    expect(cleanDisplayName('../../etc/passwd', 'pdf')).toBe('passwd');
    expect(cleanDisplayName('C:\\Users\\张三\\身份证.pdf', 'pdf')).toBe('身份证.pdf');
    expect(cleanDisplayName('a\u0000b\r\n.png', 'png')).toBe('ab.png');
    expect(cleanDisplayName('../..', 'pdf')).toBe('document.pdf');
    expect(cleanDisplayName('   ', 'png')).toBe('document.png');
    expect(cleanDisplayName(`${'名'.repeat(300)}.pdf`, 'pdf')).toBe('名'.repeat(120));
  });
});

describe('contentDisposition', () => {
  it('encodes the UTF-8 name per RFC 5987 with an ASCII fallback', () => {
    expect(contentDisposition('attachment', '简历 (1).docx')).toBe(
      `attachment; filename="__ (1).docx"; filename*=UTF-8''%E7%AE%80%E5%8E%86%20%281%29.docx`,
    );
    expect(contentDisposition('inline', 'a"b;c.pdf')).toBe(
      `inline; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%3Bc.pdf`,
    );
  });
});
