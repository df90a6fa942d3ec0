import { Typography } from 'antd';
import { Fragment, use, useMemo, type CSSProperties, type ReactNode } from 'react';
import { buildPath } from '../../shared/api/contract.js';
import {
  BANK_IMAGE_FILE_PATH,
  MY_QUESTION_IMAGE_FILE_PATH,
} from '../../shared/api/question-images.js';
import { parseRichText, type RichSegment } from '../../shared/questions/rich-text.js';
import { SessionUserContext } from '../auth/SessionUserContext.js';
import { Formula } from './Formula.js';

interface RichTextProps {
  /** A stem, option, passage or reference answer as the bank stores it. */
  text: string;
  /** Numbers a fill-in stem's blanks (`___`) as the inputs below it are: ___(1)___. */
  numberBlanks?: boolean;
}

/** Pictures come from the candidate's own route for candidates, the bank's for staff. */
function useImageUrl(): ((imageId: string) => string) | null {
  const user = use(SessionUserContext);
  if (!user) return null;
  const path = user.role === 'candidate' ? MY_QUESTION_IMAGE_FILE_PATH : BANK_IMAGE_FILE_PATH;
  return (imageId) => buildPath(path, { imageId });
}

const imageStyle: CSSProperties = { maxWidth: '100%', height: 'auto', verticalAlign: 'middle' };

/** Plain text with its fill-in blanks numbered from `first`; answers the next number. */
function withBlanks(text: string, first: number, nodes: ReactNode[], key: string): number {
  const parts = text.split(/_{3,}/);
  let number = first;
  parts.forEach((part, index) => {
    nodes.push(<Fragment key={`${key}-${String(index)}`}>{part}</Fragment>);
    if (index < parts.length - 1) {
      nodes.push(
        <Typography.Text key={`${key}-${String(index)}-blank`} underline strong>
          {'\u2003'}({number}){'\u2003'}
        </Typography.Text>,
      );
      number++;
    }
  });
  return number;
}

/**
 * Question text as written in the bank (shared/questions/rich-text.ts): plain text stays text
 * (React escapes it), `$…$` and `$$…$$` are rendered with KaTeX (loaded the first time one is
 * shown), `![说明](image:id)` is the picture with its 说明 as alt text. Line breaks are kept by
 * the caller's `white-space: pre-wrap`.
 */
export function RichText({ text, numberBlanks = false }: RichTextProps) {
  const segments = useMemo(() => parseRichText(text).segments, [text]);
  const imageUrl = useImageUrl();
  const nodes: ReactNode[] = [];
  let blank = 1;
  segments.forEach((segment: RichSegment, index) => {
    const key = String(index);
    switch (segment.kind) {
      case 'text':
        if (numberBlanks) blank = withBlanks(segment.text, blank, nodes, key);
        else nodes.push(<Fragment key={key}>{segment.text}</Fragment>);
        break;
      case 'math':
        nodes.push(<Formula key={key} tex={segment.tex} display={segment.display} />);
        break;
      case 'image':
        nodes.push(
          imageUrl ? (
            <img
              key={key}
              src={imageUrl(segment.imageId)}
              alt={segment.alt}
              loading="lazy"
              style={imageStyle}
            />
          ) : (
            <Fragment key={key}>[{segment.alt}]</Fragment>
          ),
        );
        break;
    }
  });
  return <>{nodes}</>;
}
