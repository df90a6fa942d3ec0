import { CloseOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Progress, Typography, theme } from 'antd';
import { useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { uploadMyDocument, type MyIdentityReview } from '../../../../shared/api/documents.js';
import { isApiError } from '../../../api/ApiError.js';
import { useErrorMessage } from '../../../api/errors.js';
import { uploadApi } from '../../../api/upload.js';
import { maxBytesOfIssues } from '../../../../shared/api/common.js';
import { formatBytes } from '../../../ui/format.js';
import { DOCUMENT_ACCEPT, largestLimit } from './documentFormat.js';
import { MY_DOCUMENTS_KEY } from './useMyDocuments.js';
import { visuallyHidden } from '../../../ui/visuallyHidden.js';

type UploadStatus = 'waiting' | 'uploading' | 'failed';

/** Why a file was not uploaded; turned into words when shown, in the current language. */
type UploadFailure =
  | { kind: 'tooMany'; maxFiles: number }
  | { kind: 'tooLarge'; maxBytes: number }
  | { kind: 'server'; error: unknown };

interface UploadItem {
  key: string;
  file: File;
  status: UploadStatus;
  /** Percent sent, 0–100. */
  progress: number;
  failure?: UploadFailure;
}

/** The name travels in `?name=`, at most 255 characters; keep the extension when shortening. */
function uploadName(file: File): string {
  const name = file.name.trim() || 'file';
  if (name.length <= 255) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  return name.slice(0, 255 - extension.length) + extension;
}

let nextKey = 0;

/**
 * 选择文件 (or drop files): checks the count and size the browser can judge, then uploads the
 * files one at a time with a progress bar each; failures stay listed with their reason.
 */
export function DocumentUploader({ review }: { review: MyIdentityReview }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const waitingRef = useRef<UploadItem[]>([]);
  const isRunningRef = useRef(false);
  const [items, setItems] = useState<UploadItem[]>([]);
  const [isDragging, setIsDragging] = useState(false);

  const { maxFiles } = review.limits;
  const queued = items.filter((item) => item.status !== 'failed').length;
  const remaining = Math.max(0, maxFiles - review.documents.length - queued);

  const update = (key: string, patch: Partial<UploadItem>) =>
    setItems((previous) =>
      previous.map((item) => (item.key === key ? { ...item, ...patch } : item)),
    );
  const remove = (key: string) =>
    setItems((previous) => previous.filter((item) => item.key !== key));

  const drain = async () => {
    if (isRunningRef.current) return;
    isRunningRef.current = true;
    let uploaded = 0;
    try {
      for (let item = waitingRef.current.shift(); item; item = waitingRef.current.shift()) {
        const { key, file } = item;
        update(key, { status: 'uploading', progress: 0 });
        try {
          const answer = await uploadApi(
            uploadMyDocument,
            { query: { name: uploadName(file) } },
            file,
            { onProgress: (fraction) => update(key, { progress: Math.round(fraction * 100) }) },
          );
          // A read still under way would overwrite this newer answer with an older one.
          await queryClient.cancelQueries({ queryKey: MY_DOCUMENTS_KEY });
          queryClient.setQueryData(MY_DOCUMENTS_KEY, answer);
          remove(key);
          uploaded += 1;
        } catch (error) {
          update(key, { status: 'failed', failure: { kind: 'server', error } });
        }
      }
    } finally {
      isRunningRef.current = false;
      if (uploaded > 0) {
        void message.success(t('candidateDocuments.uploadedCount', { count: uploaded }));
      }
      await queryClient.invalidateQueries({ queryKey: MY_DOCUMENTS_KEY });
    }
  };

  const addFiles = (files: readonly File[]) => {
    if (files.length === 0) return;
    const maxBytes = largestLimit(review.limits);
    let room = remaining;
    const added = files.map((file): UploadItem => {
      const base = { key: `upload-${String(nextKey++)}`, file, progress: 0 };
      if (room <= 0) {
        return {
          ...base,
          status: 'failed',
          failure: { kind: 'tooMany', maxFiles },
        };
      }
      if (file.size > maxBytes) {
        return {
          ...base,
          status: 'failed',
          failure: { kind: 'tooLarge', maxBytes },
        };
      }
      room -= 1;
      return { ...base, status: 'waiting' };
    });
    setItems((previous) => [...previous, ...added]);
    waitingRef.current.push(...added.filter((item) => item.status === 'waiting'));
    void drain();
  };

  const handleDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setIsDragging(false);
    addFiles(Array.from(event.dataTransfer.files));
  };

  return (
    <Flex vertical gap={12}>
      <div
        role="group"
        aria-label={t('candidateDocuments.dropAreaLabel')}
        onDragOver={(event) => {
          event.preventDefault();
          setIsDragging(true);
        }}
        onDragLeave={() => setIsDragging(false)}
        onDrop={handleDrop}
        style={{
          border: `1px dashed ${isDragging ? token.colorPrimary : token.colorBorder}`,
          background: isDragging ? token.colorPrimaryBg : token.colorFillAlter,
          borderRadius: token.borderRadiusLG,
          padding: token.paddingLG,
          textAlign: 'center',
        }}
      >
        <Flex vertical align="center" gap={8}>
          <InboxOutlined aria-hidden style={{ fontSize: 36, color: token.colorPrimary }} />
          <Typography.Text>{t('candidateDocuments.dropHere')}</Typography.Text>
          <Button
            type="primary"
            disabled={remaining === 0}
            onClick={() => inputRef.current?.click()}
          >
            {t('candidateDocuments.chooseFiles')}
          </Button>
          <Typography.Text type="secondary">
            {t('candidateDocuments.remaining', { count: remaining })}
          </Typography.Text>
        </Flex>
        <input
          ref={inputRef}
          id={inputId}
          type="file"
          multiple
          accept={DOCUMENT_ACCEPT}
          aria-label={t('candidateDocuments.chooseFiles')}
          tabIndex={-1}
          style={visuallyHidden}
          onChange={(event) => {
            addFiles(Array.from(event.target.files ?? []));
            event.target.value = '';
          }}
        />
      </div>
      {items.length > 0 && (
        <ul
          aria-label={t('candidateDocuments.uploads')}
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
        >
          {items.map((item) => (
            <UploadRow key={item.key} item={item} onDismiss={() => remove(item.key)} />
          ))}
        </ul>
      )}
    </Flex>
  );
}

