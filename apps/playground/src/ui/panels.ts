/**
 * The side panels: the console, the gc panel and the object inspector with objgraph views.
 * All text from the program goes through `textContent`.
 */
import { EK, NF, type QueryResult, type Recording, type StepRec } from '../engine/types.js';
import { h, setChildren, setText } from './dom.js';

// ---- console --------------------------------------------------------------------------------

export class ConsoleView {
  readonly el: HTMLPreElement;
  private rec: Recording | null = null;
  private shown = 0;

  constructor() {
    this.el = h('pre', { class: 'console', 'aria-live': 'polite', 'aria-label': 'Program output' });
  }

  /** Show output up to `count` chunks (appending when moving forward in the same recording). */
  show(rec: Recording | null, count: number, notices: string[] = []): void {
    if (rec !== this.rec || count < this.shown) {
      this.el.replaceChildren();
      this.shown = 0;
      this.rec = rec;
      for (const n of notices) this.el.append(h('span', { class: 'c-notice' }, `${n}\n`));
    }
    if (rec === null || count === this.shown) return;
    const frag = document.createDocumentFragment();
    for (let i = this.shown; i < count; i++) {
      const c = rec.console[i]!;
      frag.append(h('span', { class: c.s === 0 ? 'c-out' : c.s === 1 ? 'c-err' : 'c-notice' }, c.t));
    }
    this.el.append(frag);
    this.shown = count;
    // Scroll in the next frame's read phase rather than forcing a layout now.
    requestAnimationFrame(() => {
      this.el.scrollTop = this.el.scrollHeight;
    });
  }

  message(text: string, kind: 'c-notice' | 'c-err' = 'c-notice'): void {
    this.rec = null;
    this.shown = 0;
    setChildren(this.el, h('span', { class: kind }, text));
  }
}

// ---- gc panel -------------------------------------------------------------------------------

export interface GcActions {
  collect(generation: 0 | 1 | 2): void;
  setEnabled(on: boolean): void;
  setDebug(flags: number): void;
  setThreshold(t: [number, number, number]): void;
}

export class GcPanel {
  readonly el: HTMLElement;
  private readonly title: HTMLElement;
  private readonly enabled: HTMLInputElement;
  private readonly counts: HTMLTableSectionElement;
  private readonly thresholdInputs: HTMLInputElement[];
  private readonly flagsBox: HTMLElement;
  private readonly garbage: HTMLElement;
  private readonly log: HTMLTableSectionElement;
  private readonly buttons: HTMLButtonElement[] = [];
  private readonly hint: HTMLElement;
  private flagInputs: { input: HTMLInputElement; value: number }[] = [];
  private countCells: HTMLTableCellElement[][] = [];
  private logKey = '';
  private logRec: Recording | null = null;
  private flagsKey = '';
  private currentDebug = 0;

  constructor(private readonly actions: GcActions) {
    this.title = h('h2', {}, 'gc');
    this.enabled = h('input', { type: 'checkbox', id: 'gc-enabled' });
    this.enabled.addEventListener('change', () => this.actions.setEnabled(this.enabled.checked));
    this.counts = h('tbody');
    this.thresholdInputs = [0, 1, 2].map((i) => h('input', { type: 'number', min: 0, max: 100000, class: 'thr', 'aria-label': `threshold ${i}`, 'data-gen': i }));
    const setThr = h('button', { type: 'button', class: 'small', 'data-testid': 'set-threshold' }, 'set');
    setThr.addEventListener('click', () => {
      const t = this.thresholdInputs.map((x) => Math.max(0, Math.floor(Number(x.value) || 0))) as [number, number, number];
      this.actions.setThreshold(t);
    });
    this.buttons.push(setThr);
    const collectRow = h('div', { class: 'collect-row' });
    for (const g of [0, 1, 2] as const) {
      const b = h('button', { type: 'button', 'data-testid': `collect-${g}` }, `collect gen ${g}`);
      b.addEventListener('click', () => this.actions.collect(g));
      this.buttons.push(b);
      collectRow.append(b);
    }
    this.flagsBox = h('div', { class: 'flags' });
    this.garbage = h('div', { class: 'garbage-count' });
    this.log = h('tbody');
    this.hint = h('p', { class: 'hint' });
    this.el = h(
      'section',
      { class: 'gc-panel', 'aria-label': 'Garbage collector' },
      this.title,
      h('label', { class: 'row' }, this.enabled, ' automatic collection enabled (gc.isenabled())'),
      h(
        'table',
        { class: 'gens' },
        h('thead', {}, h('tr', {}, h('th', {}, 'gen'), h('th', {}, 'count'), h('th', {}, 'threshold'), h('th', {}, 'objects'))),
        this.counts,
      ),
      h('div', { class: 'row thr-row' }, 'thresholds ', ...this.thresholdInputs, setThr),
      collectRow,
      h('h3', {}, 'debug flags'),
      this.flagsBox,
      this.garbage,
      this.hint,
      h('h3', {}, 'collections'),
      h(
        'div',
        { class: 'log-wrap' },
        h(
          'table',
          { class: 'log', 'data-testid': 'gc-log' },
          h('thead', {}, h('tr', {}, h('th', {}, 'gen'), h('th', {}, 'collected'), h('th', {}, 'uncollectable'), h('th', {}, 'ms'), h('th', {}, 'line'), h('th', {}, 'by'))),
          this.log,
        ),
      ),
    );
  }

