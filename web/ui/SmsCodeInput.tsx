import { Button, Input, Space } from 'antd';

interface SmsCodeInputProps {
  /** Injected by Form.Item, so the field's label points at the text box. */
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  sendLabel: string;
  /** Shown on the button while it waits, e.g. "60秒后重新获取". */
  waitLabel: string;
  secondsLeft: number;
  isSending: boolean;
  onSend: () => void;
}

/** A 6-digit code box with the "获取验证码" button beside it. */
export function SmsCodeInput(props: SmsCodeInputProps) {
  const { id, value, onChange, secondsLeft } = props;
  const isWaiting = secondsLeft > 0;
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        id={id}
        value={value}
        onChange={(event) => onChange?.(event.target.value)}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
      />
      <Button
        onClick={props.onSend}
        loading={props.isSending}
        disabled={isWaiting}
        aria-live="polite"
        style={{ minWidth: 136 }}
      >
        {isWaiting ? props.waitLabel : props.sendLabel}
      </Button>
    </Space.Compact>
  );
}
