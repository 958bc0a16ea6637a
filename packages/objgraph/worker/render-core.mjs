/**
 * Graphviz (WebAssembly, @viz-js/viz) and SVG-to-PNG (@resvg/resvg-js) for the render worker and
 * the `graphviz` command. Loaded on first use.
 */
let vizPromise = null;

/** The @viz-js/viz instance (compiled once per thread). */
export function getViz() {
  vizPromise ??= import('@viz-js/viz').then((m) => m.instance());
  return vizPromise;
}

const RESVG_OPTIONS = { background: 'white', font: { loadSystemFonts: true, defaultFontFamily: 'Times New Roman' } };

/** Render DOT text to `format`: a string for text formats, a Uint8Array for png. */
export async function render(dot, format) {
  const viz = await getViz();
  if (format === 'png') {
    const svg = viz.renderString(dot, { format: 'svg' });
    const { Resvg } = await import('@resvg/resvg-js');
    return new Uint8Array(new Resvg(svg, RESVG_OPTIONS).render().asPng());
  }
  return viz.renderString(dot, { format: format === 'gv' ? 'dot' : format });
}
