import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { queryClient } from './api/queryClient.js';
import { appTheme } from './theme.js';

interface AppProvidersProps {
  children: ReactNode;
  /** The app's one cache by default; a component test passes a fresh one. */
  client?: QueryClient;
  /**
   * Component tests leave out antd's runtime CSS: jsdom lays nothing out, and re-reading
   * thousands of rules after each change made every role query take a second.
   */
  withoutRuntimeStyles?: boolean;
}

/** Server state, antd in the interface language, and antd's message/modal context. */
export function AppProviders({
  children,
  client = queryClient,
  withoutRuntimeStyles = false,
}: AppProvidersProps) {
  const { i18n } = useTranslation();
  return (
    <QueryClientProvider client={client}>
      <ConfigProvider
        locale={i18n.language === 'en' ? enUS : zhCN}
        theme={{ ...appTheme, zeroRuntime: withoutRuntimeStyles }}
        // antd would render "登录" as "登 录", which changes the button's accessible name.
        button={{ autoInsertSpace: false }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
