/**
 * Out of sight but in the page (not display:none): screen readers still read it, and a hidden
 * file input can still be reached by its label and by tests.
 */
export const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;
