import { Alert, Form, Input, Modal } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../api/errors.js';
import { useReportIdentity } from './useIdentity.js';

interface IdentityReportModalProps {
  registrationId: string;
  /** The open report's message, to edit; empty for a new report. */
  initialMessage: string;
  onClose: () => void;
  onSent: () => void;
}

/** 身份信息有误: a required description of what is wrong, sent to the admins. */
export function IdentityReportModal(props: IdentityReportModalProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<{ message: string }>();
  const report = useReportIdentity(props.registrationId);
  const hintId = useId();

  const handleFinish = ({ message }: { message: string }) => {
    report.mutate(message, { onSuccess: props.onSent });
  };

  return (
    <Modal
      open
      title={t('candidateIdentity.check.reportTitle')}
      okText={t('candidateIdentity.check.submit')}
      cancelText={t('candidateIdentity.check.cancel')}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      confirmLoading={report.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ message: props.initialMessage }}
        onFinish={handleFinish}
      >
        <Form.Item
          name="message"
          label={t('candidateIdentity.check.reportLabel')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('candidateIdentity.check.reportRequired'),
            },
          ]}
          extra={<span id={hintId}>{t('candidateIdentity.check.reportHint')}</span>}
        >
          <Input.TextArea
            rows={4}
            maxLength={500}
            showCount
            aria-describedby={hintId}
            placeholder={t('candidateIdentity.check.reportPlaceholder')}
          />
        </Form.Item>
      </Form>
      {report.isError ? (
        <Alert type="error" showIcon role="alert" title={errorMessage(report.error)} />
      ) : null}
    </Modal>
  );
}
