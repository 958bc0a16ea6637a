/**
 * The playground page: wires the editor, the engines (one worker per Python version), the heap
 * graphs, the gc panel, the inspector and the share link together.
 */
import './styles.css';
import { Engine } from './engine/client.js';
import { decodeShare, encodeShare, hasSharedProgram, type Profile } from './engine/share.js';
import type { Intervention, QueryResult, Recording, StepRec, Version } from './engine/types.js';
import { EXAMPLES, exampleById } from './examples.js';
import { h, setChildren, setText } from './ui/dom.js';
import { renderDotToSvg } from './ui/dot.js';
import { Editor, type LineMark } from './ui/editor.js';
import { type ViewOptions, buildView } from './ui/graphmodel.js';
import { layoutGraph } from './ui/layout.js';
import { GraphView } from './ui/graphview.js';
import { ConsoleView, FilesPanel, GcPanel, Inspector } from './ui/panels.js';

interface Pane {
  version: Version;
  engine: Engine;
  rec: Recording | null;
  index: number;
  interventions: Intervention[];
  graph: GraphView;
  console: ConsoleView;
  el: HTMLElement;
  status: HTMLElement;
  notice: HTMLElement;
  busy: boolean;
  /** Recordings requested and not yet answered; the newest request's number. */
  pending: number;
  token: number;
  /** Source the recording was made from. */
  recordedSource: string | null;
  markStep: number | 'final' | null;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type InterventionOp = DistributiveOmit<Intervention, 'event'>;

const engines: Record<Version, Engine> = { '2.7': new Engine(), '3.12': new Engine() };

const $ = <T extends HTMLElement>(sel: string): T => document.querySelector(sel) as T;

class App {
  mode: Profile = '3.12';
  exampleId: string | null = EXAMPLES[0]!.id;
  panes: Pane[] = [];
  active = 0;
  selected: number | null = null;
  view: ViewOptions = { collapse: true, typeEdges: false, types: new Set(), focus: null };
  editor: Editor;
  gcPanel: GcPanel;
  inspector: Inspector;
  showTab: (which: 'gc' | 'object' | 'files') => void = () => {};
  filesPanel: FilesPanel;
  tabFiles: HTMLButtonElement;
  private queryToken = 0;
  private queryTimer: ReturnType<typeof setTimeout> | null = null;
  private lastQuery: string | null = null;

  readonly panesEl = $('#panes');
  readonly banner = $('#banner');
  readonly intro = $('#intro');
  readonly stepInfo = $('#step-info');
  readonly slider = $<HTMLInputElement>('#timeline');
  readonly exampleSelect = $<HTMLSelectElement>('#example');

