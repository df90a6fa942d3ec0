import { Button, Flex, Input, Select, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadQuestionImage } from '../../../../shared/api/question-images.js';
import { describeError } from '../../../api/errors.js';
import { uploadApi } from '../../../api/upload.js';

/** Where a picture goes: the stem, or one option by its position. */
export type ImageTarget = 'stem' | number;

interface QuestionImageInsertProps {
  /** How many options the question has now (0 for types without options). */
  optionCount: number;
  onInsert: (target: ImageTarget, marker: string) => void;
}

/** `]` and line breaks would end the marker's 说明 early. */
const cleanAlt = (alt: string) => alt.replace(/[\]\n\r]/g, ' ').trim();

/**
 * 插入图片: a PNG or JPEG (checked by content on the server), with its 说明 (required, read out
 * by screen readers), put into the stem or an option as `![说明](image:<id>)`.
 */
export function QuestionImageInsert({ optionCount, onInsert }: QuestionImageInsertProps) {
  const { t } = useTranslation();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState('');
  const [target, setTarget] = useState<ImageTarget>('stem');
  const [status, setStatus] = useState<{ kind: 'busy' | 'error' | 'done'; text: string } | null>(
    null,
  );
  const isBusy = status?.kind === 'busy';
  const altText = cleanAlt(alt);

  const insert = async () => {
    if (!file || altText === '') return;
    setStatus({ kind: 'busy', text: t('questionBank.image.uploading') });
    try {
      const image = await uploadApi(uploadQuestionImage, { query: { name: file.name } }, file);
      onInsert(target, `![${altText}](image:${image.id})`);
      setFile(null);
      setAlt('');
      if (fileInput.current) fileInput.current.value = '';
      setStatus({ kind: 'done', text: t('questionBank.image.inserted') });
    } catch (error) {
      setStatus({ kind: 'error', text: describeError(error, t) });
    }
  };

  return (
    <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
      <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('questionBank.image.title')}</legend>
      <Flex gap={8} wrap align="center">
        <input
          ref={fileInput}
          type="file"
          accept="image/png,image/jpeg"
          aria-label={t('questionBank.image.file')}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        <Input
          aria-label={t('questionBank.image.alt')}
          placeholder={t('questionBank.image.alt')}
          value={alt}
          maxLength={200}
          onChange={(event) => setAlt(event.target.value)}
          style={{ width: 220 }}
        />
        <Select<ImageTarget>
          aria-label={t('questionBank.image.target')}
          value={target}
          onChange={setTarget}
          style={{ minWidth: 120 }}
          options={[
            { value: 'stem', label: t('questionBank.stem') },
            ...Array.from({ length: optionCount }, (_v, index) => ({
              value: index,
              label: t('questionBank.image.option', { letter: String.fromCharCode(65 + index) }),
            })),
          ]}
        />
        <Button onClick={() => void insert()} loading={isBusy} disabled={!file || altText === ''}>
          {t('questionBank.image.insert')}
        </Button>
      </Flex>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
        {t('questionBank.image.hint')}
      </Typography.Text>
      <div aria-live="polite">
        {status ? (
          <Typography.Text type={status.kind === 'error' ? 'danger' : 'secondary'}>
            {status.text}
          </Typography.Text>
        ) : null}
      </div>
    </fieldset>
  );
}
