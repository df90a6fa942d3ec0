import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountKind } from '../../shared/api/auth.js';
import type { SmsPurpose } from '../../shared/enums.js';
import { useSmsCodeSender } from '../auth/useSmsCodeSender.js';
import { SmsCodeInput } from '../ui/SmsCodeInput.js';
import { useFieldRules } from './useFieldRules.js';

interface SmsCodeFieldProps {
  schoolSlug: string;
  purpose: SmsPurpose;
  /** For reset codes: whose password is forgotten. */
  accountKind?: AccountKind;
  /** Name of the phone field of the same form, validated before a code is sent. */
  phoneField?: string;
  onSent: (expiresInSeconds: number) => void;
  onError: (error: unknown) => void;
}

const CODE_PATTERN = /^\d{6}$/;

/** The "短信验证码" field with its send button; lives inside a Form that has a phone field. */
export function SmsCodeField({
  schoolSlug,
  purpose,
  accountKind,
  phoneField = 'phone',
  ...props
}: SmsCodeFieldProps) {
  const { t } = useTranslation();
  const rules = useFieldRules();
  const form = Form.useFormInstance();
  const { sendCode, isSending, secondsLeft } = useSmsCodeSender(schoolSlug, purpose, accountKind);

  const handleSend = async () => {
    try {
      await form.validateFields([phoneField]);
    } catch {
      return; // The phone field shows what is wrong.
    }
    const phone: unknown = form.getFieldValue(phoneField);
    if (typeof phone !== 'string') return;
    try {
      const result = await sendCode(phone.trim());
      props.onSent(result.expiresInSeconds);
    } catch (error) {
      props.onError(error);
    }
  };

  return (
    <Form.Item
      name="code"
      label={t('login.smsCode')}
      rules={[
        rules.required(t('login.smsCode')),
        { pattern: CODE_PATTERN, message: t('issues.INVALID_CODE') },
      ]}
    >
      <SmsCodeInput
        sendLabel={t('login.getCode')}
        waitLabel={t('login.resendIn', { seconds: secondsLeft })}
        secondsLeft={secondsLeft}
        isSending={isSending}
        onSend={() => void handleSend()}
      />
    </Form.Item>
  );
}
