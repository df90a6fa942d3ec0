import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Flex,
  Popconfirm,
  Space,
  Table,
  Tag,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateCollege, type AdminCollege } from '../../../../shared/api/people.js';
import { callApi } from '../../../api/client.js';
import { useErrorMessage } from '../../../api/errors.js';
import { LoadError } from '../../../ui/LoadError.js';
import { CollegeFormModal } from './CollegeFormModal.js';
import { peopleKeys, useColleges } from './useColleges.js';

/** The colleges with head counts; school admins create, rename, disable and enable them. */
export function CollegesTab({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const colleges = useColleges();
  const [editing, setEditing] = useState<AdminCollege | 'new' | null>(null);
  const toggle = useMutation({
    mutationFn: (college: AdminCollege) =>
      callApi(updateCollege, {
        params: { collegeId: college.id },
        body: { disabled: !college.disabled },
      }),
    onSuccess: async () => {
      void message.success(t('adminPeople.saved'));
      await queryClient.invalidateQueries({ queryKey: peopleKeys.colleges });
    },
    onError: (error) => void message.error(describe(error)),
  });

  if (colleges.isError && !colleges.data) {
    return <LoadError error={colleges.error} onRetry={() => void colleges.refetch()} />;
  }

  const columns: TableColumnsType<AdminCollege> = [
    { title: t('adminPeople.collegeName'), dataIndex: 'name' },
    { title: t('adminPeople.collegeNameEn'), dataIndex: 'nameEn' },
    { title: t('adminPeople.candidateCount'), dataIndex: 'candidateCount', align: 'right' },
    { title: t('adminPeople.staffCount'), dataIndex: 'staffCount', align: 'right' },
    {
      title: t('adminPeople.status'),
      dataIndex: 'disabled',
      render: (disabled: boolean) =>
        disabled ? (
          <Tag color="default">{t('adminPeople.disabled')}</Tag>
        ) : (
          <Tag color="green">{t('adminPeople.enabled')}</Tag>
        ),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('adminPeople.actions'),
      key: 'actions',
      render: (_value, college) => (
        <Space>
          <Button size="small" onClick={() => setEditing(college)}>
            {t('adminPeople.rename')}
          </Button>
          {college.disabled ? (
            <Button size="small" onClick={() => toggle.mutate(college)}>
              {t('adminPeople.enable')}
            </Button>
          ) : (
            <Popconfirm
              title={t('adminPeople.confirmDisableCollege', { name: college.name })}
              okText={t('adminPeople.disable')}
              cancelText={t('adminPeople.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => toggle.mutate(college)}
            >
              <Button size="small" danger>
                {t('adminPeople.disable')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    });
  }

  return (
    <Flex vertical gap={16}>
      {canManage ? (
        <Flex justify="flex-end">
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('adminPeople.newCollege')}
          </Button>
        </Flex>
      ) : (
        <Alert type="info" showIcon title={t('adminPeople.collegeReadOnly')} />
      )}
      <Table<AdminCollege>
        rowKey="id"
        columns={columns}
        dataSource={colleges.data?.items ?? []}
        loading={colleges.isPending}
        pagination={false}
        locale={{ emptyText: t('adminPeople.noColleges') }}
      />
      <CollegeFormModal editing={editing} onClose={() => setEditing(null)} />
    </Flex>
  );
}
