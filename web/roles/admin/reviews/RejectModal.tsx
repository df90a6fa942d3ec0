import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CandidateDocument } from '../../../../shared/api/documents.js';

interface RejectModalProps {
  open: boolean;
  candidateName: string;
  /** The documents ticked 标记为有问题, listed so the reviewer sees what the candidate will see. */
  markedDocuments: CandidateDocument[];
  isSubmitting: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}

interface Values {
  reason: string;
}

/** 不通过: asks for the reason the candidate will read (required, at most 500 characters). */
export function RejectModal(props: RejectModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();

  return (
    <Modal
      open={props.open}
      title={t('adminReviews.rejectTitle', { name: props.candidateName })}
      okText={t('adminReviews.ok')}
      cancelText={t('adminReviews.cancel')}
      okButtonProps={{ danger: true }}
      confirmLoading={props.isSubmitting}
      onOk={() => form.submit()}
      onCancel={props.onCancel}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        name="rejectReview"
        layout="vertical"
        onFinish={(values) => props.onSubmit(values.reason.trim())}
      >
        <Form.Item<Values>
          name="reason"
          label={t('adminReviews.reasonLabel')}
          rules={[{ required: true, whitespace: true, message: t('adminReviews.reasonRequired') }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={500}
            showCount
            placeholder={t('adminReviews.reasonPlaceholder')}
          />
        </Form.Item>
      </Form>
      <Typography.Title level={3} style={{ fontSize: 14, marginTop: 0 }}>
        {t('adminReviews.markedDocuments')}
      </Typography.Title>
      {props.markedDocuments.length === 0 ? (
        <Typography.Text type="secondary">{t('adminReviews.noneMarked')}</Typography.Text>
      ) : (
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {props.markedDocuments.map((document) => (
            <li key={document.id}>{document.name}</li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
