import proj4 from 'proj4';

// British National Grid (OSGB36, EPSG:27700) as GIAS publishes Easting/Northing, to WGS84 latitude/longitude.
const BRITISH_NATIONAL_GRID = '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy '
  + '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';
const toWgs84 = proj4(BRITISH_NATIONAL_GRID, 'WGS84');

/** [latitude, longitude] of a GIAS Easting/Northing, or null when the school has none. */
export function latLngOf(easting, northing) {
  if (!easting || !northing) return null;
  const [lng, lat] = toWgs84.forward([Number(easting), Number(northing)]);
  return [lat, lng];
}
