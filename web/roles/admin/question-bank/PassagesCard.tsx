import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createBankPassage,
  MAX_PASSAGE_LENGTH,
  updateBankPassage,
  type BankPassage,
} from '../../../../shared/api/question-bank.js';
import { callApi } from '../../../api/client.js';
import { FormNotice, type FormNoticeState } from '../../../forms/FormNotice.js';
import { questionBankKeys, useBankPassages } from './useQuestionBank.js';

interface PassageValues {
  title: string;
  text: string;
}

/** The dialog to add or edit a reading passage. */
function PassageModal({ passage, onClose }: { passage: BankPassage | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<PassageValues>();
  const [notice, setNotice] = useState<FormNoticeState | null>(null);
  const save = useMutation({
    mutationFn: (values: PassageValues) => {
      const body = { ...values, collegeId: passage?.collegeId ?? null };
      return passage
        ? callApi(updateBankPassage, { params: { passageId: passage.id }, body })
        : callApi(createBankPassage, { body });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: questionBankKeys.all });
      void message.success(t('questionBank.passageSaved'));
      onClose();
    },
    onError: (error) => setNotice({ kind: 'error', error }),
  });
  const required = { required: true, whitespace: true, message: t('questionBank.required') };

  return (
    <Modal
      open
      width={720}
      title={t(passage ? 'questionBank.editPassage' : 'questionBank.createPassage')}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      okText={t('questionBank.save')}
      cancelText={t('questionBank.cancel')}
      confirmLoading={save.isPending}
      onOk={() => {
        setNotice(null);
        form.validateFields().then(
          (values) => save.mutate(values),
          () => undefined,
        );
      }}
    >
      <FormNotice notice={notice} />
      <Form<PassageValues>
        form={form}
        layout="vertical"
        initialValues={{ title: passage?.title ?? '', text: passage?.text ?? '' }}
      >
        <Form.Item name="title" label={t('questionBank.passageTitle')} rules={[required]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('questionBank.passageText')}
          extra={t('questionBank.passageHint')}
          rules={[required]}
        >
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 20 }} maxLength={MAX_PASSAGE_LENGTH} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type Editing = { kind: 'new' } | { kind: 'edit'; passage: BankPassage };

/** 阅读材料: passages several questions share (阅读理解, 完形填空), added and edited here. */
export function PassagesCard() {
  const { t } = useTranslation();
  const passages = useBankPassages();
  const [editing, setEditing] = useState<Editing | null>(null);

  return (
    <Card
      title={
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {t('questionBank.passages')}
        </Typography.Title>
      }
      extra={
        <Button icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({ kind: 'new' })}>
          {t('questionBank.createPassage')}
        </Button>
      }
    >
      <Table<BankPassage>
        rowKey="id"
        size="small"
        loading={passages.isPending}
        dataSource={passages.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('questionBank.noPassages') }}
        columns={[
          { title: t('questionBank.passageTitle'), dataIndex: 'title', width: 220 },
          {
            title: t('questionBank.passageText'),
            key: 'text',
            render: (_v, row) => (
              <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                {row.text}
              </Typography.Paragraph>
            ),
          },
          { title: t('questionBank.passageQuestions'), dataIndex: 'questionCount', width: 90 },
          {
            title: t('questionBank.actions'),
            key: 'actions',
            width: 90,
            render: (_v, row) => (
              <Space>
                <Button
                  size="small"
                  aria-label={t('questionBank.editOf', { stem: row.title })}
                  onClick={() => setEditing({ kind: 'edit', passage: row })}
                >
                  {t('questionBank.edit')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <PassageModal
          key={editing.kind === 'edit' ? editing.passage.id : 'new'}
          passage={editing.kind === 'edit' ? editing.passage : null}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