  show(rec: Recording | null, step: StepRec | null, prev: StepRec | null, busy: boolean): void {
    const canAct = rec !== null && step !== null && step.event !== -1 && !busy;
    for (const b of this.buttons) b.disabled = !canAct;
    this.enabled.disabled = !canAct;
    setText(this.title, rec !== null ? `gc — Python ${rec.version}` : 'gc');
    setText(
      this.hint,
      rec === null
        ? 'Run the program to see the collector.'
        : step !== null && step.event === -1
          ? 'The interpreter has shut down: step back to act on the collector.'
          : 'Buttons act on the paused program: it is replayed to this step and the action applied before the highlighted line.',
    );
    if (rec === null || step === null) {
      this.counts.replaceChildren();
      this.countCells = [];
      this.log.replaceChildren();
      this.logKey = '';
      return;
    }
    const gc = step.gc;
    this.enabled.checked = gc.enabled;
    if (this.countCells.length === 0) {
      for (let g = 0; g < 3; g++) {
        const cells = [h('td', { 'data-testid': `count-${g}` }), h('td'), h('td')];
        this.countCells.push(cells);
        this.counts.append(h('tr', { class: `gen-row gen-${g}` }, h('td', {}, h('span', { class: `swatch gen-${g}` }), String(g)), ...cells));
      }
    }
    for (let g = 0; g < 3; g++) {
      const [c, t, n] = this.countCells[g]!;
      setText(c!, String(gc.counts[g]));
      setText(t!, String(gc.thresholds[g]));
      setText(n!, String(gc.sizes[g]));
    }
    for (let i = 0; i < 3; i++) {
      const inp = this.thresholdInputs[i]!;
      if (document.activeElement !== inp) inp.value = String(gc.thresholds[i]);
    }
    const key = rec.debugFlags.map(([n, v]) => `${n}=${v}`).join(',');
    if (key !== this.flagsKey) {
      this.flagsKey = key;
      this.flagInputs = [];
      this.flagsBox.replaceChildren();
      for (const [name, value] of rec.debugFlags) {
        const input = h('input', { type: 'checkbox', 'data-flag': name });
        input.addEventListener('change', () => {
          const flags = input.checked ? this.currentDebug | value : this.currentDebug & ~value;
          this.actions.setDebug(flags);
        });
        this.flagInputs.push({ input, value });
        this.flagsBox.append(h('label', { class: 'flag' }, input, ` ${name}`));
      }
    }
    this.currentDebug = gc.debug;
    for (const { input, value } of this.flagInputs) {
      input.checked = value !== 0 && (gc.debug & value) === value;
      input.disabled = !canAct;
    }
    setText(this.garbage, `gc.garbage: ${gc.garbage} object${gc.garbage === 1 ? '' : 's'} · tracked objects: ${step.tracked} · live objects: ${step.live}`);
    const from = prev !== null && prev.collections <= step.collections ? prev.collections : step.collections;
    const logKey = `${rec.collections.length}|${step.collections}|${from}|${rec.version}|${rec.steps.length}`;
    if (logKey === this.logKey && this.logRec === rec) return;
    this.logKey = logKey;
    this.logRec = rec;
    const rows: HTMLTableRowElement[] = [];
    for (let i = step.collections - 1; i >= 0 && rows.length < 200; i--) {
      const c = rec.collections[i]!;
      rows.push(
        h(
          'tr',
          { class: i >= from ? 'fresh' : '' },
          h('td', {}, String(c.generation)),
          h('td', {}, String(c.collected)),
          h('td', {}, String(c.uncollectable)),
          h('td', {}, (c.elapsed * 1000).toFixed(3)),
          h('td', {}, c.line > 0 ? String(c.line) : 'exit'),
          h('td', {}, c.cause === 'you' ? 'you' : c.cause === 'auto' ? 'auto' : 'code'),
        ),
      );
    }
    if (rows.length === 0) rows.push(h('tr', {}, h('td', { colspan: 6, class: 'empty' }, 'no collection yet')));
    this.log.replaceChildren(...rows);
  }
}

