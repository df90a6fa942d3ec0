import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QuestionType } from '../../../../shared/questions/question-schema.js';
import { RichText } from '../../../rich-text/RichText.js';

interface QuestionPreviewProps {
  type: QuestionType;
  stem: string;
  options: readonly { text: string }[];
  referenceAnswer: string;
}

const preWrap = { whiteSpace: 'pre-wrap', margin: 0 } as const;
const hasOptions = (type: QuestionType) => type === 'single_choice' || type === 'multiple_choice';

/** 预览: the stem, options and 参考答案 as candidates and markers will see them, formulas drawn. */
export function QuestionPreview({ type, stem, options, referenceAnswer }: QuestionPreviewProps) {
  const { t } = useTranslation();
  if (stem.trim() === '') return null;
  return (
    <Card size="small" title={t('questionBank.preview')} style={{ marginBottom: 16 }}>
      <Typography.Paragraph style={preWrap}>
        <RichText text={stem} numberBlanks={type === 'fill_blank'} />
      </Typography.Paragraph>
      {hasOptions(type) ? (
        <ol type="A" style={{ margin: '8px 0 0', paddingInlineStart: 24 }}>
          {options
            .filter((option) => option.text.trim() !== '')
            .map((option, index) => (
              <li key={index} style={{ whiteSpace: 'pre-wrap' }}>
                <RichText text={option.text} />
              </li>
            ))}
        </ol>
      ) : null}
      {(type === 'essay' || type === 'file') && referenceAnswer.trim() !== '' ? (
        <Typography.Paragraph type="secondary" style={{ ...preWrap, marginTop: 8 }}>
          {t('questionBank.columns.referenceAnswer')}：<RichText text={referenceAnswer} />
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}
