import { SendOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmitFaceStatus } from '../../../../shared/api/submit-face.js';
import { ApiError } from '../../../api/ApiError.js';
import { useErrorMessage } from '../../../api/errors.js';
import { DisabledActionButton } from '../../../ui/DisabledActionButton.js';
import { useTimeFormat } from '../../../ui/useTimeFormat.js';
import { SubmitFaceStep } from './SubmitFaceStep.js';

interface SubmitPanelProps {
  registrationId: string;
  /** The face check 交卷 needs (the exam's rule), as the server last said; null for none. */
  submitFace: SubmitFaceStatus | null;
  /** The server clock now (ms). */
  now: number;
  submitOpensAt: string;
  total: number;
  unanswered: number;
  /** Answers not yet acknowledged by the server. */
  pending: number;
  /** Sends what waits and resolves with how many still wait after that. */
  flush: () => Promise<number>;
  submit: () => Promise<unknown>;
}

/**
 * 交卷: disabled with its reason until the minimum time has passed (server clock); asks first,
 * with the number of unanswered questions and, where the exam asks, the face check; waits for every answer to reach the server and
 * refuses, saying why, when some cannot.
 */
export function SubmitPanel(props: SubmitPanelProps) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const describe = useErrorMessage();
  const [isOpen, setIsOpen] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // The verdict of a face check taken in this dialog, newer than the attempt as last read.
  const [checkedFace, setCheckedFace] = useState<SubmitFaceStatus | null>(null);
  const face = checkedFace ?? props.submitFace;
  const label = t('candidateWrittenExam.submit.button');

  if (props.now < Date.parse(props.submitOpensAt)) {
    const reason = t('candidateWrittenExam.submit.opensAt', {
      time: time.dateTime(props.submitOpensAt),
    });
    return (
      <Flex gap={8} align="center" wrap>
        <DisabledActionButton label={label} reason={reason} icon={<SendOutlined aria-hidden />} />
        <Typography.Text type="secondary" aria-hidden>
          {reason}
        </Typography.Text>
      </Flex>
    );
  }

  const handleConfirm = async () => {
    setIsBusy(true);
    setProblem(null);
    try {
      const stillWaiting = await props.flush();
      if (stillWaiting > 0) {
        setProblem(t('candidateWrittenExam.submit.stillPending', { count: stillWaiting }));
        return;
      }
      await props.submit();
      setIsOpen(false);
    } catch (error) {
      setProblem(describe(error));
      // A match older than the server allows: the dialog asks for a new photo.
      if (face && error instanceof ApiError && error.code === 'FACE_CHECK_AT_SUBMIT_REQUIRED') {
        setCheckedFace({ ...face, passed: false, canSubmit: false });
      }
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <>
      <Button type="primary" icon={<SendOutlined aria-hidden />} onClick={() => setIsOpen(true)}>
        {label}
      </Button>
      <Modal
        open={isOpen}
        title={t('candidateWrittenExam.submit.confirmTitle')}
        okText={t('candidateWrittenExam.submit.ok')}
        cancelText={t('candidateWrittenExam.submit.cancel')}
        confirmLoading={isBusy}
        okButtonProps={{ disabled: face !== null && !face.canSubmit }}
        onOk={() => void handleConfirm()}
        onCancel={() => {
          setIsOpen(false);
          setProblem(null);
        }}
      >
        <Flex vertical gap={8}>
          <Typography.Paragraph style={{ margin: 0 }}>
            {props.unanswered > 0
              ? t('candidateWrittenExam.submit.confirmUnanswered', {
                  count: props.unanswered,
                  total: props.total,
                })
              : t('candidateWrittenExam.submit.confirmAll', { total: props.total })}
          </Typography.Paragraph>
          {props.pending > 0 ? (
            <Typography.Text type="warning">
              {t('candidateWrittenExam.submit.confirmPending', { count: props.pending })}
            </Typography.Text>
          ) : null}
          {face ? (
            <SubmitFaceStep
              registrationId={props.registrationId}
              status={face}
              onChecked={(status) => {
                setCheckedFace(status);
                setProblem(null);
              }}
            />
          ) : null}
          {problem ? <Alert type="error" showIcon role="alert" title={problem} /> : null}
        </Flex>
      </Modal>
    </>
  );
}
