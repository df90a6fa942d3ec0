import { Flex, Form, Input, Typography, type InputRef } from 'antd';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldRules } from '../useFieldRules.js';
import { CaptchaImage } from './CaptchaImage.js';
import { CAPTCHA_ANSWER_FIELD, type LoginCaptcha } from './useLoginCaptcha.js';

/**
 * The picture code of a login form, with why it is asked: rendered only once the server asked
 * for it. Focuses its input when it appears, so keyboard and screen-reader users land on it.
 */
export function LoginCaptchaField({
  captcha,
  formName,
}: {
  captcha: LoginCaptcha;
  formName: string;
}) {
  const { t } = useTranslation();
  const rules = useFieldRules();
  const input = useRef<InputRef>(null);
  const whyId = useId();
  const { isShown } = captcha;

  useEffect(() => {
    if (isShown) input.current?.focus();
  }, [isShown]);

  if (!isShown) return null;
  return (
    <Form.Item
      label={t('captcha.label')}
      htmlFor={`${formName}_${CAPTCHA_ANSWER_FIELD}`}
      extra={
        <Typography.Text id={whyId} type="secondary">
          {t('captcha.loginWhy')}
        </Typography.Text>
      }
    >
      <Flex gap={8} align="center">
        <Form.Item name={CAPTCHA_ANSWER_FIELD} noStyle rules={[rules.required(t('captcha.label'))]}>
          <Input
            ref={input}
            autoComplete="off"
            maxLength={4}
            placeholder={t('captcha.placeholder')}
            aria-describedby={whyId}
            style={{ flex: 1, minWidth: 0 }}
          />
        </Form.Item>
        <CaptchaImage
          imageUrl={captcha.imageUrl}
          isFetching={captcha.isFetching}
          hasFailed={captcha.error !== null}
          onRefresh={captcha.refresh}
        />
      </Flex>
    </Form.Item>
  );
}
