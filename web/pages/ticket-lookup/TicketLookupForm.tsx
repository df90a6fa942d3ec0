import { useMutation } from '@tanstack/react-query';
import { Button, Flex, Form, Input, type InputRef } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { idNumberSchema } from '../../../shared/api/common.js';
import {
  getCaptcha,
  lookupTicket,
  type LookedUpRegistration,
} from '../../../shared/api/ticket-lookup.js';
import { callApi, isApiError, type ApiBody } from '../../api/client.js';
import { useCompleteLogin } from '../../auth/useCompleteLogin.js';
import { FormNotice } from '../../forms/FormNotice.js';
import { useFieldRules } from '../../forms/useFieldRules.js';
import { AgreementCheckbox } from './AgreementCheckbox.js';
import { CaptchaImage } from '../../forms/captcha/CaptchaImage.js';
import { useCaptcha } from '../../forms/captcha/useCaptcha.js';

type Values = Pick<ApiBody<typeof lookupTicket>, 'name' | 'idNumber' | 'captchaAnswer'> & {
  agreed: boolean;
};

const FORM_NAME = 'ticketLookup';

/** Where the lookup leads: straight to the ticket when there is one, else the candidate home. */
export function destinationAfterLookup(registrations: readonly LookedUpRegistration[]): string {
  const [only] = registrations;
  return registrations.length === 1 && only
    ? `/candidate?ticket=${encodeURIComponent(only.registrationId)}`
    : '/candidate';
}

/** 姓名, 身份证号, 图形验证码 and the agreements, then 查看准考证 (docs/journeys.md J4). */
export function TicketLookupForm({ schoolSlug }: { schoolSlug: string }) {
  const { t } = useTranslation();
  const rules = useFieldRules();
  const [form] = Form.useForm<Values>();
  const captchaInput = useRef<InputRef>(null);
  const captcha = useCaptcha(['captcha', schoolSlug], () =>
    callApi(getCaptcha, { params: { slug: schoolSlug } }),
  );
  const completeLogin = useCompleteLogin();

  const lookup = useMutation({
    mutationFn: ({ name, idNumber, captchaAnswer }: Values) => {
      if (!captcha.captchaId) throw new Error('The picture code is not loaded yet');
      return callApi(lookupTicket, {
        body: {
          schoolSlug,
          name,
          idNumber,
          captchaId: captcha.captchaId,
          captchaAnswer,
          agreed: true,
        },
      });
    },
    onSuccess: ({ user, registrations }) =>
      completeLogin(user, destinationAfterLookup(registrations)),
    onError: (error) => {
      // Every attempt uses up the picture code, so a new one is needed.
      form.setFieldValue('captchaAnswer', '');
      captcha.refresh();
      if (isApiError(error, 'CAPTCHA_INVALID')) captchaInput.current?.focus();
    },
  });

  return (
    <Form<Values>
      form={form}
      name={FORM_NAME}
      layout="vertical"
      requiredMark={false}
      onFinish={(values) => lookup.mutate(values)}
    >
      <FormNotice notice={lookup.isError ? { kind: 'error', error: lookup.error } : null} />
      <Form.Item<Values>
        name="name"
        label={t('ticketLookup.name')}
        rules={[rules.required(t('ticketLookup.name'))]}
      >
        <Input autoFocus autoComplete="name" maxLength={40} />
      </Form.Item>
      <Form.Item<Values>
        name="idNumber"
        label={t('ticketLookup.idNumber')}
        rules={[
          rules.required(t('ticketLookup.idNumber')),
          rules.schema(t('ticketLookup.idNumber'), idNumberSchema),
        ]}
      >
        <Input autoComplete="off" maxLength={18} />
      </Form.Item>
      <Form.Item label={t('ticketLookup.captcha')} htmlFor={`${FORM_NAME}_captchaAnswer`}>
        <Flex gap={8} align="center">
          <Form.Item<Values>
            name="captchaAnswer"
            noStyle
            rules={[rules.required(t('ticketLookup.captcha'))]}
          >
            <Input
              ref={captchaInput}
              autoComplete="off"
              maxLength={4}
              placeholder={t('ticketLookup.captchaPlaceholder')}
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
      <Form.Item<Values>
        name="agreed"
        valuePropName="checked"
        rules={[
          {
            validator: (_rule, value: unknown) =>
              value === true
                ? Promise.resolve()
                : Promise.reject(new Error(t('ticketLookup.agreementRequired'))),
          },
        ]}
      >
        <AgreementCheckbox />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        block
        size="large"
        loading={lookup.isPending}
        disabled={!captcha.captchaId}
      >
        {t('ticketLookup.submit')}
      </Button>
    </Form>
  );
}
