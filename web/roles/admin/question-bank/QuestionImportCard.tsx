import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  importBankQuestions,
  QUESTION_IMPORT_MAX_BYTES,
  QUESTION_TEMPLATE_PATH,
  type QuestionImportMode,
  type QuestionImportResult,
} from '../../../../shared/api/question-import.js';
import { isApiError } from '../../../api/ApiError.js';
import { useErrorMessage } from '../../../api/errors.js';
import { uploadApi } from '../../../api/upload.js';
import { formatBytes } from '../../../ui/format.js';
import { FileChooser } from '../roster/FileChooser.js';
import { UploadStatus } from '../roster/UploadStatus.js';
import { useUploadProgress } from '../roster/useRoster.js';
import { zh } from './messages.js';
import { QuestionImportResultPanel } from './QuestionImportResult.js';
import { questionBankKeys } from './useQuestionBank.js';

const QUESTION_ACCEPT = [
  '.xlsx',
  '.docx',
  '.gift',
  '.txt',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'text/plain',
].join(',');

function isFileIssue(message: string): message is keyof typeof zh.fileIssues {
  return Object.hasOwn(zh.fileIssues, message);
}

/** 导入题目: the template, an XLSX, Word or GIFT file checked first, then its valid rows imported. */
export function QuestionImportCard() {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const progress = useUploadProgress();
  const inputRef = useRef<HTMLInputElement | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<QuestionImportResult | null>(null);
  const [imported, setImported] = useState<QuestionImportResult | null>(null);

  const send = useMutation({
    mutationFn: ({ chosen, mode }: { chosen: File; mode: QuestionImportMode }) =>
      uploadApi(importBankQuestions, { query: { name: chosen.name, mode } }, chosen, {
        onProgress: progress.onProgress,
      }),
    onMutate: () => progress.reset(),
    onSuccess: async (result) => {
      if (result.mode === 'validate') {
        setChecked(result);
        return;
      }
      setImported(result);
      setChecked(null);
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: questionBankKeys.all });
    },
  });

  const handleChoose = (chosen: File) => {
    setFile(chosen);
    setChecked(null);
    setImported(null);
    send.mutate({ chosen, mode: 'validate' });
  };
  const sendingMode = send.isPending ? send.variables.mode : null;
  const issues = isApiError(send.error) ? send.error.issues : [];

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {t('questionBank.importTitle')}
        </Typography.Title>
      }
    >
      <Flex vertical gap={16}>
        <ol
          aria-label={t('questionBank.importSteps')}
          style={{ margin: 0, paddingInlineStart: 20 }}
        >
          <li style={{ marginBottom: 12 }}>
            <Flex vertical gap={8}>
              <span>{t('questionBank.step1')}</span>
              <span>
                <Button
                  icon={<DownloadOutlined aria-hidden />}
                  href={QUESTION_TEMPLATE_PATH}
                  download
                >
                  {t('questionBank.downloadTemplate')}
                </Button>
              </span>
            </Flex>
          </li>
          <li>
            <Flex vertical gap={8}>
              <span>{t('questionBank.step2')}</span>
              <Flex gap={8} wrap align="center">
                <FileChooser
                  label={t('questionBank.chooseFile')}
                  accept={QUESTION_ACCEPT}
                  disabled={send.isPending}
                  inputRef={inputRef}
                  onChoose={handleChoose}
                />
                {file && (
                  <Typography.Text type="secondary">
                    {t('questionBank.chosenFile', { name: file.name })}
                  </Typography.Text>
                )}
              </Flex>
              <Typography.Text type="secondary">
                {t('questionBank.importHint', { size: formatBytes(QUESTION_IMPORT_MAX_BYTES) })}
              </Typography.Text>
              <Typography.Text type="secondary">{t('questionBank.wordHint')}</Typography.Text>
            </Flex>
          </li>
        </ol>
        {sendingMode !== null && (
          <UploadStatus
            fraction={progress.fraction}
            processingText={t(
              sendingMode === 'validate' ? 'questionBank.validating' : 'questionBank.importing',
            )}
          />
        )}
        {send.isError && (
          <Alert
            type="error"
            showIcon
            title={t('questionBank.importFailed')}
            description={[
              describe(send.error),
              ...issues.flatMap((issue) =>
                isFileIssue(issue.message) ? [t(`questionBank.fileIssues.${issue.message}`)] : [],
              ),
            ].join(' ')}
          />
        )}
        {imported && (
          <Alert
            type="success"
            showIcon
            title={t('questionBank.imported', {
              created: imported.created,
              updated: imported.updated,
              unchanged: imported.unchanged,
            })}
            description={
              imported.errorRows > 0
                ? t('questionBank.importedSkipped', { count: imported.errorRows })
                : undefined
            }
          />
        )}
        {checked && file && (
          <QuestionImportResultPanel
            result={checked}
            isBusy={sendingMode === 'valid_rows'}
            onImport={() => send.mutate({ chosen: file, mode: 'valid_rows' })}
            onChooseAgain={() => inputRef.current?.click()}
          />
        )}
      </Flex>
    </Card>
  );
}
