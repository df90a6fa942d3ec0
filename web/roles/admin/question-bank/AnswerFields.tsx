import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { MAX_BLANKS, MAX_ESSAY_LENGTH } from '../../../../shared/questions/question-schema.js';

/** A–F: the template's option columns, so every question exports and imports again as it is. */
const MAX_BANK_OPTIONS = 6;
import { optionLetter, type QuestionFormValues } from './question-form.js';

type OptionValue = QuestionFormValues['options'][number];

/** Options with their correct-answer ticks; a single choice takes exactly one tick. */
function OptionFields({ isSingle }: { isSingle: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.List
      name="options"
      rules={[
        {
          validator: (_rule, options: OptionValue[] | undefined) => {
            const ticked = (options ?? []).filter((option) => option.isCorrect).length;
            if (ticked === 0) return Promise.reject(new Error(t('questionBank.chooseCorrect')));
            if (isSingle && ticked > 1) {
              return Promise.reject(new Error(t('questionBank.chooseOneCorrect')));
            }
            return Promise.resolve();
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('questionBank.options')}</legend>
          <Flex vertical gap={8}>
            {fields.map((field, index) => {
              const letter = optionLetter(index);
              return (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item name={[field.name, 'isCorrect']} valuePropName="checked" noStyle>
                    <Checkbox aria-label={t('questionBank.correctOption', { letter })} />
                  </Form.Item>
                  <span aria-hidden>{letter}</span>
                  <Form.Item
                    name={[field.name, 'text']}
                    style={{ flex: 1, marginBottom: 0 }}
                    rules={[
                      { required: true, whitespace: true, message: t('questionBank.required') },
                    ]}
                  >
                    <Input
                      aria-label={t('questionBank.optionLabel', { letter })}
                      maxLength={4000}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={t('questionBank.removeOption', { letter })}
                    disabled={fields.length <= 2}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              );
            })}
            <Form.ErrorList errors={errors} />
            <span>
              <Button
                icon={<PlusOutlined aria-hidden />}
                disabled={fields.length >= MAX_BANK_OPTIONS}
                onClick={() => add({ text: '', isCorrect: false })}
              >
                {t('questionBank.addOption')}
              </Button>
            </span>
          </Flex>
        </fieldset>
      )}
    </Form.List>
  );
}

/** Each blank's accepted answers (the stem's rule checks their number against its ___). */
function BlankFields() {
  const { t } = useTranslation();
  return (
    <Form.List name="blanks">
      {(fields, { add, remove }) => (
        <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 8 }}>{t('questionBank.blanks')}</legend>
          <Flex vertical gap={8}>
            {fields.map((field, index) => {
              const number = index + 1;
              return (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item
                    name={[field.name, 'accepted']}
                    label={t('questionBank.blankLabel', { number })}
                    style={{ flex: 1, marginBottom: 0 }}
                    extra={index === 0 ? t('questionBank.blankHint') : undefined}
                    rules={[
                      { required: true, whitespace: true, message: t('questionBank.required') },
                    ]}
                  >
                    <Input />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={t('questionBank.removeBlank', { number })}
                    disabled={fields.length <= 1}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              );
            })}
            <span>
              <Button
                icon={<PlusOutlined aria-hidden />}
                disabled={fields.length >= MAX_BLANKS}
                onClick={() => add({ accepted: '' })}
              >
                {t('questionBank.addBlank')}
              </Button>
            </span>
            <Space wrap>
              <Form.Item name="ignoreCase" valuePropName="checked" noStyle>
                <Checkbox>{t('questionBank.ignoreCase')}</Checkbox>
              </Form.Item>
              <Form.Item name="ignoreWidth" valuePropName="checked" noStyle>
                <Checkbox>{t('questionBank.ignoreWidth')}</Checkbox>
              </Form.Item>
              <Form.Item name="ignoreSpaces" valuePropName="checked" noStyle>
                <Checkbox>{t('questionBank.ignoreSpaces')}</Checkbox>
              </Form.Item>
            </Space>
          </Flex>
        </fieldset>
      )}
    </Form.List>
  );
}

/** The answer part of the form for the chosen type. */
export function AnswerFields({ type }: { type: QuestionFormValues['type'] }) {
  const { t } = useTranslation();
  switch (type) {
    case 'single_choice':
      return <OptionFields isSingle />;
    case 'multiple_choice':
      return (
        <>
          <OptionFields isSingle={false} />
          <Form.Item name="scoring" label={t('questionBank.scoring')} style={{ marginTop: 16 }}>
            <Select
              options={(['all_or_nothing', 'partial'] as const).map((value) => ({
                value,
                label: t(`questionBank.scorings.${value}`),
              }))}
            />
          </Form.Item>
        </>
      );
    case 'true_false':
      return (
        <Form.Item name="trueFalse" label={t('questionBank.correctAnswer')}>
          <Radio.Group
            options={[
              { value: 'true', label: t('questionBank.trueWord') },
              { value: 'false', label: t('questionBank.falseWord') },
            ]}
          />
        </Form.Item>
      );
    case 'fill_blank':
      return <BlankFields />;
    case 'essay':
    case 'file':
      return (
        <>
          {type === 'essay' ? (
            <Form.Item name="maxLength" label={t('questionBank.maxLength')}>
              <InputNumber min={1} max={MAX_ESSAY_LENGTH} precision={0} />
            </Form.Item>
          ) : (
            <Form.Item name="maxFiles" label={t('questionBank.maxFiles')}>
              <InputNumber min={1} max={10} precision={0} />
            </Form.Item>
          )}
          <Form.Item name="referenceAnswer" label={t('questionBank.referenceAnswer')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
          </Form.Item>
        </>
      );
  }
}
