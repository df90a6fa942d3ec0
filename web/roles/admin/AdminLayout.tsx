import {
  AuditOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  IssuesCloseOutlined,
  NotificationOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Layout, Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useSessionUser } from '../../auth/useSessionUser.js';
import { RoleShell } from '../../layout/RoleShell.js';

/** `/admin/*`: the shell with the console's side menu. */
export function AdminLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const isPlatformAdmin = useSessionUser().role === 'platform_admin';
  const sider = (
    <Layout.Sider width={200} theme="light" breakpoint="md" collapsedWidth={0}>
      <nav aria-label={t('admin.console')}>
        <Menu
          mode="inline"
          selectedKeys={[menuKeyOf(location.pathname)]}
          onClick={({ key }) => void navigate(key)}
          items={[
            { key: '/admin', icon: <DashboardOutlined />, label: t('admin.menuOverview') },
            // Exams, people and announcements belong to a school: a platform admin has none.
            ...(isPlatformAdmin
              ? []
              : [
                  { key: '/admin/exams', icon: <FileTextOutlined />, label: t('admin.menuExams') },
                  {
                    key: '/admin/question-bank',
                    icon: <DatabaseOutlined />,
                    label: t('admin.menuQuestionBank'),
                  },
                  {
                    key: '/admin/reviews',
                    icon: <FileSearchOutlined />,
                    label: t('admin.menuReviews'),
                  },
                  {
                    key: '/admin/reports',
                    icon: <IssuesCloseOutlined />,
                    label: t('admin.menuReports'),
                  },
                  { key: '/admin/people', icon: <TeamOutlined />, label: t('admin.menuPeople') },
                  {
                    key: '/admin/announcements',
                    icon: <NotificationOutlined />,
                    label: t('admin.menuAnnouncements'),
                  },
                ]),
            { key: '/admin/audit', icon: <AuditOutlined />, label: t('admin.menuAudit') },
          ]}
        />
      </nav>
    </Layout.Sider>
  );
  return (
    <RoleShell sider={sider}>
      <Outlet />
    </RoleShell>
  );
}

/** The menu entry a page belongs to: /admin/exams/:id/roster is under 考试管理. */
function menuKeyOf(pathname: string): string {
  const match = /^\/admin\/[a-z-]+/.exec(pathname);
  return match ? match[0] : pathname;
}
