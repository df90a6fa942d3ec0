import { CameraOutlined, CloseOutlined, InboxOutlined, MobileOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Progress, Typography, theme } from 'antd';
import { useCallback, useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import {
  ANSWER_FILE_ACCEPT,
  ANSWER_FILE_MAX_BYTES,
  removeMyAnswerFile,
  requestPhoneCapture,
  uploadMyAnswerFile,
  type MyAnswerFiles,
} from '../../../../shared/api/answer-files.js';
import type { Answer } from '../../../../shared/questions/answer-schema.js';
import { callApi } from '../../../api/client.js';
import { useErrorMessage } from '../../../api/errors.js';
import { uploadApi } from '../../../api/upload.js';
import { formatBytes } from '../../../ui/format.js';
import { visuallyHidden } from '../../../ui/visuallyHidden.js';
import { FileAnswerGallery } from '../../../written-files/FileAnswerGallery.js';
import { useMyAnswerFiles } from './useMyAnswerFiles.js';

interface FileAnswerInputProps {
  paperQuestionId: string;
  maxFiles: number;
  /** The answer's photos as the page holds them. */
  fileIds: readonly string[];
  /** The id of the stem, which names the input. */
  labelledBy: string;
  onChange: (answer: Answer) => void;
}

interface UploadItem {
  key: string;
  file: File;
  progress: number;
  /** Why it was not uploaded, in words; the item stays listed until dismissed. */
  failure?: string;
}

const IMAGE_TYPES = new Set(ANSWER_FILE_ACCEPT.split(','));
let nextKey = 0;

/** The name travels in `?name=`, at most 255 characters. */
const uploadName = (file: File) => (file.name.trim() || 'photo.jpg').slice(-255);

/**
 * The answer the photos make: the held order kept, new photos after it; null when the same.
 */
export function answerOfPhotos(held: readonly string[], live: readonly string[]): string[] | null {
  const same = held.length === live.length && held.every((id) => live.includes(id));
  if (same) return null;
  return [...held.filter((id) => live.includes(id)), ...live.filter((id) => !held.includes(id))];
}

/** The registration of the formal exam page; none in a mock exam or a staff preview. */
function useFormalRegistration(): string | null {
  const { registrationId } = useParams();
  const { pathname } = useLocation();
  return registrationId && pathname.endsWith('/exam') ? registrationId : null;
}

/**
 * 上传作答: choose or drop photos (or take them with the paired phone: 用手机拍照), uploaded one
 * at a time with a progress bar each, shown as thumbnails. The server's list of the question's
 * photos is the answer: an upload, a phone photo or a removal changes it, and the autosave
 * sends it like any other answer.
 */
export function FileAnswerInput(props: FileAnswerInputProps) {
  const registrationId = useFormalRegistration();
  const { t } = useTranslation();
  if (registrationId === null) {
    return <Alert type="info" showIcon title={t('answerFiles.input.notHere')} />;
  }
  return <FormalFileAnswerInput {...props} registrationId={registrationId} />;
}

function FormalFileAnswerInput({
  registrationId,
  paperQuestionId,
  maxFiles,
  fileIds,
  labelledBy,
  onChange,
}: FileAnswerInputProps & { registrationId: string }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const countId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const chooseRef = useRef<HTMLButtonElement>(null);
  const waitingRef = useRef<UploadItem[]>([]);
  const isRunningRef = useRef(false);
  const wantsFocusRef = useRef(false);
  const [items, setItems] = useState<UploadItem[]>([]);
  const [isDragging, setIsDragging] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [status, setStatus] = useState('');
  const photos = useMyAnswerFiles(registrationId);

  const live = (photos.data?.files ?? []).filter((f) => f.paperQuestionId === paperQuestionId);
  const liveIds = live.map((f) => f.id);
  const isPhoneAsked = photos.data?.phoneCapture?.paperQuestionId === paperQuestionId;
  const pending = items.filter((item) => item.failure === undefined).length;
  const room = Math.max(0, maxFiles - live.length - pending);

  // The server's photos of this question are the answer: send it when they differ, after every
  // upload or removal at once (even if the candidate has moved on to another question meanwhile)
  // and whenever the list changes (a phone photo, a reload).
  const latestRef = useRef({ onChange, fileIds, isPhoneAsked });
  useEffect(() => {
    latestRef.current = { onChange, fileIds, isPhoneAsked };
  });
  const sendIfChanged = useCallback(
    (files: MyAnswerFiles) => {
      const ids = files.files.filter((f) => f.paperQuestionId === paperQuestionId).map((f) => f.id);
      const next = answerOfPhotos(latestRef.current.fileIds, ids);
      if (next === null) return;
      latestRef.current.fileIds = next;
      latestRef.current.onChange({ type: 'file', fileIds: next });
    },
    [paperQuestionId],
  );
  useEffect(() => {
    if (photos.data) sendIfChanged(photos.data);
  }, [photos.data, fileIds, sendIfChanged]);
  // Leaving the question stops asking the phone, so no photo lands where the page is not looking.
  useEffect(
    () => () => {
      if (!latestRef.current.isPhoneAsked) return;
      const body = { paperQuestionId: null };
      void callApi(requestPhoneCapture, { params: { registrationId }, body }).catch(
        () => undefined,
      );
    },
    [registrationId],
  );

  useEffect(() => {
    if (!wantsFocusRef.current || room === 0) return;
    wantsFocusRef.current = false;
    chooseRef.current?.focus();
  });

  const update = (key: string, patch: Partial<UploadItem>) =>
    setItems((previous) =>
      previous.map((item) => (item.key === key ? { ...item, ...patch } : item)),
    );
  const dismiss = (key: string) =>
    setItems((previous) => previous.filter((item) => item.key !== key));

  const drain = async () => {
    if (isRunningRef.current) return;
    isRunningRef.current = true;
    try {
      for (let item = waitingRef.current.shift(); item; item = waitingRef.current.shift()) {
        const { key, file } = item;
        setStatus(t('answerFiles.input.uploading', { name: file.name }));
        try {
          const uploaded = await uploadApi(
            uploadMyAnswerFile,
            { params: { registrationId, paperQuestionId }, query: { name: uploadName(file) } },
            file,
            { onProgress: (fraction) => update(key, { progress: Math.round(fraction * 100) }) },
          );
          sendIfChanged(
            await photos.replace((old) => ({ ...old, files: [...old.files, uploaded] })),
          );
          dismiss(key);
          setStatus(t('answerFiles.input.uploaded', { name: file.name }));
        } catch (error) {
          update(key, {
            failure: t('answerFiles.input.failed', { name: file.name, reason: describe(error) }),
          });
        }
      }
    } finally {
      isRunningRef.current = false;
    }
  };

  const addFiles = (files: readonly File[]) => {
    let left = room;
    const added = files.map((file): UploadItem => {
      const base = { key: `answer-upload-${String(nextKey++)}`, file, progress: 0 };
      const name = file.name;
      if (file.type !== '' && !IMAGE_TYPES.has(file.type)) {
        return { ...base, failure: t('answerFiles.input.notImageLocal', { name }) };
      }
      if (file.size > ANSWER_FILE_MAX_BYTES) {
        const size = formatBytes(ANSWER_FILE_MAX_BYTES);
        return { ...base, failure: t('answerFiles.input.tooLargeLocal', { name, size }) };
      }
      if (left <= 0)
        return { ...base, failure: t('answerFiles.input.tooManyLocal', { name, max: maxFiles }) };
      left -= 1;
      return base;
    });
    if (added.length === 0) return;
    setItems((previous) => [...previous, ...added]);
    waitingRef.current.push(...added.filter((item) => item.failure === undefined));
    void drain();
  };

  const handleRemove = async (answerFileId: string) => {
    setIsBusy(true);
    try {
      sendIfChanged(
        await photos.replace(
          await callApi(removeMyAnswerFile, { params: { registrationId, answerFileId } }),
        ),
      );
      setStatus(t('answerFiles.input.removed'));
      // The button comes back enabled on the next render; focus goes to it then.
      wantsFocusRef.current = true;
    } catch (error) {
      void message.error(describe(error));
    } finally {
      setIsBusy(false);
    }
  };

  const handlePhone = async () => {
    setIsBusy(true);
    try {
      await photos.replace(
        await callApi(requestPhoneCapture, {
          params: { registrationId },
          body: { paperQuestionId: isPhoneAsked ? null : paperQuestionId },
        }),
      );
    } catch (error) {
      void message.error(describe(error));
    } finally {
      setIsBusy(false);
    }
  };

  const handleDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setIsDragging(false);
    addFiles(Array.from(event.dataTransfer.files));
  };

  const shown = [
    ...fileIds.filter((id) => liveIds.includes(id)),
    ...liveIds.filter((id) => !fileIds.includes(id)),
  ];
  const fromPhone = new Set(live.filter((f) => f.uploadedVia === 'phone').map((f) => f.id));
  return (
    <Flex vertical gap={12} role="group" aria-labelledby={labelledBy} aria-describedby={countId}>
      <div
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
          padding: token.padding,
        }}
      >
        <Flex align="center" gap={8} wrap>
          <InboxOutlined aria-hidden style={{ fontSize: 24, color: token.colorPrimary }} />
          <Typography.Text>{t('answerFiles.input.dropHere')}</Typography.Text>
          <Button
            ref={chooseRef}
            type="primary"
            icon={<CameraOutlined />}
            disabled={room === 0}
            onClick={() => inputRef.current?.click()}
          >
            {t('answerFiles.input.choose')}
          </Button>
          <Button icon={<MobileOutlined />} disabled={isBusy} onClick={() => void handlePhone()}>
            {isPhoneAsked ? t('answerFiles.input.stopPhone') : t('answerFiles.input.takeWithPhone')}
          </Button>
        </Flex>
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
          {t('answerFiles.input.accept', { size: formatBytes(ANSWER_FILE_MAX_BYTES) })}
        </Typography.Text>
        <input
          ref={inputRef}
          type="file"
          multiple
          accept={ANSWER_FILE_ACCEPT}
          aria-label={t('answerFiles.input.choose')}
          tabIndex={-1}
          style={visuallyHidden}
          onChange={(event) => {
            addFiles(Array.from(event.target.files ?? []));
            event.target.value = '';
          }}
        />
      </div>
      {isPhoneAsked ? (
        <Alert type="info" showIcon title={t('answerFiles.input.phoneWaiting')} />
      ) : null}
      <Typography.Text id={countId} type={live.length >= maxFiles ? 'warning' : 'secondary'}>
        {live.length >= maxFiles
          ? t('answerFiles.input.full', { max: maxFiles })
          : t('answerFiles.input.count', { count: live.length, max: maxFiles })}
      </Typography.Text>
      {items.length > 0 ? (
        <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((item) => (
            <li key={item.key} style={{ padding: '4px 0' }}>
              {item.failure === undefined ? (
                <Progress
                  percent={item.progress}
                  size="small"
                  status="active"
                  aria-label={t('answerFiles.input.progressOf', { name: item.file.name })}
                />
              ) : (
                <Flex align="center" gap={8}>
                  <Typography.Text type="danger" role="alert" style={{ flex: 1 }}>
                    {item.failure}
                  </Typography.Text>
                  <Button
                    size="small"
                    type="text"
                    icon={<CloseOutlined />}
                    aria-label={t('answerFiles.input.dismiss')}
                    onClick={() => dismiss(item.key)}
                  />
                </Flex>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {shown.length > 0 ? (
        <FileAnswerGallery
          fileIds={shown}
          registrationId={registrationId}
          fromPhone={fromPhone}
          size="small"
          isRemoving={isBusy}
          onRemove={(id) => void handleRemove(id)}
        />
      ) : null}
      <div aria-live="polite" style={visuallyHidden}>
        {status}
      </div>
    </Flex>
  );
}
