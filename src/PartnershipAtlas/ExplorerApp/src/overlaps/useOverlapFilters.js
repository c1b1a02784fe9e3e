import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { KINDS } from './Filters.jsx';

const TEXT_KEYS = ['laCode', 'region', 'phase'];

/** The filters as the URL holds them: `?kinds=MULTI_ACADEMY_TRUST,DIOCESE&laCode=850&region=…&phase=…` (unknown kinds dropped). */
export function filtersFrom(params) {
  const kinds = (params.get('kinds') ?? '').split(',').filter((k) => KINDS.includes(k));
  return { kinds, ...Object.fromEntries(TEXT_KEYS.map((key) => [key, params.get(key) ?? ''])) };
}

/**
 * The overlaps filters, kept in the URL beside `asOf` so a link shares them. The page keeps its own copy while one is
 * typed (the URL follows, replacing the history entry, so Back is not one step per key).
 */
export function useOverlapFilters() {
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState(() => filtersFrom(params));
  const update = (next) => {
    setFilters(next);
    setParams((current) => {
      const url = new URLSearchParams(current);
      if (next.kinds.length) url.set('kinds', next.kinds.join(','));
      else url.delete('kinds');
      for (const key of TEXT_KEYS) {
        if (next[key]) url.set(key, next[key]);
        else url.delete(key);
      }
      return url;
    }, { replace: true });
  };
  return [filters, update];
}
