import { kindLabel } from '../common/format.js';

export const KINDS = ['MULTI_ACADEMY_TRUST', 'SINGLE_ACADEMY_TRUST', 'FOUNDATION_TRUST', 'SPONSOR', 'FEDERATION', 'DIOCESE', 'LOCAL_AUTHORITY', 'REGION',
  'TEACHING_SCHOOL_HUB', 'OPPORTUNITY_AREA', 'EDUCATION_INVESTMENT_AREA', 'PRIORITY_EDUCATION_INVESTMENT_AREA', 'RESEARCH_SCHOOL_NETWORK', 'UMBRELLA_TRUST'];

/** Kinds, LA, region and phase; the date is the page's (in the header). */
export default function Filters({ filters, onChange }) {
  const set = (key) => (e) => onChange({ ...filters, [key]: e.target.value });
  const toggle = (kind) => onChange({ ...filters, kinds: filters.kinds.includes(kind) ? filters.kinds.filter((k) => k !== kind) : [...filters.kinds, kind] });
  return (
    <form className="filters" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>Kinds (none ticked: every kind)</legend>
        <div className="kinds">
          {KINDS.map((k) => (
            <label key={k}><input type="checkbox" checked={filters.kinds.includes(k)} onChange={() => toggle(k)} /> {kindLabel(k)}</label>
          ))}
        </div>
      </fieldset>
      <div className="area">
        <label>LA code <input value={filters.laCode} onChange={set('laCode')} inputMode="numeric" placeholder="e.g. 850" size={6} /></label>
        <label>Region <input value={filters.region} onChange={set('region')} placeholder="e.g. South East" /></label>
        <label>Phase <input value={filters.phase} onChange={set('phase')} placeholder="e.g. Primary" /></label>
      </div>
    </form>
  );
}

/** The filters as GraphQL variables (empty text: no filter). */
export const areaVariables = (f) => ({
  kinds: f.kinds.length ? f.kinds : null,
  laCode: f.laCode.trim() || null,
  region: f.region.trim() || null,
  phase: f.phase.trim() || null,
});
