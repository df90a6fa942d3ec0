import { useCallback, useEffect, useRef } from 'react';
import type { BrowserFaceEngine } from '../../../../vision/face-engine.js';
import { createHumanFaceEngine } from '../../../../vision/human-face-engine.js';

/**
 * One face engine (a worker with the models loaded) for the whole face step, so a retry does not
 * load the models again; the worker ends when the step is left.
 */
export function useFaceEngine(): () => Promise<BrowserFaceEngine> {
  const loading = useRef<Promise<BrowserFaceEngine> | null>(null);
  const engine = useRef<BrowserFaceEngine | null>(null);

  useEffect(
    () => () => {
      engine.current?.dispose();
      engine.current = null;
      loading.current = null;
    },
    [],
  );

  return useCallback(() => {
    loading.current ??= (async () => {
      const created = createHumanFaceEngine();
      engine.current = created;
      try {
        await created.load();
        return created;
      } catch (error) {
        created.dispose();
        engine.current = null;
        loading.current = null; // a later attempt may try again
        throw error;
      }
    })();
    return loading.current;
  }, []);
}
