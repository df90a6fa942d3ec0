import { Alert, App, Descriptions, Form, Input, Modal } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RosterReportView } from '../../../../shared/api/info-confirmation.js';
import { useErrorMessage } from '../../../api/errors.js';
import { useResolveRosterReport } from './useRosterReports.js';

interface ResolveReportModalProps {
  report: RosterReportView;
  onClose: () => void;
}

/** 处理: a required 处理说明, then 标记为已处理. */
export function ResolveReportModal({ report, onClose }: ResolveReportModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const [form] = Form.useForm<{ note: string }>();
  const resolve = useResolveRosterReport();
  const hintId = useId();

  const handleFinish = ({ note }: { note: string }) => {
    resolve.mutate(
      { reportId: report.id, note },
      {
        onSuccess: () => {
          void message.success(t('adminReports.modal.done'));
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('adminReports.modal.title')}
      okText={t('adminReports.modal.submit')}
      cancelText={t('adminReports.modal.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={resolve.isPending}
      destroyOnHidden
    >
      <Descriptions
        size="small"
        column={1}
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'candidate',
            label: t('adminReports.columns.candidate'),
            children: report.candidateName,
          },
          {
            key: 'admission',
            label: t('adminReports.columns.admissionNumber'),
            children: report.admissionNumber ?? '—',
          },
          {
            key: 'message',
            label: t('adminReports.modal.report'),
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{report.message}</span>,
          },
        ]}
      />
      {report.examId ? (
        <p>
          <Link to={`/admin/exams/${report.examId}/roster`}>
            {t('adminReports.modal.rosterLink')}
          </Link>
        </p>
      ) : null}
      <Form form={form} layout="vertical" onFinish={handleFinish}>
        <Form.Item
          name="note"
          label={t('adminReports.modal.note')}
          rules={[
            { required: true, whitespace: true, message: t('adminReports.modal.noteRequired') },
          ]}
          extra={<span id={hintId}>{t('adminReports.modal.noteHint')}</span>}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            aria-describedby={hintId}
            placeholder={t('adminReports.modal.notePlaceholder')}
          />
        </Form.Item>
      </Form>
      {resolve.isError ? (
        <Alert type="error" showIcon role="alert" title={errorMessage(resolve.error)} />
      ) : null}
    </Modal>
  );
}
