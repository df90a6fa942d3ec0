import { Button, Checkbox, Modal, Typography, type CheckboxProps } from 'antd';
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

type AgreementText = 'pledge' | 'privacy';

interface AgreementCheckboxProps {
  id?: string;
  checked?: boolean;
  onChange?: CheckboxProps['onChange'];
}

/**
 * 我已阅读并同意《考生诚信承诺书》和《隐私政策》; each title opens its text. Used as a Form.Item
 * child with valuePropName="checked".
 */
export function AgreementCheckbox({ id, checked, onChange }: AgreementCheckboxProps) {
  const { t } = useTranslation();
  const [reading, setReading] = useState<AgreementText | null>(null);
  const open = (which: AgreementText) => (event: MouseEvent) => {
    // A button inside the label must not tick the box.
    event.preventDefault();
    setReading(which);
  };
  const text = reading === 'privacy' ? t('ticketLookup.privacyText') : t('ticketLookup.pledgeText');

  return (
    <>
      <Checkbox id={id} checked={checked} onChange={onChange}>
        {t('ticketLookup.agreementPrefix')}
        <Button type="link" size="small" style={{ padding: 0 }} onClick={open('pledge')}>
          {t('ticketLookup.pledgeLink')}
        </Button>
        {t('ticketLookup.agreementAnd')}
        <Button type="link" size="small" style={{ padding: 0 }} onClick={open('privacy')}>
          {t('ticketLookup.privacyLink')}
        </Button>
      </Checkbox>
      <Modal
        open={reading !== null}
        title={
          reading === 'privacy' ? t('ticketLookup.privacyTitle') : t('ticketLookup.pledgeTitle')
        }
        onCancel={() => setReading(null)}
        footer={
          <Button type="primary" onClick={() => setReading(null)}>
            {t('ticketLookup.close')}
          </Button>
        }
      >
        {text.split('\n').map((paragraph) => (
          <Typography.Paragraph key={paragraph}>{paragraph}</Typography.Paragraph>
        ))}
      </Modal>
    </>
  );
}
