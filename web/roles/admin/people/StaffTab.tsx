import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Button,
  Flex,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  listStaff,
  MANAGED_STAFF_ROLES,
  type ManagedStaffRole,
  type StaffMember,
} from '../../../../shared/api/people.js';
import { callApi } from '../../../api/client.js';
import { LoadError } from '../../../ui/LoadError.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { StaffActions } from './StaffActions.js';
import { StaffAccountFormModal } from './StaffAccountFormModal.js';
import { TemporaryPasswordModal, type IssuedPassword } from './TemporaryPasswordModal.js';
import { peopleKeys } from './useColleges.js';

const PAGE_SIZE = 20;

/** Staff accounts: search, role filter, create, disable/enable, password reset, login unlock. */
export function StaffTab({ isCollegeAdmin }: { isCollegeAdmin: boolean }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const [text, setText] = useState('');
  const [role, setRole] = useState<ManagedStaffRole | undefined>(undefined);
  const [page, setPage] = useState(1);
  const [isCreating, setIsCreating] = useState(false);
  const [issued, setIssued] = useState<IssuedPassword | null>(null);
  const staff = useQuery({
    queryKey: [...peopleKeys.staff, { text, role, page }],
    queryFn: () =>
      callApi(listStaff, {
        query: {
          ...(text ? { q: text } : {}),
          ...(role ? { role } : {}),
          page,
          pageSize: PAGE_SIZE,
        },
      }),
    placeholderData: keepPreviousData,
  });

  if (staff.isError && !staff.data) {
    return <LoadError error={staff.error} onRetry={() => void staff.refetch()} />;
  }

  const columns: TableColumnsType<StaffMember> = [
    { title: t('adminPeople.name'), dataIndex: 'name' },
    { title: t('adminPeople.username'), dataIndex: 'username' },
    { title: t('adminPeople.phone'), dataIndex: 'phone' },
    {
      title: t('adminPeople.role'),
      dataIndex: 'role',
      render: (value: ManagedStaffRole) => t(`roles.${value}`),
    },
    {
      title: t('adminPeople.college'),
      dataIndex: 'collegeName',
      render: (value: string | null) => value ?? '—',
    },
    {
      title: t('adminPeople.status'),
      key: 'status',
      render: (_value, member) => (
        <Space size={4} wrap>
          {member.disabled ? (
            <Tag>{t('adminPeople.disabled')}</Tag>
          ) : (
            <Tag color="green">{t('adminPeople.enabled')}</Tag>
          )}
          {member.mustChangePassword && <Tag color="orange">{t('adminPeople.mustChange')}</Tag>}
          {member.loginRestricted && (
            <Tooltip title={t('adminPeople.loginRestrictedHint')}>
              <Tag
                color="red"
                tabIndex={0}
                aria-label={`${t('adminPeople.loginRestricted')}：${t('adminPeople.loginRestrictedHint')}`}
              >
                {t('adminPeople.loginRestricted')}
              </Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: time.withZone(t('adminPeople.createdAt')),
      dataIndex: 'createdAt',
      render: (value: string) => time.dateTime(value, { withZone: false }),
    },
    {
      title: t('adminPeople.actions'),
      key: 'actions',
      render: (_value, member) =>
        member.canManage ? <StaffActions member={member} onPasswordIssued={setIssued} /> : null,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="end" wrap gap={16}>
        <Form layout="inline" name="staffFilters">
          <Form.Item label={t('adminPeople.search')} name="q">
            <Input.Search
              allowClear
              maxLength={64}
              placeholder={t('adminPeople.searchPlaceholder')}
              enterButton={t('adminPeople.search')}
              onSearch={(value) => {
                setText(value.trim());
                setPage(1);
              }}
            />
          </Form.Item>
          <Form.Item label={t('adminPeople.roleFilter')} name="role">
            <Select<ManagedStaffRole>
              allowClear
              style={{ minWidth: 140 }}
              placeholder={t('adminPeople.allRoles')}
              options={MANAGED_STAFF_ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
              onChange={(value) => {
                setRole(value);
                setPage(1);
              }}
            />
          </Form.Item>
        </Form>
        <Button type="primary" onClick={() => setIsCreating(true)}>
          {t('adminPeople.newStaff')}
        </Button>
      </Flex>
      <Table<StaffMember>
        rowKey="id"
        columns={columns}
        dataSource={staff.data?.items ?? []}
        loading={staff.isFetching}
        scroll={{ x: true }}
        locale={{ emptyText: t('adminPeople.noStaff') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: staff.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('adminPeople.total', { total }),
          onChange: setPage,
        }}
      />
      <StaffAccountFormModal
        open={isCreating}
        isCollegeAdmin={isCollegeAdmin}
        onClose={() => setIsCreating(false)}
        onCreated={setIssued}
      />
      <TemporaryPasswordModal issued={issued} onClose={() => setIssued(null)} />
    </Flex>
  );
}