function UploadRow({ item, onDismiss }: { item: UploadItem; onDismiss: () => void }) {
  const { t } = useTranslation();
  const name = item.file.name;
  return (
    <li style={{ padding: '6px 0' }}>
      <Flex align="center" gap={8}>
        <Typography.Text ellipsis style={{ flex: 1, minWidth: 0 }}>
          {name}
          <Typography.Text type="secondary"> ({formatBytes(item.file.size)})</Typography.Text>
        </Typography.Text>
        {item.status === 'waiting' && (
          <Typography.Text type="secondary">{t('candidateDocuments.waiting')}</Typography.Text>
        )}
        {item.status === 'failed' && (
          <Button
            size="small"
            type="text"
            icon={<CloseOutlined />}
            aria-label={t('candidateDocuments.dismissNamed', { name })}
            title={t('candidateDocuments.dismiss')}
            onClick={onDismiss}
          />
        )}
      </Flex>
      {item.status === 'failed' ? (
        <Typography.Text type="danger" role="alert">
          {item.failure && <FailureText failure={item.failure} />}
        </Typography.Text>
      ) : (
        <Progress
          percent={item.progress}
          size="small"
          status={item.status === 'uploading' ? 'active' : 'normal'}
          aria-label={t('candidateDocuments.progressOf', { name })}
        />
      )}
    </li>
  );
}

function FailureText({ failure }: { failure: UploadFailure }) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  switch (failure.kind) {
    case 'tooMany':
      return t('candidateDocuments.tooManyLocal', { max: failure.maxFiles });
    case 'tooLarge':
      return t('candidateDocuments.tooLargeLocal', { size: formatBytes(failure.maxBytes) });
    case 'server': {
      const { error } = failure;
      const limit = isApiError(error, 'FILE_TOO_LARGE') ? maxBytesOfIssues(error.issues) : null;
      return limit === null
        ? describe(error)
        : t('candidateDocuments.tooLargeWithLimit', { size: formatBytes(limit) });
    }
  }
}
