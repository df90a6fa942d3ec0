import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ANNOUNCEMENT_TITLE_MAX,
  createAnnouncement,
  updateAnnouncement,
  type AdminAnnouncement,
  type AnnouncementTarget,
} from '../../../../shared/api/announcements.js';
import { callApi, type ApiBody } from '../../../api/client.js';
import { FormNotice, type FormNoticeState } from '../../../forms/FormNotice.js';
import { localizedName } from '../../../i18n/localizedName.js';
import { useLocale } from '../../../i18n/useLocale.js';
import { RichTextEditor } from './RichTextEditor.js';

/** The scope select's value for 全校 (a select option needs a non-null value). */
const SCHOOL_WIDE = 'school';

interface Values {
  title: string;
  scope: string;
  bodyHtml: string;
}

interface AnnouncementEditorProps {
  /** The announcement to edit; null to write a new one. */
  announcement: AdminAnnouncement | null;
  canWriteSchoolWide: boolean;
  colleges: AnnouncementTarget[];
  onClose: () => void;
}

/** Whether editor markup holds any visible text. */
function hasText(html: string): boolean {
  const text = new DOMParser().parseFromString(html, 'text/html').body.textContent;
  return text.trim() !== '';
}

/** The dialog to write or edit an announcement: title, audience (全校 or a college), body. */
export function AnnouncementEditor(props: AnnouncementEditorProps) {
  const { announcement, canWriteSchoolWide, colleges, onClose } = props;
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [notice, setNotice] = useState<FormNoticeState | null>(null);
  const bodyLabelId = useId();
  const isNew = announcement === null;

  const save = useMutation({
    mutationFn: ({ values, publish }: { values: Values; publish: boolean }) => {
      const body: ApiBody<typeof updateAnnouncement> = {
        title: values.title,
        bodyHtml: values.bodyHtml,
        collegeId: values.scope === SCHOOL_WIDE ? null : values.scope,
      };
      return announcement
        ? callApi(updateAnnouncement, { params: { announcementId: announcement.id }, body })
        : callApi(createAnnouncement, { body: { ...body, published: publish } });
    },
    onSuccess: async (_saved, { publish }) => {
      await queryClient.invalidateQueries({ queryKey: ['admin', 'announcements'] });
      void message.success(
        t(publish ? 'adminAnnouncements.publishedOk' : 'adminAnnouncements.saved'),
      );
      onClose();
    },
    onError: (error) => setNotice({ kind: 'error', error }),
  });

  const submit = (publish: boolean) => {
    setNotice(null);
    form.validateFields().then(
      (values) => save.mutate({ values, publish }),
      // antd shows the messages beside the fields.
      () => undefined,
    );
  };

  const scopeOptions = [
    ...(canWriteSchoolWide || announcement?.collegeId === null
      ? [{ value: SCHOOL_WIDE, label: t('adminAnnouncements.schoolWide') }]
      : []),
    ...colleges.map((college) => ({ value: college.id, label: localizedName(college, locale) })),
  ];
  const initialValues: Values = {
    title: announcement?.title ?? '',
    scope:
      announcement?.collegeId ??
      (canWriteSchoolWide || !colleges[0] ? SCHOOL_WIDE : colleges[0].id),
    bodyHtml: announcement?.bodyHtml ?? '',
  };

  return (
    <Modal
      open
      width={760}
      title={t(isNew ? 'adminAnnouncements.createTitle' : 'adminAnnouncements.editTitle')}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('adminAnnouncements.cancel')}</Button>
          {isNew ? (
            <>
              <Button loading={save.isPending} onClick={() => submit(false)}>
                {t('adminAnnouncements.saveDraft')}
              </Button>
              <Button type="primary" loading={save.isPending} onClick={() => submit(true)}>
                {t('adminAnnouncements.saveAndPublish')}
              </Button>
            </>
          ) : (
            <Button type="primary" loading={save.isPending} onClick={() => submit(false)}>
              {t('adminAnnouncements.save')}
            </Button>
          )}
        </Space>
      }
    >
      <Form<Values>
        form={form}
        name="announcement"
        layout="vertical"
        requiredMark={false}
        initialValues={initialValues}
      >
        <FormNotice notice={notice} />
        <Form.Item<Values>
          name="title"
          label={t('adminAnnouncements.fieldTitle')}
          rules={[
            { required: true, whitespace: true, message: t('adminAnnouncements.titleRequired') },
          ]}
        >
          <Input maxLength={ANNOUNCEMENT_TITLE_MAX} showCount autoFocus />
        </Form.Item>
        <Form.Item<Values> name="scope" label={t('adminAnnouncements.fieldScope')}>
          <Select options={scopeOptions} disabled={scopeOptions.length < 2} />
        </Form.Item>
        <Form.Item<Values>
          name="bodyHtml"
          label={<span id={bodyLabelId}>{t('adminAnnouncements.fieldBody')}</span>}
          extra={t('adminAnnouncements.editorHint')}
          rules={[
            {
              validator: (_rule, value: string | undefined) =>
                value && hasText(value)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('adminAnnouncements.bodyRequired'))),
            },
          ]}
        >
          <RichTextEditor labelledBy={bodyLabelId} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
