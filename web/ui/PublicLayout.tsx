import { Flex, Layout, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface PublicLayoutProps {
  brand: string;
  headerExtra: ReactNode;
  /** Narrow pages (login forms) are centred in a column. */
  width?: number;
  children: ReactNode;
}

/** Page frame for visitors: brand on the left, language switch on the right. */
export function PublicLayout({ brand, headerExtra, width = 960, children }: PublicLayoutProps) {
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          background: '#fff',
          borderBottom: '1px solid #f0f0f0',
          paddingInline: 24,
        }}
      >
        <Link to="/" aria-label={brand}>
          <Typography.Text strong style={{ fontSize: 18 }}>
            {brand}
          </Typography.Text>
        </Link>
        {headerExtra}
      </Layout.Header>
      <Layout.Content style={{ padding: '32px 16px' }}>
        <Flex vertical style={{ maxWidth: width, marginInline: 'auto' }} gap={16}>
          {/* Layout.Content is the page's one <main> landmark. */}
          {children}
        </Flex>
      </Layout.Content>
    </Layout>
  );
}
