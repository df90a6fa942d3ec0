import { Button, Tooltip } from 'antd';
import { useId } from 'react';

interface ComingSoonButtonProps {
  label: string;
  reason: string;
}

/** A disabled action with its reason in a tooltip and for screen readers. */
export function ComingSoonButton({ label, reason }: ComingSoonButtonProps) {
  const reasonId = useId();
  return (
    <Tooltip title={reason}>
      {/* A disabled button gets no pointer events; the wrapper shows the tooltip instead. */}
      <span style={{ display: 'inline-block', cursor: 'not-allowed' }}>
        <Button size="small" disabled aria-describedby={reasonId}>
          {label}
        </Button>
        <span id={reasonId} hidden>
          {reason}
        </span>
      </span>
    </Tooltip>
  );
}
