import { Button, Flex, Layout, Typography } from 'antd';
import type { ReactNode } from 'react';

interface AppShellProps {
  brand: string;
  schoolName: string | null;
  userName: string;
  /** Null when the user's name already says the role (学校管理员). */
  roleLabel: string | null;
  logoutLabel: string;
  isLoggingOut: boolean;
  onLogout: () => void;
  headerExtra: ReactNode;
  /** A side menu, for the admin console. */
  sider?: ReactNode;
  children: ReactNode;
}

/** Frame of every logged-in page: brand and school, the user, language and logout. */
export function AppShell(props: AppShellProps) {
  const { brand, schoolName, userName, roleLabel, sider, children } = props;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 16,
          background: '#fff',
          borderBottom: '1px solid #f0f0f0',
          paddingInline: 24,
        }}
      >
        <Flex align="baseline" gap={12} style={{ minWidth: 0 }}>
          <Typography.Text strong style={{ fontSize: 18 }}>
            {brand}
          </Typography.Text>
          {schoolName && <Typography.Text type="secondary">{schoolName}</Typography.Text>}
        </Flex>
        <Flex align="center" gap={12}>
          <Typography.Text>{userName}</Typography.Text>
          {roleLabel ? <Typography.Text type="secondary">{roleLabel}</Typography.Text> : null}
          {props.headerExtra}
          <Button onClick={props.onLogout} loading={props.isLoggingOut}>
            {props.logoutLabel}
          </Button>
        </Flex>
      </Layout.Header>
      <Layout hasSider={sider !== undefined}>
        {sider}
        <Layout.Content style={{ padding: 24 }}>
          {/* Layout.Content is the page's one <main> landmark. */}
          {children}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
