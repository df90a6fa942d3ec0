import { DisabledActionButton } from './DisabledActionButton.js';

interface ComingSoonButtonProps {
  label: string;
  reason: string;
}

/** A small disabled action that is not built yet, with its reason (see DisabledActionButton). */
export function ComingSoonButton({ label, reason }: ComingSoonButtonProps) {
  return <DisabledActionButton size="small" label={label} reason={reason} />;
}
