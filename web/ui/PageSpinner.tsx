import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** A full-height spinner while a page or its data loads. */
export function PageSpinner() {
  const { t } = useTranslation();
  return (
    <Flex
      align="center"
      justify="center"
      style={{ minHeight: '60vh' }}
      role="status"
      aria-live="polite"
    >
      <Spin size="large" description={t('app.loading')} />
    </Flex>
  );
}