  constructor() {
    this.editor = new Editor($('#editor'), EXAMPLES[0]!.source);
    this.editor.onChange(() => this.sourceChanged());
    this.gcPanel = new GcPanel({
      collect: (g) => void this.intervene({ op: 'collect', generation: g }),
      setEnabled: (on) => void this.intervene(on ? { op: 'enable' } : { op: 'disable' }),
      setDebug: (flags) => void this.intervene({ op: 'setDebug', flags }),
      setThreshold: (t) => void this.intervene({ op: 'setThreshold', thresholds: t }),
    });
    this.inspector = new Inspector({
      select: (ref) => this.select(ref, true),
      focus: (ref) => this.setFocus(ref),
      mark: () => this.mark(),
      askObjgraph: () => {
        this.lastQuery = null;
        void this.askObjgraph();
      },
    });
    this.filesPanel = new FilesPanel((dot, box) => void this.drawDot(dot, box, 'Empty graph.', null));
    const tabGc = h('button', { type: 'button', role: 'tab', 'aria-selected': 'true', 'data-testid': 'tab-gc' }, 'gc');
    const tabObj = h('button', { type: 'button', role: 'tab', 'aria-selected': 'false', 'data-testid': 'tab-object' }, 'object · objgraph');
    this.tabFiles = h('button', { type: 'button', role: 'tab', 'aria-selected': 'false', 'data-testid': 'tab-files', hidden: true }, 'files');
    const tabFiles = this.tabFiles;
    this.showTab = (which) => {
      tabGc.setAttribute('aria-selected', String(which === 'gc'));
      tabObj.setAttribute('aria-selected', String(which === 'object'));
      tabFiles.setAttribute('aria-selected', String(which === 'files'));
      this.gcPanel.el.hidden = which !== 'gc';
      this.inspector.el.hidden = which !== 'object';
      this.filesPanel.el.hidden = which !== 'files';
    };
    tabGc.addEventListener('click', () => this.showTab('gc'));
    tabObj.addEventListener('click', () => this.showTab('object'));
    tabFiles.addEventListener('click', () => this.showTab('files'));
    $('#side').append(h('div', { class: 'tabs', role: 'tablist' }, tabGc, tabObj, tabFiles), this.gcPanel.el, this.inspector.el, this.filesPanel.el);
    this.showTab('gc');
    for (const ex of EXAMPLES) this.exampleSelect.append(h('option', { value: ex.id }, ex.title));
    this.exampleSelect.append(h('option', { value: '' }, '(your program)'));
    this.exampleSelect.addEventListener('change', () => {
      const ex = exampleById(this.exampleSelect.value);
      if (ex !== undefined) this.loadExample(ex.id);
    });
    for (const input of document.querySelectorAll<HTMLInputElement>('input[name=profile]')) {
      input.addEventListener('change', () => {
        if (input.checked) this.setMode(input.value as Profile, true);
      });
    }
    $('#run').addEventListener('click', () => void this.run());
    $('#step').addEventListener('click', () => void this.step(1));
    $('#back').addEventListener('click', () => void this.step(-1));
    $('#reset').addEventListener('click', () => void this.reset());
    $('#share').addEventListener('click', () => void this.share());
    this.slider.addEventListener('input', () => this.goto(Number(this.slider.value)));
    // View options.
    const collapse = $<HTMLInputElement>('#opt-collapse');
    collapse.addEventListener('change', () => {
      this.view = { ...this.view, collapse: collapse.checked };
      this.render();
    });
    const typeEdges = $<HTMLInputElement>('#opt-typeedges');
    typeEdges.addEventListener('change', () => {
      this.view = { ...this.view, typeEdges: typeEdges.checked };
      this.render();
    });
    const typeFilter = $<HTMLInputElement>('#opt-types');
    typeFilter.addEventListener('input', () => {
      const names = typeFilter.value
        .split(/[,\s]+/)
        .map((x) => x.trim())
        .filter((x) => x !== '');
      this.view = { ...this.view, types: new Set(names) };
      this.render();
    });
    $('#opt-unfocus').addEventListener('click', () => {
      this.view = { ...this.view, focus: null };
      this.render();
    });
    $('#opt-focus').addEventListener('click', () => {
      if (this.selected !== null) this.setFocus(this.selected);
    });
    $<HTMLSelectElement>('#opt-depth').addEventListener('change', () => {
      if (this.view.focus !== null) this.setFocus(this.view.focus.ref);
    });
    $('#zoom-in').addEventListener('click', () => {
      for (const p of this.panes) p.graph.zoom(1.25);
    });
    $('#zoom-out').addEventListener('click', () => {
      for (const p of this.panes) p.graph.zoom(0.8);
    });
    $('#zoom-fit').addEventListener('click', () => {
      for (const p of this.panes) p.graph.fit();
    });
    document.addEventListener('keydown', (ev) => {
      const inEditor = (ev.target as Element).closest('.cm-editor') !== null;
      if ((ev.ctrlKey || ev.metaKey) && ev.key === 'Enter') {
        ev.preventDefault();
        void this.run();
      } else if (ev.key === 'F10') {
        ev.preventDefault();
        void this.step(ev.shiftKey ? -1 : 1);
      } else if (!inEditor && (ev.target as Element).tagName !== 'INPUT' && (ev.key === 'ArrowRight' || ev.key === 'ArrowLeft') && this.panes[0]?.rec) {
        ev.preventDefault();
        void this.step(ev.key === 'ArrowRight' ? 1 : -1);
      }
    });
    window.addEventListener('hashchange', () => void this.loadFromHash());
    this.setMode('3.12', false);
  }

