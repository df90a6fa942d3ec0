import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { buildPath } from '../../../../shared/api/contract.js';
import {
  importRoster,
  ROSTER_MAX_FILE_BYTES,
  ROSTER_MAX_ROWS,
  ROSTER_TEMPLATE_PATH,
  type RosterImportMode,
  type RosterImportResult,
} from '../../../../shared/api/roster.js';
import { uploadApi } from '../../../api/upload.js';
import { examAdminKeys } from '../exams/useExamAdmin.js';
import { FileChooser } from './FileChooser.js';
import { RosterImportResultPanel } from './RosterImportResult.js';
import { UploadErrorAlert } from './UploadErrorAlert.js';
import { UploadStatus } from './UploadStatus.js';
import { rosterKeys, useUploadProgress } from './useRoster.js';
import { formatBytes } from '../../../ui/format.js';

const ROSTER_ACCEPT =
  '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

interface SendInput {
  file: File;
  mode: RosterImportMode;
}

/** 导入考生名单: template, upload with progress, the check's findings, then the import. */
export function RosterImportCard({ examId }: { examId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const progress = useUploadProgress();
  const inputRef = useRef<HTMLInputElement | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<RosterImportResult | null>(null);
  const [imported, setImported] = useState<RosterImportResult | null>(null);

  const send = useMutation({
    mutationFn: ({ file: chosen, mode }: SendInput) =>
      uploadApi(importRoster, { params: { examId }, query: { name: chosen.name, mode } }, chosen, {
        onProgress: progress.onProgress,
      }),
    onMutate: () => progress.reset(),
    onSuccess: async (result) => {
      if (result.mode === 'validate' || !result.imported) {
        setChecked(result);
        return;
      }
      setImported(result);
      setChecked(null);
      setFile(null);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: rosterKeys.all }),
        queryClient.invalidateQueries({ queryKey: examAdminKeys.all }),
      ]);
    },
  });

  const handleChoose = (chosen: File) => {
    setFile(chosen);
    setChecked(null);
    setImported(null);
    send.mutate({ file: chosen, mode: 'validate' });
  };
  const importAs = (mode: RosterImportMode) => {
    if (file) send.mutate({ file, mode });
  };
  const templateHref = (format: 'xlsx' | 'csv') =>
    `${buildPath(ROSTER_TEMPLATE_PATH, { examId })}?format=${format}`;
  const sendingMode = send.isPending ? send.variables.mode : null;

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {t('adminRoster.importTitle')}
        </Typography.Title>
      }
    >
      <Flex vertical gap={16}>
        <ol aria-label={t('adminRoster.importSteps')} style={{ margin: 0, paddingInlineStart: 20 }}>
          <li>
            <Flex vertical gap={8} style={{ marginBottom: 12 }}>
              <span>{t('adminRoster.step1')}</span>
              <Space wrap>
                <Button
                  icon={<DownloadOutlined aria-hidden />}
                  href={templateHref('xlsx')}
                  download
                >
                  {t('adminRoster.downloadTemplate')}
                </Button>
                <Button icon={<DownloadOutlined aria-hidden />} href={templateHref('csv')} download>
                  {t('adminRoster.downloadCsvTemplate')}
                </Button>
              </Space>
            </Flex>
          </li>
          <li style={{ marginBottom: 12 }}>
            <Flex vertical gap={4}>
              <span>{t('adminRoster.step2')}</span>
              <Typography.Text type="secondary">
                {t('adminRoster.admissionNumberHint')}
              </Typography.Text>
            </Flex>
          </li>
          <li>
            <Flex vertical gap={8}>
              <span>{t('adminRoster.step3')}</span>
              <Space wrap>
                <FileChooser
                  label={t('adminRoster.chooseRosterFile')}
                  accept={ROSTER_ACCEPT}
                  disabled={send.isPending}
                  inputRef={inputRef}
                  onChoose={handleChoose}
                />
                {file && (
                  <Typography.Text type="secondary">
                    {t('adminRoster.chosenFile', { name: file.name })}
                  </Typography.Text>
                )}
              </Space>
              <Typography.Text type="secondary">
                {t('adminRoster.importHint', {
                  size: formatBytes(ROSTER_MAX_FILE_BYTES),
                  rows: ROSTER_MAX_ROWS.toLocaleString(),
                })}
              </Typography.Text>
            </Flex>
          </li>
        </ol>
        {sendingMode !== null && (
          <UploadStatus
            fraction={progress.fraction}
            processingText={
              sendingMode === 'validate' ? t('adminRoster.validating') : t('adminRoster.importing')
            }
          />
        )}
        {send.isError && (
          <UploadErrorAlert
            title={t('adminRoster.importFailed')}
            error={send.error}
            maxBytes={ROSTER_MAX_FILE_BYTES}
          />
        )}
        {imported && (
          <Alert
            type="success"
            showIcon
            title={t('adminRoster.imported', {
              created: imported.created,
              updated: imported.updated,
              unchanged: imported.unchanged,
            })}
            description={
              imported.mode === 'valid_rows' && imported.errorRows > 0
                ? t('adminRoster.importedSkipped', { count: imported.errorRows })
                : undefined
            }
          />
        )}
        {checked && (
          <RosterImportResultPanel
            result={checked}
            isBusy={send.isPending}
            onImportAll={() => importAs('all')}
            onImportValidRows={() => importAs('valid_rows')}
            onChooseAgain={() => inputRef.current?.click()}
          />
        )}
      </Flex>
    </Card>
  );
}
