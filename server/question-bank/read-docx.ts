import { assertSafeZip, openZip } from '../files/zip.js';
import { XLSX_ZIP_LIMITS } from '../roster/parse-roster.js';
import { unreadableFile } from './read-xlsx.js';

/** One paragraph of a Word document (w:p) as its reader sees it. */
export interface DocxParagraph {
  /** Counted from 1 in document order, blank paragraphs and those in tables too. */
  number: number;
  /** Its runs' text: w:tab as a tab, w:br and w:cr as a line break. */
  text: string;
  /** Pictures, drawings, text boxes and embedded objects left out of `text`. */
  images: number;
  /** Word equations (OMML) left out of `text`. */
  formulas: number;
}

const DOCUMENT_PART = 'word/document.xml';

/** Elements whose content is not text of the paragraph: what they count as when skipped. */
const SKIPPED: Partial<Record<string, 'image' | 'formula' | 'none'>> = {
  'w:drawing': 'image',
  'w:pict': 'image',
  'w:object': 'image',
  'm:oMath': 'formula',
  'm:oMathPara': 'formula',
  // The copy of an mc:Choice for older readers: its drawing was already counted there.
  'mc:Fallback': 'none',
  'w:instrText': 'none',
  'w:delText': 'none',
};

// A tag (attribute values may hold `>`), or the text between tags. Declarations, comments and
// processing instructions are matched so they are never taken for text.
const TOKEN =
  /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<(\/?)([^\s/>!?]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)/g;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * The paragraphs of a document.xml, by a walk over its tags: text is the content of w:t inside a
 * paragraph; pictures and equations are counted and skipped, as are field codes and deleted
 * text of tracked changes. Text boxes sit inside drawings, so their paragraphs are skipped whole.
 */
export function paragraphsOfDocumentXml(xml: string): DocxParagraph[] {
  const paragraphs: DocxParagraph[] = [];
  let current: DocxParagraph | null = null;
  let paragraphDepth = 0;
  let runDepth = 0;
  let isInText = false;
  let skip: { name: string; depth: number } | null = null;
  for (const match of xml.matchAll(TOKEN)) {
    const [, cdata, closing, name, , selfClosing, text] = match;
    if (name === undefined) {
      const content = cdata ?? (text === undefined ? null : decodeEntities(text));
      if (content !== null && skip === null && isInText && current) current.text += content;
      continue;
    }
    const isClose = closing === '/';
    const isEmpty = selfClosing === '/';
    if (skip) {
      if (name === skip.name && !isEmpty) skip.depth += isClose ? -1 : 1;
      if (skip.depth === 0) skip = null;
      continue;
    }
    const skipped = SKIPPED[name];
    if (skipped !== undefined && !isClose) {
      if (current && skipped === 'image') current.images++;
      if (current && skipped === 'formula') current.formulas++;
      if (!isEmpty) skip = { name, depth: 1 };
      continue;
    }
    switch (name) {
      case 'w:p':
        if (isClose) {
          paragraphDepth = Math.max(0, paragraphDepth - 1);
          if (paragraphDepth === 0) current = null;
        } else if (paragraphDepth === 0) {
          const paragraph = { number: paragraphs.length + 1, text: '', images: 0, formulas: 0 };
          paragraphs.push(paragraph);
          current = isEmpty ? null : paragraph;
          if (!isEmpty) paragraphDepth = 1;
        } else if (!isEmpty) paragraphDepth++;
        break;
      case 'w:r':
        if (!isEmpty) runDepth = Math.max(0, runDepth + (isClose ? -1 : 1));
        break;
      case 'w:t':
        isInText = !isClose && !isEmpty;
        break;
      case 'w:tab':
      case 'w:br':
      case 'w:cr':
      case 'w:noBreakHyphen':
        // w:tab also names tab stops in paragraph properties: only one inside a run is text.
        if (current && runDepth > 0 && !isClose) {
          current.text += name === 'w:tab' ? '\t' : name === 'w:noBreakHyphen' ? '-' : '\n';
        }
        break;
      default:
        break;
    }
  }
  return paragraphs;
}

/**
 * The paragraphs of a Word file, or null when the zip is not one (no word/document.xml), so the
 * caller reads it as XLSX. The archive is held to the XLSX limits (a bomb is ARCHIVE_REJECTED).
 */
export async function readDocxParagraphs(bytes: Buffer): Promise<DocxParagraph[] | null> {
  const probe = await openZip(bytes, XLSX_ZIP_LIMITS, () => unreadableFile('bad_xlsx'));
  const isWord = probe.entries.some((entry) => entry.name === DOCUMENT_PART);
  probe.close();
  if (!isWord) return null;
  await assertSafeZip(bytes, XLSX_ZIP_LIMITS, () => unreadableFile('bad_docx'));
  const zip = await openZip(bytes, XLSX_ZIP_LIMITS, () => unreadableFile('bad_docx'));
  let xml: string;
  try {
    const entry = zip.entries.find((item) => item.name === DOCUMENT_PART);
    if (!entry) throw unreadableFile('bad_docx');
    xml = new TextDecoder('utf-8', { fatal: true }).decode(await zip.read(entry));
  } catch (error) {
    if (error instanceof TypeError) throw unreadableFile('bad_docx');
    throw error;
  } finally {
    zip.close();
  }
  if (!/<w:body[\s>]/.test(xml)) throw unreadableFile('bad_docx');
  return paragraphsOfDocumentXml(xml);
}