  // ---- program and mode --------------------------------------------------------------------

  loadExample(id: string): void {
    const ex = exampleById(id)!;
    this.exampleId = id;
    this.exampleSelect.value = id;
    this.editor.text = ex.source;
    this.exampleId = id;
    this.exampleSelect.value = id;
    this.showIntro();
    void this.start();
  }

  private showIntro(): void {
    const ex = this.exampleId !== null ? exampleById(this.exampleId) : undefined;
    setText(this.intro, ex?.intro ?? 'Your own program. Run it, then step through it line by line.');
  }

  private sourceChanged(): void {
    if (this.exampleId !== null && this.editor.text !== exampleById(this.exampleId)?.source) {
      this.exampleId = null;
      this.exampleSelect.value = '';
      this.showIntro();
    }
    for (const p of this.panes) p.interventions = [];
    this.renderControls();
  }

  setMode(mode: Profile, rerun: boolean): void {
    this.mode = mode;
    for (const input of document.querySelectorAll<HTMLInputElement>('input[name=profile]')) input.checked = input.value === mode;
    const versions: Version[] = mode === 'both' ? ['2.7', '3.12'] : [mode];
    const old = this.panes;
    this.panes = versions.map((v) => old.find((p) => p.version === v) ?? this.makePane(v));
    this.panesEl.replaceChildren(...this.panes.map((p) => p.el));
    this.panesEl.classList.toggle('two', this.panes.length === 2);
    this.active = 0;
    this.selected = null;
    this.inspector.clearResults();
    document.body.dataset.mode = mode;
    this.render();
    // The panes changed width: fit each graph again once they are laid out.
    requestAnimationFrame(() => {
      for (const p of this.panes) p.graph.fit(false);
    });
    if (rerun) void this.start();
  }

  private makePane(version: Version): Pane {
    const graphBox = h('div', { class: 'graph', 'data-testid': `graph-${version}` });
    const status = h('div', { class: 'pane-status', 'data-testid': `status-${version}` });
    const notice = h('div', { class: 'pane-notice', role: 'status' });
    const consoleView = new ConsoleView();
    const el = h(
      'section',
      { class: 'pane', 'data-version': version, 'aria-label': `Python ${version}` },
      h('header', { class: 'pane-head' }, h('span', { class: 'pane-title' }, `Python ${version}`), status),
      notice,
      graphBox,
      h('div', { class: 'console-head' }, 'console (stdout, stderr)'),
      consoleView.el,
    );
    el.dataset.testid = `pane-${version}`;
    const pane: Pane = {
      version,
      engine: engines[version],
      rec: null,
      index: 0,
      interventions: [],
      graph: null as unknown as GraphView,
      console: consoleView,
      el,
      status,
      notice,
      busy: false,
      pending: 0,
      token: 0,
      recordedSource: null,
      markStep: null,
    };
    pane.graph = new GraphView(graphBox, {
      onSelect: (ref) => {
        this.active = this.panes.indexOf(pane);
        this.select(ref, false);
      },
      onFocus: (ref) => {
        this.active = this.panes.indexOf(pane);
        this.select(ref, false);
        this.setFocus(ref);
      },
    });
    el.addEventListener('pointerdown', () => {
      const i = this.panes.indexOf(pane);
      if (i >= 0 && i !== this.active) {
        this.active = i;
        this.renderSide();
      }
    });
    pane.engine.warm();
    return pane;
  }

  // ---- running -----------------------------------------------------------------------------

