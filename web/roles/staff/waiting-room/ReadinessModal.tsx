import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

export type ReadinessChoice = 'ready' | 'not_ready';

interface ReadinessModalProps {
  choice: ReadinessChoice | null;
  candidateName: string;
  isSaving: boolean;
  onSave: (note: string) => void;
  onCancel: () => void;
}

/** 标记就绪 / 标记未就绪 with a note; a not-ready mark must say why (the panel reads it). */
export function ReadinessModal({
  choice,
  candidateName,
  isSaving,
  onSave,
  onCancel,
}: ReadinessModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  const title =
    choice === 'not_ready' ? t('staffWaitingRoom.markNotReady') : t('staffWaitingRoom.markReady');
  return (
    <Modal
      open={choice !== null}
      title={`${title} · ${candidateName}`}
      okText={t('staffWaitingRoom.save')}
      cancelText={t('staffWaitingRoom.cancel')}
      confirmLoading={isSaving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      forceRender
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(values) => onSave(values.note.trim())}
        initialValues={{ note: '' }}
      >
        <Form.Item
          name="note"
          label={t('staffWaitingRoom.note')}
          rules={[
            { max: 500 },
            ...(choice === 'not_ready'
              ? [{ required: true, whitespace: true, message: t('staffWaitingRoom.noteRequired') }]
              : []),
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            placeholder={t('staffWaitingRoom.notePlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
