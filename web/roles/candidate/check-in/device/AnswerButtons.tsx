import { Button, Space } from 'antd';

interface AnswerButtonsProps {
  yesLabel: string;
  noLabel: string;
  /** null until answered. */
  value: boolean | null;
  onChange: (value: boolean) => void;
  disabled?: boolean;
}

/** A yes/no answer (可以看到 / 看不到) as two toggle buttons; the chosen one is pressed. */
export function AnswerButtons({
  yesLabel,
  noLabel,
  value,
  onChange,
  disabled,
}: AnswerButtonsProps) {
  return (
    <Space wrap>
      <Button
        type={value === true ? 'primary' : 'default'}
        aria-pressed={value === true}
        disabled={disabled}
        onClick={() => onChange(true)}
      >
        {yesLabel}
      </Button>
      <Button
        danger={value === false}
        type={value === false ? 'primary' : 'default'}
        aria-pressed={value === false}
        disabled={disabled}
        onClick={() => onChange(false)}
      >
        {noLabel}
      </Button>
    </Space>
  );
}
