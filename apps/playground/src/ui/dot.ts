/**
 * objgraph's DOT graphs rendered with Graphviz compiled to WebAssembly (@viz-js/viz), loaded
 * only when the first objgraph view is opened (it is the largest piece of the page).
 *
 * The SVG Graphviz produces contains object reprs chosen by the program. It is parsed as XML
 * (not HTML) and then filtered to the elements and attributes Graphviz draws with: no scripts,
 * no event handlers, no foreign content, no links.
 */

type Viz = { renderString(dot: string, options: { format: string; engine?: string }): string };

let vizPromise: Promise<Viz> | null = null;

export function loadViz(): Promise<Viz> {
  vizPromise ??= import('@viz-js/viz').then((m) => m.instance() as Promise<Viz>);
  return vizPromise;
}

const ALLOWED_ELEMENTS = new Set(['svg', 'g', 'title', 'polygon', 'polyline', 'path', 'ellipse', 'text', 'defs', 'line', 'rect', 'circle']);
const ALLOWED_ATTRS = new Set([
  'width',
  'height',
  'viewBox',
  'transform',
  'class',
  'id',
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'points',
  'd',
  'cx',
  'cy',
  'rx',
  'ry',
  'r',
  'x',
  'y',
  'x1',
  'x2',
  'y1',
  'y2',
  'text-anchor',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'fill-opacity',
  'stroke-opacity',
  'xmlns',
]);

/** Keep only what Graphviz draws with. Exported for tests. */
export function sanitizeSvg(root: Element): void {
  const walk = (el: Element) => {
    for (const child of Array.from(el.children)) {
      if (!ALLOWED_ELEMENTS.has(child.localName) || child.namespaceURI !== 'http://www.w3.org/2000/svg') {
        child.remove();
        continue;
      }
      walk(child);
    }
    for (const attr of Array.from(el.attributes)) {
      const v = attr.value.toLowerCase();
      if (!ALLOWED_ATTRS.has(attr.name) || v.includes('javascript:') || v.includes('url(')) el.removeAttribute(attr.name);
    }
  };
  walk(root);
}

/** Render DOT to a sanitized SVG element. */
export async function renderDotToSvg(dot: string): Promise<SVGSVGElement> {
  const viz = await loadViz();
  const text = viz.renderString(dot, { format: 'svg', engine: 'dot' });
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const svg = doc.documentElement;
  if (svg.localName !== 'svg' || doc.getElementsByTagName('parsererror').length > 0) throw new Error('Graphviz produced no SVG');
  sanitizeSvg(svg);
  const imported = document.importNode(svg, true) as unknown as SVGSVGElement;
  imported.setAttribute('class', 'dot-svg');
  // Fit the panel's width; a click shows the natural size (scrollable).
  imported.addEventListener('click', () => imported.parentElement?.classList.toggle('natural'));
  return imported;
}