// ---- inspector ------------------------------------------------------------------------------

export interface InspectorActions {
  select(ref: number): void;
  focus(ref: number): void;
  mark(): void;
  askObjgraph(): void;
}

function hexId(ref: number): string {
  return ref > 0 ? `0x${(0x7f0000000000 + ref * 16).toString(16)}` : '(not a heap object)';
}

function genText(gen: number): string {
  return gen === -1 ? 'not tracked' : gen === -2 ? 'being collected' : gen === 3 ? 'permanent' : `generation ${gen}`;
}

export class Inspector {
  readonly el: HTMLElement;
  private readonly details: HTMLElement;
  private readonly og: HTMLElement;
  private readonly ogStatus: HTMLElement;
  private readonly markInfo: HTMLElement;
  readonly chainGraph: HTMLElement;
  readonly backrefsGraph: HTMLElement;
  private shownFor: StepRec | 'none' | null = null;
  private shownRef: number | null = null;
  private shownRec: Recording | null = null;

  constructor(private readonly actions: InspectorActions) {
    this.details = h('div', { class: 'details' }, h('p', { class: 'hint' }, 'Click an object in the graph to inspect it.'));
    this.ogStatus = h('p', { class: 'og-status', 'data-testid': 'og-status' });
    this.markInfo = h('span', { class: 'mark-info' }, 'no mark');
    const markBtn = h('button', { type: 'button', class: 'small', 'data-testid': 'mark' }, 'mark now');
    markBtn.addEventListener('click', () => this.actions.mark());
    const askBtn = h('button', { type: 'button', class: 'small', 'data-testid': 'ask-objgraph' }, 'refresh');
    askBtn.addEventListener('click', () => this.actions.askObjgraph());
    this.chainGraph = h('div', { class: 'dot-box', 'data-testid': 'chain-graph' });
    this.backrefsGraph = h('div', { class: 'dot-box', 'data-testid': 'backrefs-graph' });
    this.og = h('div', { class: 'og-results' });
    this.el = h(
      'section',
      { class: 'inspector', 'aria-label': 'Selected object' },
      h('h2', {}, 'object'),
      this.details,
      h('h2', {}, 'objgraph'),
      h('div', { class: 'row' }, h('span', { class: 'hint' }, 'growth since: '), this.markInfo, markBtn, askBtn),
      this.ogStatus,
      this.og,
    );
  }

  setMark(text: string): void {
    setText(this.markInfo, text);
  }