  private stale(p: Pane): boolean {
    return p.rec === null || p.recordedSource !== this.editor.text;
  }

  /** Record every pane whose recording is missing or stale; returns false on failure. */
  private async ensureRecorded(): Promise<boolean> {
    const todo = this.panes.filter((p) => this.stale(p));
    if (todo.length === 0) return true;
    await Promise.all(todo.map((p) => this.record(p, 0)));
    return this.panes.every((p) => p.rec !== null);
  }

  private async record(p: Pane, goto: number | 'end' | ((rec: Recording) => number)): Promise<void> {
    const source = this.editor.text;
    // Only the newest request for a pane may land (an older one can finish later).
    const token = ++p.token;
    p.pending++;
    p.busy = true;
    this.renderControls();
    setText(p.status, 'running…');
    try {
      const rec = await p.engine.run({ version: p.version, source, interventions: p.interventions });
      if (token !== p.token) return;
      p.rec = rec;
      p.recordedSource = source;
      p.graph.clear();
      const last = rec.steps.length - 1;
      p.index = goto === 'end' ? last : typeof goto === 'function' ? goto(rec) : Math.min(goto, last);
      if (p.markStep !== null && p.markStep !== 'final' && p.markStep > last) p.markStep = null;
      this.render();
      requestAnimationFrame(() => p.graph.fit(false));
    } catch (e) {
      if (token !== p.token) return;
      p.rec = null;
      p.recordedSource = null;
      p.console.message(e instanceof Error ? e.message : String(e), 'c-err');
      setText(p.status, 'stopped');
      setText(p.notice, e instanceof Error ? e.message : String(e));
      p.graph.clear();
    } finally {
      p.pending--;
      p.busy = p.pending > 0;
      this.renderControls();
      this.renderSide();
    }
  }

  /** Record from scratch and show the first step. */
  async start(): Promise<void> {
    for (const p of this.panes) {
      p.interventions = [];
      p.markStep = null;
      p.rec = null;
    }
    this.selected = null;
    this.view = { ...this.view, focus: null };
    this.inspector.clearResults();
    await this.ensureRecorded();
  }

  async run(): Promise<void> {
    if (!(await this.ensureRecorded())) return;
    for (const p of this.panes) p.index = endOfProgram(p.rec!);
    this.render();
  }

  async step(delta: number): Promise<void> {
    const wasStale = this.panes.some((p) => this.stale(p));
    if (!(await this.ensureRecorded())) return;
    if (wasStale) {
      this.render();
      return;
    }
    for (const p of this.panes) p.index = Math.max(0, Math.min(p.rec!.steps.length - 1, p.index + delta));
    this.render();
  }

  goto(index: number): void {
    for (const p of this.panes) if (p.rec !== null) p.index = Math.max(0, Math.min(p.rec.steps.length - 1, index));
    this.render();
  }

  async reset(): Promise<void> {
    const hadInterventions = this.panes.some((p) => p.interventions.length > 0);
    if (hadInterventions || this.panes.some((p) => this.stale(p))) {
      await this.start();
      return;
    }
    for (const p of this.panes) p.index = 0;
    this.render();
  }

  /** Apply a gc action at the active pane's current step (replaying the program). */
  async intervene(op: InterventionOp): Promise<void> {
    const p = this.panes[this.active];
    if (p === undefined || p.rec === null || p.busy) return;
    if (this.stale(p)) {
      await this.ensureRecorded();
      return;
    }
    const step = p.rec.steps[p.index];
    if (step === undefined || step.event === -1) return;
    const event = step.event;
    // Interventions already applied at this event before the current step stay; later ones go.
    let before = 0;
    for (let j = 0; j <= p.index; j++) {
      const s = p.rec.steps[j]!;
      if (s.event === event && s.note !== undefined && s.note.startsWith('after ')) before++;
    }
    const kept: Intervention[] = [];
    let atEvent = 0;
    for (const iv of p.interventions) {
      if (iv.event < event) kept.push(iv);
      else if (iv.event === event && atEvent < before) {
        kept.push(iv);
        atEvent++;
      }
    }
    kept.push({ ...op, event } as Intervention);
    p.interventions = kept;
    const nth = before + 1;
    await this.record(p, (rec) => {
      let count = 0;
      for (let j = 0; j < rec.steps.length; j++) {
        const s = rec.steps[j]!;
        if (s.event === event && s.note !== undefined && s.note.startsWith('after ')) {
          count++;
          if (count === nth) return j;
        }
      }
      return Math.min(p.index, rec.steps.length - 1);
    });
  }

