import { useSearchParams } from 'react-router';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const today = () => new Date().toISOString().slice(0, 10);

/** The date every page shows (`?asOf=yyyy-mm-dd`, kept in the URL so links share it); null means today. */
export function useAsOf() {
  const [params, setParams] = useSearchParams();
  const value = params.get('asOf');
  const asOf = value && DATE.test(value) ? value : null;
  const setAsOf = (date) => {
    const next = new URLSearchParams(params);
    if (date && DATE.test(date)) next.set('asOf', date);
    else next.delete('asOf');
    setParams(next);
  };
  return [asOf, setAsOf];
}

/** A link target that keeps the current `?asOf`. */
export function useWithAsOf() {
  const [asOf] = useAsOf();
  return (path) => (asOf ? `${path}?asOf=${asOf}` : path);
}
