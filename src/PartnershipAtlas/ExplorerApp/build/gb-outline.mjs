// Vite plugin: `import outline from 'virtual:gb-outline'` is the United Kingdom's outline (GeoJSON) from world-atlas's
// Natural Earth 1:50m countries, cut out at build time so the bundle carries one country, not the world.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';

const VIRTUAL = 'virtual:gb-outline';
const UNITED_KINGDOM = '826';

export default function gbOutline() {
  return {
    name: 'atlas-gb-outline',
    resolveId(id) {
      return id === VIRTUAL ? `\0${VIRTUAL}` : null;
    },
    load(id) {
      if (id !== `\0${VIRTUAL}`) return null;
      const require = createRequire(import.meta.url);
      const world = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'));
      const countries = feature(world, world.objects.countries);
      const uk = countries.features.find((f) => f.id === UNITED_KINGDOM);
      if (!uk) this.error('world-atlas has no United Kingdom (826)');
      return `export default ${JSON.stringify(uk)};`;
    },
  };
}
