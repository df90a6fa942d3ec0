import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../../../shared/api/auth.js';
import { callApi, type ApiBody } from '../../api/client.js';
import { useCompleteLogin } from '../../auth/useCompleteLogin.js';
import { useSessionUser } from '../../auth/useSessionUser.js';
import { FormNotice } from '../../forms/FormNotice.js';
import { NewPasswordFields } from '../../forms/NewPasswordFields.js';
import { useFieldRules } from '../../forms/useFieldRules.js';
import { RoleShell } from '../../layout/RoleShell.js';
import { useDocumentTitle } from '../../ui/useDocumentTitle.js';

type Values = ApiBody<typeof changePassword> & { confirmPassword: string };

/** `/change-password`: required after the first ID-number login, open to anyone logged in. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const user = useSessionUser();
  const rules = useFieldRules();
  const completeLogin = useCompleteLogin();
  const change = useMutation({
    mutationFn: ({ confirmPassword: _confirm, ...body }: Values) =>
      callApi(changePassword, { body }),
    onSuccess: ({ user: updated }) => completeLogin(updated),
    meta: { insideSession: true },
  });
  const title = user.mustChangePassword
    ? t('password.changeTitleFirst')
    : t('password.changeTitle');
  useDocumentTitle(title);

  return (
    <RoleShell>
      <Card style={{ maxWidth: 480, marginInline: 'auto' }}>
        <Typography.Title level={1} style={{ fontSize: 24, textAlign: 'center' }}>
          {title}
        </Typography.Title>
        {user.mustChangePassword && (
          <Typography.Paragraph>{t('password.changeIntro')}</Typography.Paragraph>
        )}
        <Form<Values>
          name="changePassword"
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => change.mutate(values)}
        >
          <FormNotice notice={change.isError ? { kind: 'error', error: change.error } : null} />
          <Form.Item<Values>
            name="currentPassword"
            label={t('password.currentPassword')}
            rules={[rules.required(t('password.currentPassword'))]}
          >
            <Input.Password autoFocus autoComplete="current-password" />
          </Form.Item>
          <NewPasswordFields />
          <Button type="primary" htmlType="submit" block size="large" loading={change.isPending}>
            {t('password.changeSubmit')}
          </Button>
        </Form>
      </Card>
    </RoleShell>
  );
}