  // ---- selection, focus, objgraph ----------------------------------------------------------

  select(ref: number | null, reveal: boolean): void {
    this.selected = ref;
    if (ref !== null) this.showTab('object');
    this.lastQuery = null;
    this.render();
    if (reveal && ref !== null) this.panes[this.active]?.graph.reveal(ref);
    this.scheduleQuery(0);
  }

  setFocus(ref: number): void {
    const depth = Number($<HTMLSelectElement>('#opt-depth').value) || 2;
    this.view = { ...this.view, focus: { ref, depth } };
    this.render();
    this.panes[this.active]?.graph.fit(false);
  }

  mark(): void {
    const p = this.panes[this.active];
    if (p?.rec == null) return;
    p.markStep = p.index === p.rec.steps.length - 1 ? 'final' : p.index;
    this.lastQuery = null;
    this.renderSide();
    this.scheduleQuery(0);
  }

  private scheduleQuery(delay: number): void {
    if (this.queryTimer !== null) clearTimeout(this.queryTimer);
    this.queryTimer = setTimeout(() => void this.askObjgraph(), delay);
  }

  async askObjgraph(): Promise<void> {
    const p = this.panes[this.active];
    const ref = this.selected;
    if (p?.rec == null || ref === null || ref <= 0 || this.stale(p)) {
      if (ref !== null && ref <= 0) this.inspector.status('Frames that are not heap objects have no objgraph view.');
      else this.inspector.status('');
      if (ref === null) this.inspector.clearResults();
      return;
    }
    const last = p.rec.steps.length - 1;
    const step: number | 'final' = p.index === last ? 'final' : p.index;
    const key = `${p.version}|${p.recordedSource?.length}|${JSON.stringify(p.interventions)}|${step}|${ref}|${p.markStep}`;
    if (key === this.lastQuery) return;
    this.lastQuery = key;
    const token = ++this.queryToken;
    this.inspector.status(`asking objgraph (replaying to step ${p.index + 1})…`);
    let result: QueryResult;
    const t0 = performance.now();
    try {
      result = await p.engine.query({
        version: p.version,
        source: p.recordedSource!,
        interventions: p.interventions,
        step,
        ref,
        markStep: p.markStep !== null && (p.markStep === 'final' ? step === 'final' : step === 'final' || p.markStep <= step) ? p.markStep : null,
      });
    } catch (e) {
      if (token === this.queryToken) this.inspector.status(`objgraph failed: ${e instanceof Error ? e.message : String(e)}`);
      this.lastQuery = null;
      return;
    }
    if (token !== this.queryToken) return;
    const ms = performance.now() - t0;
    this.inspector.status(`objgraph at step ${p.index + 1} (replay and queries: ${ms.toFixed(0)} ms)`);
    this.inspector.showResult(result, (r) => this.select(r, true));
    await this.drawDot(result.chainDot, this.inspector.chainGraph, 'No chain to draw.', token);
    await this.drawDot(result.backrefsDot, this.inspector.backrefsGraph, 'No back-references graph.', token);
  }

