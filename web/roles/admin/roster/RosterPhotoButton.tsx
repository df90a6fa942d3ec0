import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  ROSTER_PHOTO_MAX_BYTES,
  setRegistrationPhoto,
  type SessionRosterEntry,
} from '../../../../shared/api/roster.js';
import { isApiError } from '../../../api/ApiError.js';
import { useErrorMessage } from '../../../api/errors.js';
import { uploadApi } from '../../../api/upload.js';
import { formatBytes } from '../../../ui/format.js';
import { FileChooser } from './FileChooser.js';
import { rosterKeys } from './useRoster.js';

const IMAGE_ACCEPT = '.png,.jpg,.jpeg,image/png,image/jpeg';

/** 上传照片 / 更换照片 of one candidate in the roster: the reference photo of their face checks. */
export function RosterPhotoButton({ entry }: { entry: SessionRosterEntry }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const name = entry.candidateName;
  const send = useMutation({
    mutationFn: (file: File) =>
      uploadApi(
        setRegistrationPhoto,
        { params: { registrationId: entry.registrationId }, query: { name: file.name } },
        file,
      ),
    onSuccess: async () => {
      void message.success(t('adminRoster.photoSaved', { name }));
      await queryClient.invalidateQueries({ queryKey: rosterKeys.all });
    },
    onError: (error) => {
      const reason = isApiError(error, 'FILE_TOO_LARGE')
        ? `${describe(error)} (${t('adminRoster.photoHint', { size: formatBytes(ROSTER_PHOTO_MAX_BYTES) })})`
        : describe(error);
      void message.error(t('adminRoster.photoFailed', { name, message: reason }));
    },
  });
  const label = t(entry.hasPhoto ? 'adminRoster.replacePhoto' : 'adminRoster.uploadPhoto');

  return (
    <FileChooser
      label={label}
      accessibleName={t('adminRoster.photoButtonOf', { action: label, name })}
      accept={IMAGE_ACCEPT}
      type="default"
      size="small"
      disabled={send.isPending}
      onChoose={(file) => send.mutate(file)}
    />
  );
}
