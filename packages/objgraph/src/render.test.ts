/**
 * Rendering and objgraph's `_present_graph` messages (PresentGraphTest in objgraph's tests.py),
 * with Graphviz in WebAssembly standing in for the `dot` program.
 */
import { describe, expect, it } from 'vitest';
import { isRenderFormat, loadRenderer, renderDot, renderDotSync, rendererLoaded } from './render.js';
import { Scene } from './testkit.js';

const DOT = 'digraph ObjectGraph {\n  node[shape=box, style=filled, fillcolor=white];\n  o1[label="list\\n1 items"];\n  o1 -> o2;\n}\n';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

describe('rendering', () => {
  it('renders SVG and PNG synchronously before any preload (worker thread)', () => {
    expect(rendererLoaded()).toBe(false);
    const svg = renderDotSync(DOT, 'svg') as string;
    expect(svg).toContain('<svg');
    expect(svg).toContain('list');
    const png = renderDotSync(DOT, 'png') as Uint8Array;
    expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
  }, 60_000);

  it('renders asynchronously and then in this thread', async () => {
    const svg = (await renderDot(DOT, 'svg')) as string;
    expect(svg).toContain('</svg>');
    await loadRenderer();
    expect(rendererLoaded()).toBe(true);
    expect(renderDotSync(DOT, 'plain') as string).toMatch(/^graph /);
    expect([...(renderDotSync(DOT, 'png') as Uint8Array).slice(0, 8)]).toEqual(PNG_SIGNATURE);
  }, 60_000);

  it('reports Graphviz syntax errors', () => {
    expect(() => renderDotSync('digraph { a -> }', 'svg')).toThrow(/syntax error/);
  });

  it('knows which formats it can produce', () => {
    expect(isRenderFormat('svg')).toBe(true);
    expect(isRenderFormat('png')).toBe(true);
    expect(isRenderFormat('pdf')).toBe(false);
  });
});

describe('_present_graph', () => {
  it('test_present_dot: nothing more for a .dot filename', () => {
    const s = new Scene('3.12');
    s.og.showRefs([s.list([])], { filename: 'foo.dot' });
    expect(s.takeOut()).toBe('Graph written to foo.dot (1 nodes)\n');
  });

  it('test_present_png: a temporary .dot file, then the image', () => {
    const s = new Scene('3.12');
    const r = s.og.showRefs([s.list([])], { filename: 'bar.png' });
    expect(s.takeOut()).toMatch(/^Graph written to \/tmp\/objgraph-[a-z0-9_]{8}\.dot \(1 nodes\)\nImage generated as bar\.png\n$/);
    expect(r.imageFilename).toBe('bar.png');
    expect([...(s.io.files.get('bar.png') as Uint8Array).slice(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(s.io.text(r.dotFilename!)).toBe(r.dot);
  }, 60_000);

  it('svg output', () => {
    const s = new Scene('2.7');
    s.og.showBackrefs([s.list([])], { filename: 'g.svg' });
    expect(s.takeOut()).toMatch(/Image generated as g\.svg\n$/);
    expect(s.io.text('g.svg')).toContain('<svg');
  }, 60_000);

  it('test_present_png_failure: a format the renderer lacks', () => {
    const s = new Scene('3.12');
    const r = s.og.showRefs([s.list([])], { filename: 'b.pdf' });
    expect(s.takeOut()).toBe(`Graph written to ${r.dotFilename} (1 nodes)\ndot failed (exit code 1) while executing "dot -Tpdf -ob.pdf ${r.dotFilename}"\n`);
  });

  it('test_present_xdot: a viewer when there is no filename', () => {
    const s = new Scene('3.12');
    const opened: string[] = [];
    s.io.openViewer = (p: string) => opened.push(p);
    const r = s.og.showRefs([s.list([])]);
    expect(s.takeOut()).toBe(`Graph written to ${r.dotFilename} (1 nodes)\nSpawning graph viewer (xdot)\n`);
    expect(opened).toEqual([r.dotFilename]);
  });

  it('test_present_no_xdot: a png instead', () => {
    const s = new Scene('3.12');
    const r = s.og.showRefs([s.list([])]);
    const png = `${r.dotFilename!.slice(0, -4)}.png`;
    expect(s.takeOut()).toBe(`Graph written to ${r.dotFilename} (1 nodes)\nGraph viewer (xdot) not found, generating a png instead\nImage generated as ${png}\n`);
    expect(s.io.files.has(png)).toBe(true);
  }, 60_000);
});
