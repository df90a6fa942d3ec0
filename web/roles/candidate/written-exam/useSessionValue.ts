import { useCallback, useState } from 'react';

/**
 * A small value kept in this tab's sessionStorage, so a reload keeps it (the question open,
 * 考生须知 confirmed); without storage it lasts as long as the page.
 */
export function useSessionValue<T extends string | number | boolean>(
  key: string,
  initial: T,
): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = sessionStorage.getItem(key);
      if (stored === null) return initial;
      const parsed: unknown = JSON.parse(stored);
      return typeof parsed === typeof initial ? (parsed as T) : initial;
    } catch {
      return initial;
    }
  });
  const update = useCallback(
    (next: T) => {
      setValue(next);
      try {
        sessionStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Only a convenience.
      }
    },
    [key],
  );
  return [value, update];
}
