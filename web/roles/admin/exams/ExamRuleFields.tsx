import { Divider, Form, InputNumber, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExamBody } from '../../../../shared/api/exam-admin.js';
import { MEDIA_QUALITIES } from '../../../../shared/api/media.js';

type RuleName = keyof NonNullable<ExamBody['rules']>;

function SwitchField({ name, label }: { name: RuleName; label: string }) {
  return (
    <Form.Item<ExamBody> name={['rules', name]} label={label} valuePropName="checked">
      <Switch />
    </Form.Item>
  );
}

/** The exam's rules grouped as an admin thinks of them: face check, devices, timing. */
export function ExamRuleFields() {
  const { t } = useTranslation();
  const minutes = t('adminExams.minutes');
  const required = (field: string) => ({ required: true, message: t('form.required', { field }) });

  return (
    <>
      <Divider titlePlacement="start">{t('adminExams.groupFace')}</Divider>
      <SwitchField name="faceCheckRequired" label={t('adminExams.faceCheckRequired')} />
      <SwitchField name="faceCheckAtSubmit" label={t('adminExams.faceCheckAtSubmit')} />
      <Form.Item<ExamBody>
        name={['rules', 'faceCheckRetries']}
        label={t('adminExams.faceCheckRetries')}
        extra={t('adminExams.faceCheckRetriesHelp')}
        rules={[required(t('adminExams.faceCheckRetries'))]}
      >
        <InputNumber min={0} max={10} precision={0} suffix={t('adminExams.times')} />
      </Form.Item>
      <Form.Item<ExamBody>
        name={['rules', 'faceMatchThreshold']}
        label={t('adminExams.faceMatchThreshold')}
        extra={t('adminExams.faceMatchThresholdHelp')}
        rules={[required(t('adminExams.faceMatchThreshold'))]}
      >
        <InputNumber min={0} max={1} step={0.01} precision={2} />
      </Form.Item>

      <Divider titlePlacement="start">{t('adminExams.groupDevices')}</Divider>
      <SwitchField name="secondCameraRequired" label={t('adminExams.secondCameraRequired')} />
      <SwitchField name="phoneAsPrimaryAllowed" label={t('adminExams.phoneAsPrimaryAllowed')} />
      <SwitchField name="screenShareRequired" label={t('adminExams.screenShareRequired')} />
      <SwitchField name="copyPasteBlocked" label={t('adminExams.copyPasteBlocked')} />
      <SwitchField name="aiMonitorEnabled" label={t('adminExams.aiMonitorEnabled')} />
      <Form.Item<ExamBody>
        name={['rules', 'aiFlagSeconds']}
        label={t('adminExams.aiFlagSeconds')}
        extra={t('adminExams.aiFlagSecondsHelp')}
        rules={[required(t('adminExams.aiFlagSeconds'))]}
      >
        <InputNumber min={2} max={60} precision={0} suffix={t('adminExams.seconds')} />
      </Form.Item>
      <Form.Item<ExamBody>
        name={['rules', 'mediaQuality']}
        label={t('adminExams.mediaQuality')}
        extra={t('adminExams.mediaQualityHelp')}
      >
        <Select
          style={{ maxWidth: 280 }}
          options={MEDIA_QUALITIES.map((quality) => ({
            value: quality,
            label: t(`adminExams.mediaQualities.${quality}`),
          }))}
        />
      </Form.Item>
      <SwitchField name="documentsRequired" label={t('adminExams.documentsRequired')} />

      <Divider titlePlacement="start">{t('adminExams.groupTiming')}</Divider>
      <Form.Item<ExamBody>
        name={['rules', 'durationMinutes']}
        label={t('adminExams.durationMinutes')}
        extra={t('adminExams.durationHelp')}
      >
        <InputNumber min={1} max={24 * 60} precision={0} suffix={minutes} />
      </Form.Item>
      <Form.Item<ExamBody>
        name={['rules', 'minMinutesBeforeSubmit']}
        label={t('adminExams.minMinutesBeforeSubmit')}
        extra={t('adminExams.minMinutesBeforeSubmitHelp')}
        dependencies={[['rules', 'durationMinutes']]}
        rules={[
          required(t('adminExams.minMinutesBeforeSubmit')),
          ({ getFieldValue }) => ({
            validator: (_rule, value: number | null) => {
              const duration = getFieldValue(['rules', 'durationMinutes']) as number | null;
              return typeof duration === 'number' && typeof value === 'number' && value > duration
                ? Promise.reject(new Error(t('adminExams.minAfterDuration')))
                : Promise.resolve();
            },
          }),
        ]}
      >
        <InputNumber min={0} max={24 * 60} precision={0} suffix={minutes} />
      </Form.Item>
      <Form.Item<ExamBody>
        name={['rules', 'inactivitySubmitMinutes']}
        label={t('adminExams.inactivitySubmitMinutes')}
        extra={t('adminExams.inactivityHelp')}
      >
        <InputNumber min={1} max={24 * 60} precision={0} suffix={minutes} />
      </Form.Item>
      <Form.Item<ExamBody>
        name={['rules', 'outageCompensationMaxMinutes']}
        label={t('adminExams.outageCompensationMaxMinutes')}
        extra={t('adminExams.outageCompensationHelp')}
        rules={[required(t('adminExams.outageCompensationMaxMinutes'))]}
      >
        <InputNumber min={0} max={240} precision={0} suffix={minutes} />
      </Form.Item>
      <Form.Item<ExamBody>
        name={['rules', 'outageThresholdSeconds']}
        label={t('adminExams.outageThresholdSeconds')}
        extra={t('adminExams.outageThresholdHelp')}
        rules={[required(t('adminExams.outageThresholdSeconds'))]}
      >
        <InputNumber min={30} max={3600} precision={0} suffix={t('adminExams.seconds')} />
      </Form.Item>
      <Form.Item<ExamBody>
        name={['rules', 'preEntryMinutes']}
        label={t('adminExams.preEntryMinutes')}
        extra={t('adminExams.preEntryHelp')}
        rules={[required(t('adminExams.preEntryMinutes'))]}
      >
        <InputNumber min={0} max={24 * 60} precision={0} suffix={minutes} />
      </Form.Item>

      <Divider titlePlacement="start">{t('adminExams.groupMock')}</Divider>
      <Form.Item<ExamBody>
        name={['rules', 'mockAnswersShown']}
        label={t('adminExams.mockAnswersShown')}
        extra={t('adminExams.mockAnswersShownHelp')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
      <Form.Item<ExamBody>
        name={['rules', 'resultAnswersShown']}
        label={t('adminExams.resultAnswersShown')}
        extra={t('adminExams.resultAnswersShownHelp')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
      <Form.Item<ExamBody>
        name={['rules', 'doubleMarking']}
        label={t('adminExams.doubleMarking')}
        extra={t('adminExams.doubleMarkingHelp')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
      <Form.Item<ExamBody>
        name={['rules', 'markingDifferenceThreshold']}
        label={t('adminExams.markingDifferenceThreshold')}
        extra={t('adminExams.markingDifferenceThresholdHelp')}
      >
        <InputNumber min={0} max={1000} step={0.5} precision={1} suffix={t('adminExams.points')} />
      </Form.Item>
    </>
  );
}