  /** Render DOT with Graphviz (wasm, loaded on first use) into a box. */
  async drawDot(dot: string, box: HTMLElement, empty: string, token: number | null): Promise<void> {
    if (dot === '') {
      setChildren(box, h('p', { class: 'hint' }, empty));
      return;
    }
    setChildren(box, h('p', { class: 'hint' }, 'rendering with Graphviz…'));
    try {
      const svg = await renderDotToSvg(dot);
      if (token === null || token === this.queryToken) setChildren(box, svg);
    } catch (e) {
      setChildren(box, h('p', { class: 'error' }, `Graphviz: ${e instanceof Error ? e.message : String(e)}`));
    }
  }

  // ---- rendering ---------------------------------------------------------------------------

  render(): void {
    const marks: LineMark[] = [];
    for (let i = 0; i < this.panes.length; i++) {
      const p = this.panes[i]!;
      this.renderPane(p, i === this.active ? this.selected : null, i === this.active);
      const step = p.rec?.steps[p.index];
      if (step !== undefined && step.line > 0 && !this.stale(p)) marks.push({ line: step.line, which: i === 0 ? 'a' : 'b' });
    }
    this.editor.mark(marks);
    this.renderControls();
    this.renderSide();
  }

  private renderPane(p: Pane, selected: number | null, _active: boolean): void {
    if (p.rec === null) {
      setText(p.status, p.busy ? 'running…' : 'not run yet');
      return;
    }
    const rec = p.rec;
    const step = rec.steps[p.index];
    if (step === undefined) {
      // Nothing recorded (the interpreter failed before the first line): show what it said.
      p.graph.clear();
      setText(p.status, `no steps recorded (exit code ${rec.exitCode})`);
      setText(p.notice, rec.notices.join(' '));
      p.notice.hidden = rec.notices.length === 0;
      p.console.show(rec, rec.console.length, []);
      return;
    }
    const t0 = performance.now();
    const view = buildView(rec, p.index, this.view);
    p.graph.update(view, selected);
    const ms = performance.now() - t0;
    p.el.dataset.updateMs = ms.toFixed(2);
    p.el.dataset.nodes = String(view.nodes.length);
    p.el.dataset.step = String(p.index);
    const where = step.event < 0 ? (step.note ?? 'finished') : `line ${step.line}${step.stack.length > 1 ? ` in ${step.stack[step.stack.length - 1]!.name}()` : ''}`;
    setText(
      p.status,
      `step ${p.index + 1}/${rec.steps.length} · ${where} · ${view.nodes.length} objects drawn${view.hidden > 0 ? ` (${view.hidden} hidden)` : ''} · view ${ms.toFixed(1)} ms`,
    );
    const notices = [...rec.notices];
    if (step.omitted > 0) notices.push(`Only the first ${step.nodes.length.toLocaleString('en-US')} objects are drawn; ${step.omitted.toLocaleString('en-US')}${step.omitted >= 2000 ? '+' : ''} more are reachable. Use the type filter or focus.`);
    if (step.note !== undefined) notices.unshift(step.note);
    if (p.interventions.length > 0) notices.push(`Your actions: ${p.interventions.length} (replayed at their steps). Reset clears them.`);
    setText(p.notice, notices.join(' '));
    p.notice.hidden = notices.length === 0;
    p.console.show(rec, step.out, rec.notices);
    p.el.classList.toggle('active', this.panes.length > 1 && this.panes[this.active] === p);
  }