  /** Snapshot-level details of the selected object (instant, no replay). */
  showSelection(rec: Recording | null, step: StepRec | null, ref: number | null): void {
    if (rec === null || step === null || ref === null) {
      if (this.shownFor !== 'none') setChildren(this.details, h('p', { class: 'hint' }, 'Click an object in the graph to inspect it.'));
      this.shownFor = 'none';
      return;
    }
    // Rebuild only when the object, the step or the recording changed.
    if (this.shownFor === step && this.shownRef === ref && this.shownRec === rec) return;
    this.shownFor = step;
    this.shownRef = ref;
    this.shownRec = rec;
    let node = null;
    for (const id of step.nodes) {
      const n = rec.nodes[id]!;
      if (n.ref === ref) {
        node = n;
        break;
      }
    }
    if (node === null) {
      setChildren(this.details, h('p', { class: 'hint' }, `The selected object (${hexId(ref)}) does not exist at this step.`));
      return;
    }
    const outs: HTMLElement[] = [];
    const ins: HTMLElement[] = [];
    const labelOf = new Map<number, string>();
    for (const id of step.nodes) {
      const n = rec.nodes[id]!;
      labelOf.set(n.ref, `${n.type} ${n.label}`);
    }
    const link = (r: number) => {
      const b = h('button', { type: 'button', class: 'link' }, labelOf.get(r) ?? hexId(r));
      b.addEventListener('click', () => this.actions.select(r));
      return b;
    };
    for (const id of step.edges) {
      const e = rec.edges[id]!;
      const kind = e.kind === EK.WEAK ? ' (weak)' : e.kind === EK.TYPE ? ' (class)' : '';
      if (e.from === ref && outs.length < 60) outs.push(h('li', {}, h('code', {}, e.label || '·'), kind, ' → ', link(e.to)));
      if (e.to === ref && ins.length < 60) ins.push(h('li', {}, link(e.from), ' ', h('code', {}, e.label || '·'), kind));
    }
    const f = node.flags;
    const facts: string[] = [];
    if (f & NF.ROOT) facts.push('root');
    if (f & NF.UNREACHABLE) facts.push(f & NF.UNCOLLECTABLE ? 'unreachable and uncollectable (a cycle with __del__)' : 'unreachable: the next full collection frees it');
    if (f & NF.IN_GARBAGE) facts.push('held by gc.garbage');
    if (f & NF.HAS_DEL) facts.push('its class defines __del__');
    if (f & NF.FINALIZED) facts.push('__del__ already ran (PEP 442)');
    if (f & NF.WEAKLY_REFERENCED) facts.push('weakly referenced');
    if (f & NF.IMMORTAL) facts.push('immortal');
    const focusBtn = h('button', { type: 'button', class: 'small', 'data-testid': 'focus' }, 'focus neighbourhood');
    focusBtn.addEventListener('click', () => this.actions.focus(ref));
    setChildren(
      this.details,
      h(
        'dl',
        { class: 'facts', 'data-testid': 'selection' },
        h('dt', {}, 'type'),
        h('dd', { 'data-testid': 'sel-type' }, node.type),
        h('dt', {}, 'id'),
        h('dd', {}, hexId(ref)),
        h('dt', {}, 'value'),
        h('dd', {}, node.label),
        h('dt', {}, 'refcount'),
        h('dd', { 'data-testid': 'sel-rc' }, f & NF.IMMORTAL ? 'immortal' : node.rc < 0 ? '—' : String(node.rc)),
        h('dt', {}, 'collector'),
        h('dd', {}, genText(node.gen)),
        facts.length > 0 ? h('dt', {}, 'notes') : null,
        facts.length > 0 ? h('dd', {}, facts.join('; ')) : null,
      ),
      focusBtn,
      h('h3', {}, `refers to (${outs.length})`),
      h('ul', { class: 'refs' }, ...outs),
      h('h3', {}, `referred to by, among drawn objects (${ins.length})`),
      h('ul', { class: 'refs' }, ...ins),
    );
  }

  status(text: string): void {
    setText(this.ogStatus, text);
  }

  clearResults(): void {
    this.og.replaceChildren();
  }

