import { Flex, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSessionUser } from '../../../auth/useSessionUser.js';
import { useDocumentTitle } from '../../../ui/useDocumentTitle.js';
import { CollegesTab } from './CollegesTab.js';
import { StaffTab } from './StaffTab.js';

/** `/admin/people`: colleges and staff accounts of the admin's school or college. */
export function PeoplePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('adminPeople.title'));
  const user = useSessionUser();
  const isCollegeAdmin = user.role === 'college_admin';

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('adminPeople.title')}
      </Typography.Title>
      <Tabs
        defaultActiveKey="staff"
        items={[
          {
            key: 'colleges',
            label: t('adminPeople.tabColleges'),
            children: <CollegesTab canManage={!isCollegeAdmin} />,
          },
          {
            key: 'staff',
            label: t('adminPeople.tabStaff'),
            children: <StaffTab isCollegeAdmin={isCollegeAdmin} />,
          },
        ]}
      />
    </Flex>
  );
}