  private renderControls(): void {
    const busy = this.panes.some((p) => p.busy);
    const p = this.panes[0];
    const rec = p?.rec ?? null;
    const stale = this.panes.some((x) => this.stale(x));
    for (const id of ['#run', '#step', '#back', '#reset']) ($(id) as HTMLButtonElement).disabled = busy;
    ($('#back') as HTMLButtonElement).disabled = busy || rec === null || stale || this.panes.every((x) => x.index === 0);
    const max = Math.max(0, ...this.panes.map((x) => (x.rec?.steps.length ?? 1) - 1));
    this.slider.max = String(max);
    this.slider.value = String(p?.index ?? 0);
    this.slider.disabled = busy || rec === null || stale;
    if (busy) setText(this.stepInfo, 'running…');
    else if (rec === null || stale) setText(this.stepInfo, stale && rec !== null ? 'program changed — Run or Step to record it' : 'not run yet');
    else {
      const parts = this.panes.map((x) => {
        const s = x.rec!.steps[x.index];
        if (s === undefined) return `${x.version}: no steps`;
        const where = s.event === -1 ? 'after shutdown' : s.event === -2 ? 'program ended' : `line ${s.line}`;
        return `${this.panes.length > 1 ? `${x.version}: ` : ''}step ${x.index + 1}/${x.rec!.steps.length} (${where})`;
      });
      setText(this.stepInfo, parts.join(' · '));
    }
    document.body.dataset.busy = busy ? '1' : '0';
  }

  private renderSide(): void {
    const p = this.panes[this.active] ?? null;
    const rec = p !== null && !this.stale(p) ? p.rec : null;
    const step = rec !== null ? (rec.steps[p!.index] ?? null) : null;
    const prev = rec !== null && p!.index > 0 ? rec.steps[p!.index - 1]! : null;
    this.gcPanel.show(rec, step, prev, p?.busy ?? false);
    const files = this.filesPanel.show(rec, p?.index ?? 0);
    this.tabFiles.hidden = files === 0;
    if (files === 0 && !this.filesPanel.el.hidden) this.showTab('gc');
    this.inspector.showSelection(rec, step, this.selected);
    const mark = p?.markStep ?? null;
    this.inspector.setMark(mark === null ? 'no mark (mark a step to see growth)' : mark === 'final' ? 'the final state' : `step ${mark + 1}`);
  }

  // ---- sharing -----------------------------------------------------------------------------

  async share(): Promise<void> {
    const program = { profile: this.mode, source: this.editor.text, ...(this.exampleId !== null ? { example: this.exampleId } : {}) };
    const hash = await encodeShare(program);
    history.replaceState(null, '', `#${hash}`);
    const url = location.href;
    const out = $<HTMLInputElement>('#share-url');
    out.value = url;
    out.hidden = false;
    out.select();
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      copied = false;
    }
    setText($('#share-msg'), copied ? 'Link copied.' : 'Copy the link:');
  }

  showBanner(text: string | null): void {
    this.banner.hidden = text === null;
    setText(this.banner, text ?? '');
  }

  async loadFromHash(): Promise<boolean> {
    if (!hasSharedProgram(location.hash)) return false;
    const r = await decodeShare(location.hash);
    if (!r.ok) {
      this.showBanner(`${r.error} The first example is shown instead.`);
      return false;
    }
    this.showBanner(null);
    const ex = r.program.example !== undefined ? exampleById(r.program.example) : undefined;
    this.exampleId = ex !== undefined && ex.source === r.program.source ? ex.id : null;
    this.editor.text = r.program.source;
    this.exampleId = ex !== undefined && ex.source === r.program.source ? ex.id : null;
    this.exampleSelect.value = this.exampleId ?? '';
    this.showIntro();
    this.setMode(r.program.profile, false);
    await this.start();
    return true;
  }
}

/** The step where the program has ended but the interpreter has not shut down yet (or the last). */
function endOfProgram(rec: Recording): number {
  for (let i = rec.steps.length - 1; i >= 0; i--) if (rec.steps[i]!.event === -2 && rec.steps[i]!.note?.startsWith('the program ended')) return i;
  return rec.steps.length - 1;
}

async function main(): Promise<void> {
  const app = new App();
  // For tests and the curious: the app and the pure view functions.
  (window as unknown as { heaplab: App; heaplabView: unknown }).heaplab = app;
  (window as unknown as { heaplabView: unknown }).heaplabView = { buildView, layoutGraph };
  const fromLink = await app.loadFromHash().catch(() => false);
  if (!fromLink) {
    app.loadExample(EXAMPLES[0]!.id);
  }
}

void main();
