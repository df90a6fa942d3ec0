import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  resetStaffPassword,
  setStaffDisabled,
  unlockStaffLogin,
  type StaffMember,
} from '../../../../shared/api/people.js';
import { callApi } from '../../../api/client.js';
import { useErrorMessage } from '../../../api/errors.js';
import type { IssuedPassword } from './TemporaryPasswordModal.js';
import { peopleKeys } from './useColleges.js';

interface StaffActionsProps {
  member: StaffMember;
  onPasswordIssued: (issued: IssuedPassword) => void;
}

/**
 * Disable or enable an account, give it a new temporary password, or lift the login limits
 * wrong passwords put on it, each after confirmation.
 */
export function StaffActions({ member, onPasswordIssued }: StaffActionsProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: peopleKeys.staff });

  const toggle = useMutation({
    mutationFn: () =>
      callApi(setStaffDisabled, {
        params: { userId: member.id },
        body: { disabled: !member.disabled },
      }),
    onSuccess: async () => {
      void message.success(t('adminPeople.saved'));
      await refresh();
    },
    onError: (error) => void message.error(describe(error)),
  });
  const reset = useMutation({
    mutationFn: () => callApi(resetStaffPassword, { params: { userId: member.id } }),
    onSuccess: async ({ staff, temporaryPassword }) => {
      onPasswordIssued({
        name: staff.name,
        username: staff.username ?? '',
        password: temporaryPassword,
      });
      await refresh();
    },
    onError: (error) => void message.error(describe(error)),
  });
  const unlock = useMutation({
    mutationFn: () => callApi(unlockStaffLogin, { params: { userId: member.id } }),
    onSuccess: async () => {
      void message.success(t('adminPeople.unlocked'));
      await refresh();
    },
    onError: (error) => void message.error(describe(error)),
  });

  return (
    <Space>
      {member.disabled ? (
        <Button size="small" loading={toggle.isPending} onClick={() => toggle.mutate()}>
          {t('adminPeople.enable')}
        </Button>
      ) : (
        <Popconfirm
          title={t('adminPeople.confirmDisableStaff', { name: member.name })}
          okText={t('adminPeople.disable')}
          cancelText={t('adminPeople.cancel')}
          okButtonProps={{ danger: true }}
          onConfirm={() => toggle.mutate()}
        >
          <Button size="small" danger loading={toggle.isPending}>
            {t('adminPeople.disable')}
          </Button>
        </Popconfirm>
      )}
      <Popconfirm
        title={t('adminPeople.confirmResetPassword', { name: member.name })}
        okText={t('adminPeople.resetPassword')}
        cancelText={t('adminPeople.cancel')}
        onConfirm={() => reset.mutate()}
      >
        <Button size="small" loading={reset.isPending}>
          {t('adminPeople.resetPassword')}
        </Button>
      </Popconfirm>
      {member.loginRestricted && (
        <Popconfirm
          title={t('adminPeople.confirmUnlockLogin', { name: member.name })}
          okText={t('adminPeople.unlockLogin')}
          cancelText={t('adminPeople.cancel')}
          onConfirm={() => unlock.mutate()}
        >
          <Button size="small" loading={unlock.isPending}>
            {t('adminPeople.unlockLogin')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
