// Okabe & Ito's colour-blind-safe palette (distinct under protanopia, deuteranopia and tritanopia).
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];

export const colourOf = (index) => PALETTE[index % PALETTE.length];

/** A sequential blue scale for heatmaps (light to dark), with the text colour that stays readable on it. */
export function heat(fraction) {
  const f = Math.max(0, Math.min(1, fraction));
  const lightness = 97 - f * 67;
  return { background: `hsl(210 80% ${lightness}%)`, color: lightness < 55 ? '#fff' : '#0b0c0c' };
}
