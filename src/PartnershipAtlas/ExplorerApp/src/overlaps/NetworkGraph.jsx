import { useEffect, useRef } from 'react';
import cytoscape from 'cytoscape';
import { colourOf } from '../common/palette.js';

/**
 * The networks of the listed pairs and the schools they share (cytoscape): a network is a labelled circle coloured
 * by kind, a shared school a small grey dot joined to both. The pair table above is its table alternative.
 */
export default function NetworkGraph({ pairs }) {
  const element = useRef(null);
  useEffect(() => {
    const kinds = [];
    const nodes = new Map();
    const edges = new Map();
    const kindIndex = (k) => (kinds.includes(k) ? kinds.indexOf(k) : kinds.push(k) - 1);
    for (const o of pairs) {
      for (const n of [o.a, o.b]) nodes.set(n.id, { data: { id: n.id, label: n.name, colour: colourOf(kindIndex(n.kind)) }, classes: 'network' });
      for (const s of o.shared) {
        const id = `urn:${s.urn}`;
        nodes.set(id, { data: { id, label: '' }, classes: 'school' });
        for (const n of [o.a, o.b]) edges.set(`${id}|${n.id}`, { data: { id: `${id}|${n.id}`, source: id, target: n.id } });
      }
    }
    const cy = cytoscape({
      container: element.current,
      elements: [...nodes.values(), ...edges.values()],
      layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 8000 },
      style: [
        { selector: '.network', style: { 'background-color': 'data(colour)', label: 'data(label)', 'font-size': 10, width: 22, height: 22, 'text-wrap': 'ellipsis', 'text-max-width': 120 } },
        { selector: '.school', style: { 'background-color': '#6f777b', width: 6, height: 6 } },
        { selector: 'edge', style: { width: 1, 'line-color': '#b1b4b6' } },
      ],
    });
    return () => cy.destroy();
  }, [pairs]);
  return (
    <figure className="graph-figure">
      <div ref={element} className="graph" role="img" aria-label="Graph of the listed networks and the schools they share; the pairs table lists the same links." />
      <figcaption>The listed networks (circles, coloured by kind) and their shared schools (grey dots).</figcaption>
    </figure>
  );
}
