import 'leaflet/dist/leaflet.css';
import { useEffect, useRef, useState } from 'react';
import L from 'leaflet';
import Supercluster from 'supercluster';
import outline from 'virtual:gb-outline';
import { explorerConfig } from './config.js';
import { latLngOf } from './project.js';
import { colourOf } from '../common/palette.js';

const CLUSTER_ABOVE = 400;
const GB_BOUNDS = [[49.8, -8.7], [60.9, 1.8]];

/**
 * Schools on a map of Great Britain (the packaged outline; a tile layer too when Atlas:Explorer:TileUrl is set).
 * points: [{ urn, name, easting, northing, group, networks, marked }]; groups: [{ label }] name the colours (index).
 * Above a few hundred points they are clustered (supercluster), so 50,000 stay responsive.
 */
export default function SchoolMap({ points, groups = [], label }) {
  const element = useRef(null);
  const map = useRef(null);
  const layer = useRef(null);
  const [shown, setShown] = useState({ plotted: 0, missing: 0 });

  useEffect(() => {
    const m = L.map(element.current, { preferCanvas: true, attributionControl: false, zoomSnap: 0.5 });
    m.fitBounds(GB_BOUNDS);
    L.geoJSON(outline, { interactive: false, style: { color: '#505a5f', weight: 1, fillColor: '#f3f2f1', fillOpacity: 1 } }).addTo(m);
    layer.current = L.layerGroup().addTo(m);
    map.current = m;
    let cancelled = false;
    explorerConfig().then((config) => {
      if (cancelled || !config.tileUrl) return;
      L.control.attribution({ prefix: false }).addTo(m);
      L.tileLayer(config.tileUrl, { attribution: config.tileAttribution ?? '' }).addTo(m).bringToBack();
    });
    return () => { cancelled = true; m.remove(); };
  }, []);

  useEffect(() => {
    const m = map.current;
    const located = [];
    for (const p of points) {
      const at = latLngOf(p.easting, p.northing);
      if (at) located.push({ ...p, at });
    }
    setShown({ plotted: located.length, missing: points.length - located.length });
    const draw = drawer(m, layer.current, located);
    draw();
    if (located.length) m.fitBounds(L.latLngBounds(located.map((p) => p.at)).pad(0.1), { maxZoom: located.length === 1 ? 9 : 12 });
    m.on('moveend', draw);
    return () => m.off('moveend', draw);
  }, [points, groups]);

  return (
    <figure className="map-figure">
      <div ref={element} className="map" role="region" aria-label={`Map: ${label}`} data-plotted={shown.plotted} />
      <figcaption>
        {label}: {shown.plotted.toLocaleString('en-GB')} schools plotted
        {shown.missing > 0 && `, ${shown.missing} without a location`}.
        {groups.length > 0 && (
          <span className="legend">
            {groups.map((g, i) => <span key={g.label}><span className="swatch" style={{ background: colourOf(i) }} aria-hidden="true" /> {g.label}</span>)}
            {points.some((p) => p.marked) && <span><span className="swatch swatch-marked" aria-hidden="true" /> shared</span>}
          </span>
        )}
      </figcaption>
    </figure>
  );
}

function tooltip(p) {
  const networks = p.networks?.length ? `<br>${p.networks.map(escape).join('<br>')}` : '';
  return `<strong>${escape(p.name)}</strong> (URN ${p.urn})${networks}`;
}

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Draws every point, or their clusters at the map's zoom when there are many. */
function drawer(map, layer, located) {
  const index = located.length > CLUSTER_ABOVE
    ? new Supercluster({ radius: 50, maxZoom: 13 }).load(located.map((p, i) => ({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [p.at[1], p.at[0]] } })))
    : null;
  const dot = (p) => L.circleMarker(p.at, {
    radius: p.marked ? 7 : 5, weight: p.marked ? 3 : 1, color: p.marked ? '#000' : '#fff',
    fillColor: colourOf(p.group ?? 0), fillOpacity: 0.9,
  }).bindTooltip(tooltip(p));
  return () => {
    layer.clearLayers();
    if (!index) {
      for (const p of located) layer.addLayer(dot(p));
      return;
    }
    const b = map.getBounds();
    for (const c of index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], Math.round(map.getZoom()))) {
      if (!c.properties.cluster) { layer.addLayer(dot(located[c.properties.i])); continue; }
      const count = c.properties.point_count;
      const at = [c.geometry.coordinates[1], c.geometry.coordinates[0]];
      layer.addLayer(L.circleMarker(at, { radius: 8 + Math.min(18, Math.log2(count) * 2), color: '#fff', weight: 1, fillColor: '#0072B2', fillOpacity: 0.75 })
        .bindTooltip(`${count.toLocaleString('en-GB')} schools: zoom in`)
        .on('click', () => map.flyTo(at, Math.min(index.getClusterExpansionZoom(c.properties.cluster_id), 14))));
    }
  };
}
