import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Flex, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agreeToPledge } from '../../../../../shared/api/check-in.js';
import { callApi } from '../../../../api/client.js';
import { useErrorMessage } from '../../../../api/errors.js';
import { useTimeFormat } from '../../../../ui/useTimeFormat.js';
import type { CheckInStepProps } from '../stepProps.js';

/** 诚信承诺: the exam's 考生诚信承诺书 and 考生须知 (a default text when the exam has none), then 同意. */
export function PledgeStep({ state, onStateChange }: CheckInStepProps) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const errorMessage = useErrorMessage();
  const pledgeId = useId();
  const noticeId = useId();
  const [isChecked, setChecked] = useState(false);
  const [isReminded, setReminded] = useState(false);
  const agree = useMutation({
    mutationFn: () =>
      callApi(agreeToPledge, {
        params: { registrationId: state.registrationId },
        body: { agree: true },
      }),
    onSuccess: onStateChange,
  });
  const pledgeText = state.pledgeText.trim() || t('candidateCheckIn.pledge.defaultPledge');
  const noticeText = state.noticeText.trim() || t('candidateCheckIn.pledge.defaultNotice');
  const { agreedAt } = state.steps.pledge;

  const submit = () => {
    if (!isChecked) {
      setReminded(true);
      return;
    }
    agree.mutate();
  };

  return (
    <Flex vertical gap={16}>
      <section aria-labelledby={pledgeId}>
        <Typography.Title level={3} id={pledgeId} style={{ fontSize: 18 }}>
          {t('candidateCheckIn.pledge.pledgeTitle')}
        </Typography.Title>
        <div tabIndex={0} role="document" aria-labelledby={pledgeId} style={textBox}>
          {pledgeText}
        </div>
      </section>
      <section aria-labelledby={noticeId}>
        <Typography.Title level={3} id={noticeId} style={{ fontSize: 18 }}>
          {t('candidateCheckIn.pledge.noticeTitle')}
        </Typography.Title>
        <div tabIndex={0} role="document" aria-labelledby={noticeId} style={textBox}>
          {noticeText}
        </div>
      </section>
      {agreedAt ? (
        <Typography.Text type="success">
          {t('candidateCheckIn.pledge.agreedAt', { time: time.dateTime(agreedAt) })}
        </Typography.Text>
      ) : null}
      <Checkbox
        checked={isChecked}
        onChange={(event) => {
          setChecked(event.target.checked);
          if (event.target.checked) setReminded(false);
        }}
      >
        {t('candidateCheckIn.pledge.agree')}
      </Checkbox>
      <div aria-live="polite">
        {isReminded ? (
          <Typography.Text type="danger">{t('candidateCheckIn.pledge.mustAgree')}</Typography.Text>
        ) : null}
      </div>
      {agree.isError ? (
        <Alert type="error" showIcon role="alert" title={errorMessage(agree.error)} />
      ) : null}
      <div>
        <Button
          type="primary"
          aria-disabled={!isChecked}
          loading={agree.isPending}
          onClick={submit}
        >
          {t('candidateCheckIn.pledge.submit')}
        </Button>
      </div>
    </Flex>
  );
}

const textBox = {
  whiteSpace: 'pre-wrap',
  maxHeight: 320,
  overflowY: 'auto',
  padding: 12,
  border: '1px solid rgba(0, 0, 0, 0.12)',
  borderRadius: 6,
  margin: 0,
} as const;
