import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Flex, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  importRosterPhotos,
  ROSTER_PHOTO_MAX_BYTES,
  ROSTER_PHOTOS_MAX_ZIP_BYTES,
  type RosterPhotosResult,
} from '../../../../shared/api/roster.js';
import { uploadApi } from '../../../api/upload.js';
import { FileChooser } from './FileChooser.js';
import { UploadErrorAlert } from './UploadErrorAlert.js';
import { UploadStatus } from './UploadStatus.js';
import { rosterKeys, useUploadProgress } from './useRoster.js';
import { formatBytes } from '../../../ui/format.js';

const ZIP_ACCEPT = '.zip,application/zip';

/** 导入照片: a zip of reference photos named by ID number or admission number. */
export function RosterPhotosCard({ examId }: { examId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const progress = useUploadProgress();
  const [fileName, setFileName] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (file: File) =>
      uploadApi(importRosterPhotos, { params: { examId }, query: { name: file.name } }, file, {
        onProgress: progress.onProgress,
      }),
    onMutate: () => progress.reset(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rosterKeys.all }),
  });

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {t('adminRoster.photosTitle')}
        </Typography.Title>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph style={{ margin: 0 }}>
          {t('adminRoster.photosIntro')}
        </Typography.Paragraph>
        <Typography.Text type="secondary">
          {t('adminRoster.photosLimits', {
            zip: formatBytes(ROSTER_PHOTOS_MAX_ZIP_BYTES),
            photo: formatBytes(ROSTER_PHOTO_MAX_BYTES),
          })}
        </Typography.Text>
        <Space wrap>
          <FileChooser
            label={t('adminRoster.choosePhotosFile')}
            accept={ZIP_ACCEPT}
            disabled={send.isPending}
            onChoose={(file) => {
              setFileName(file.name);
              send.mutate(file);
            }}
          />
          {fileName && (
            <Typography.Text type="secondary">
              {t('adminRoster.chosenFile', { name: fileName })}
            </Typography.Text>
          )}
        </Space>
        {send.isPending && (
          <UploadStatus
            fraction={progress.fraction}
            processingText={t('adminRoster.photosSaving')}
          />
        )}
        {send.isError && (
          <UploadErrorAlert
            title={t('adminRoster.photosFailed')}
            error={send.error}
            maxBytes={ROSTER_PHOTOS_MAX_ZIP_BYTES}
          />
        )}
        {send.isSuccess && <PhotosResult result={send.data} />}
      </Flex>
    </Card>
  );
}

function PhotosResult({ result }: { result: RosterPhotosResult }) {
  const { t } = useTranslation();
  const hasProblems = result.unmatched.length > 0 || result.rejected.length > 0;
  return (
    <Flex vertical gap={12}>
      <Alert
        type={hasProblems ? 'warning' : 'success'}
        showIcon
        title={t('adminRoster.photosMatched', { count: result.matched })}
        description={
          hasProblems
            ? [
                result.unmatched.length > 0 &&
                  t('adminRoster.photosUnmatched', { count: result.unmatched.length }),
                result.rejected.length > 0 &&
                  t('adminRoster.photosRejected', { count: result.rejected.length }),
              ]
                .filter(Boolean)
                .join(t('adminRoster.listSeparator'))
            : undefined
        }
      />
      {result.unmatched.length > 0 && (
        <List
          size="small"
          bordered
          header={
            <Typography.Title level={3} style={{ fontSize: 14, margin: 0 }}>
              {t('adminRoster.photosUnmatched', { count: result.unmatched.length })}
            </Typography.Title>
          }
          dataSource={result.unmatched}
          pagination={result.unmatched.length > 10 ? { pageSize: 10, size: 'small' } : false}
          renderItem={(name) => (
            <List.Item>
              <Typography.Text code>{name}</Typography.Text>
            </List.Item>
          )}
        />
      )}
      {result.rejected.length > 0 && (
        <List
          size="small"
          bordered
          header={
            <Typography.Title level={3} style={{ fontSize: 14, margin: 0 }}>
              {t('adminRoster.photosRejected', { count: result.rejected.length })}
            </Typography.Title>
          }
          dataSource={result.rejected}
          pagination={result.rejected.length > 10 ? { pageSize: 10, size: 'small' } : false}
          renderItem={(entry) => (
            <List.Item>
              <Typography.Text code>{entry.name}</Typography.Text>
              <span>{t(`adminRoster.photoRejected.${entry.reason}`)}</span>
            </List.Item>
          )}
        />
      )}
    </Flex>
  );
}
