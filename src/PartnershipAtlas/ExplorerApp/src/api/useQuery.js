import { useEffect, useState } from 'react';
import { query } from './client.js';

/**
 * Runs a document whenever its variables change: { data, error, loading }. A newer request cancels an older one.
 * `skip` runs nothing (data stays null).
 */
export function useQuery(document, variables, { skip = false, run = query } = {}) {
  const key = JSON.stringify(variables);
  const [state, setState] = useState({ data: null, error: null, loading: !skip });
  useEffect(() => {
    if (skip) {
      setState({ data: null, error: null, loading: false });
      return undefined;
    }
    const controller = new AbortController();
    setState((s) => ({ data: s.data, error: null, loading: true }));
    run(document, JSON.parse(key), controller.signal).then(
      (data) => setState({ data, error: null, loading: false }),
      (error) => {
        if (error.name !== 'AbortError') setState({ data: null, error, loading: false });
      },
    );
    return () => controller.abort();
  }, [document, key, skip, run]);
  return state;
}