  /** objgraph's answers; the DOT graphs are filled in by the caller (rendered asynchronously). */
  showResult(r: QueryResult, onSelect: (ref: number) => void): void {
    const parts: HTMLElement[] = [];
    if (r.error !== undefined) parts.push(h('p', { class: 'error' }, r.error));
    parts.push(h('p', {}, h('strong', {}, 'repr: '), h('code', { class: 'repr' }, r.repr)));
    const chainList = h('ol', { class: 'chain', 'data-testid': 'chain' });
    if (r.chain.length <= 1) {
      chainList.append(h('li', {}, 'No chain from a module: nothing in sys.modules reaches this object (a cycle, a frame-local, or garbage).'));
    } else {
      for (const link of r.chain) {
        const b = h('button', { type: 'button', class: 'link' }, `${link.type} ${link.label}`);
        b.addEventListener('click', () => onSelect(link.ref));
        chainList.append(h('li', {}, b, link.edge !== '' ? h('span', { class: 'via' }, ` —${link.edge}→`) : null));
      }
    }
    parts.push(h('h3', {}, 'why is this alive? find_backref_chain(obj, is_proper_module)'), chainList, this.chainGraph);
    parts.push(h('h3', {}, 'show_backrefs(obj)'), this.backrefsGraph);
    if (r.growth !== null) {
      const rows = r.growth.map(([n, c, d]) => h('tr', {}, h('td', {}, n), h('td', {}, String(c)), h('td', {}, `+${d}`)));
      parts.push(
        h('h3', {}, 'growth() since the mark'),
        rows.length > 0
          ? h('table', { class: 'small-table', 'data-testid': 'growth' }, h('tbody', {}, ...rows))
          : h('p', { class: 'hint', 'data-testid': 'growth' }, 'Nothing grew since the mark.'),
      );
    }
    parts.push(
      h('h3', {}, 'most_common_types()'),
      h('table', { class: 'small-table', 'data-testid': 'most-common' }, h('tbody', {}, ...r.mostCommon.map(([n, c]) => h('tr', {}, h('td', {}, n), h('td', {}, String(c)))))),
    );
    if (r.referrers.length > 0) {
      const ul = h('ul', { class: 'refs' });
      for (const x of r.referrers) {
        const b = h('button', { type: 'button', class: 'link' }, `${x.type} ${x.label}`);
        b.addEventListener('click', () => onSelect(x.ref));
        ul.append(h('li', {}, b));
      }
      parts.push(h('h3', {}, 'gc.get_referrers(obj)'), ul);
    }
    if (r.output !== '') parts.push(h('h3', {}, 'output while answering'), h('pre', { class: 'console small' }, r.output));
    this.og.replaceChildren(...parts);
  }
}

// ---- files ----------------------------------------------------------------------------------

/** Files the program has written by the current step; DOT files are drawn with Graphviz. */
export class FilesPanel {
  readonly el: HTMLElement;
  private readonly list: HTMLElement;
  private key = '';

  constructor(private readonly render: (dot: string, box: HTMLElement) => void) {
    this.list = h('div', { class: 'files' });
    this.el = h(
      'section',
      { class: 'files-panel', 'aria-label': 'Files written by the program' },
      h('h2', {}, 'files'),
      h('p', { class: 'hint' }, "What the program wrote: objgraph's show_refs/show_backrefs/show_chain(filename='x.dot'), open(..., 'w')."),
      this.list,
    );
  }

  /** Number of files present at this step. */
  show(rec: Recording | null, index: number): number {
    const files = rec === null ? [] : rec.files.filter((f) => f.step <= index);
    const key = files.map((f) => `${f.path}:${f.step}:${f.size}`).join('|') + (rec?.version ?? '');
    if (key === this.key) return files.length;
    this.key = key;
    if (files.length === 0) {
      setChildren(this.list, h('p', { class: 'hint' }, 'No files written yet.'));
      return 0;
    }
    const items: HTMLElement[] = [];
    for (const f of files) {
      const box = h('div', { class: 'dot-box' });
      const head = h('h3', {}, f.path, h('span', { class: 'hint' }, ` · ${f.size} bytes · step ${f.step + 1}`));
      if (f.text !== null && /\.(dot|gv)$/i.test(f.path)) {
        this.render(f.text, box);
        const src = h('details', {}, h('summary', {}, 'DOT source'), h('pre', { class: 'console small' }, f.text));
        items.push(h('div', { class: 'file', 'data-testid': 'file' }, head, box, src));
      } else if (f.text !== null) {
        items.push(h('div', { class: 'file', 'data-testid': 'file' }, head, h('pre', { class: 'console small' }, f.text)));
      } else {
        items.push(h('div', { class: 'file', 'data-testid': 'file' }, head, h('p', { class: 'hint' }, 'binary file (not shown)')));
      }
    }
    this.list.replaceChildren(...items);
    return files.length;
  }
}
