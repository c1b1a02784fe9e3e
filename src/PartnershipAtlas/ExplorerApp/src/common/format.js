export const kindLabel = (kind) => (kind ? kind.charAt(0) + kind.slice(1).toLowerCase().replaceAll('_', ' ') : '');
export const number = (n) => (n === null || n === undefined ? '–' : Number(n).toLocaleString('en-GB'));
export const percent = (f) => `${(f * 100).toFixed(1)}%`;
