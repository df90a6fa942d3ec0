import { Button, Tooltip, type ButtonProps } from 'antd';
import { useId } from 'react';

interface DisabledActionButtonProps {
  label: string;
  /** Why the action cannot be used now; shown in a tooltip and read by screen readers. */
  reason: string;
  size?: ButtonProps['size'];
  icon?: ButtonProps['icon'];
  /** The id of the reason already written on the page next to the button, if it is. */
  reasonId?: string;
}

/** A disabled action that states why, in a tooltip and through aria-describedby. */
export function DisabledActionButton(props: DisabledActionButtonProps) {
  const { label, reason, size, icon } = props;
  const ownReasonId = useId();
  const reasonId = props.reasonId ?? ownReasonId;
  return (
    <Tooltip title={reason}>
      {/* A disabled button gets no pointer events; the wrapper shows the tooltip instead. */}
      <span style={{ display: 'inline-block', cursor: 'not-allowed' }}>
        <Button size={size} icon={icon} disabled aria-describedby={reasonId}>
          {label}
        </Button>
        {props.reasonId ? null : (
          <span id={reasonId} hidden>
            {reason}
          </span>
        )}
      </span>
    </Tooltip>
  );
}
