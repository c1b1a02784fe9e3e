import { useState } from 'react';
import { useQuery } from '../api/useQuery.js';
import BarTable from '../common/BarTable.jsx';
import QueryState from '../common/QueryState.jsx';
import { number } from '../common/format.js';
import attainment from './attainment.graphql';
import Comparison from './Comparison.jsx';

/** The measures offered per key stage (DfE performance-table fields). */
const MEASURES = {
  KS2: [['PTRWM_EXP', 'Reading, writing and maths: expected standard (%)'], ['READPROG', 'Reading progress'], ['MATPROG', 'Maths progress']],
  KS4: [['ATT8SCR', 'Attainment 8'], ['P8MEA', 'Progress 8']],
};
const FIRST_YEAR = 2010;
const LAST_YEAR = 2025;
const YEARS = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => LAST_YEAR - i);
const shown = (value) => (value === null || value === undefined ? '–' : value.toFixed(1));
const benchmark = (b) => (b?.all?.value ?? null);

/** How the members did on one measure in one year against their LAs and England, then the matched comparison. */
export default function Attainment({ id, asOf }) {
  const [keyStage, setKeyStage] = useState('KS2');
  const [measure, setMeasure] = useState(MEASURES.KS2[0][0]);
  const [year, setYear] = useState(2019);
  const chooseKeyStage = (ks) => { setKeyStage(ks); setMeasure(MEASURES[ks][0][0]); };
  const result = useQuery(attainment, { id, asOf, keyStage, year, measure });
  return (
    <section aria-labelledby="attainment-heading" aria-busy={result.loading} data-testid="attainment">
      <h2 id="attainment-heading">Attainment</h2>
      <div className="area">
        <label>Key stage{' '}
          <select value={keyStage} onChange={(e) => chooseKeyStage(e.target.value)}>
            <option value="KS2">KS2 (age 11)</option><option value="KS4">KS4 (GCSE)</option>
          </select>
        </label>
        <label>Measure{' '}
          <select value={measure} onChange={(e) => setMeasure(e.target.value)}>
            {MEASURES[keyStage].map(([code, label]) => <option key={code} value={code}>{label}</option>)}
          </select>
        </label>
        <label>Exam year (summer){' '}
          <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {YEARS.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
      </div>
      <QueryState result={result} what="the attainment">
        {(data) => <AttainmentFigures a={data.node.attainment} keyStage={keyStage} year={year} />}
      </QueryState>
      <Comparison id={id} asOf={asOf} keyStage={keyStage} measure={measure} year={year} />
    </section>
  );
}

function AttainmentFigures({ a, keyStage, year }) {
  if (a.schoolsWithValue === 0) {
    return (
      <p className="no-results" data-testid="attainment-none">
        No results: none of the {number(a.members)} members has a published {keyStage} value for {year}
        {a.schoolsCounted > 0 ? ` (${number(a.schoolsCounted)} with results, ${number(a.schoolsSuppressed)} suppressed)` : ''}.
        {a.schoolsCounted === 0 && ' Import the performance tables of that year to see it.'}
      </p>
    );
  }
  const rows = [
    { key: 'members', label: 'The members (pupil-weighted)', values: [a.pupilWeightedMean] },
    ...a.localAuthorities.map((la) => ({ key: `la-${la.laCode}`, label: `${la.name ?? 'LA'} (${la.laCode})`, values: [benchmark(la)] })),
    { key: 'england', label: 'England, all schools', values: [benchmark(a.national)] },
    { key: 'england-state', label: 'England, state-funded', values: [benchmark(a.nationalStateFunded)] },
  ];
  return (
    <>
      <p className="hint" data-testid="attainment-coverage">
        {number(a.schoolsWithValue)} of {number(a.members)} members with a value ({number(a.pupilsCovered)} pupils; {number(a.schoolsSuppressed)} suppressed).
      </p>
      <BarTable caption={`${a.label ?? 'The measure'}, ${year}: the members against their LAs and England`} labelHeader="Who"
        columns={['Value']} rows={rows} format={shown} />
    </>
  );
}
