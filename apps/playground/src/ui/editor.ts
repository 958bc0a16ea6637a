/**
 * The program editor: CodeMirror 6 with Python highlighting and the current line(s) marked —
 * one marker per profile in side-by-side mode.
 */
import { basicSetup, EditorView } from 'codemirror';
import { python } from '@codemirror/lang-python';
import { indentUnit } from '@codemirror/language';
import { EditorState, RangeSetBuilder, StateEffect, StateField } from '@codemirror/state';
import { Decoration, type DecorationSet, keymap } from '@codemirror/view';
import { indentWithTab } from '@codemirror/commands';

export interface LineMark {
  line: number;
  /** CSS class suffix: `a` (first profile) or `b` (second). */
  which: 'a' | 'b';
  /** The line already ran (final states mark nothing). */
}

const setMarks = StateEffect.define<LineMark[]>();

const marksField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setMarks)) continue;
      const builder = new RangeSetBuilder<Decoration>();
      const byLine = new Map<number, string[]>();
      for (const m of e.value) {
        if (m.line < 1 || m.line > tr.state.doc.lines) continue;
        const list = byLine.get(m.line) ?? [];
        list.push(m.which);
        byLine.set(m.line, list);
      }
      for (const line of [...byLine.keys()].sort((x, y) => x - y)) {
        const cls = byLine.get(line)!.map((w) => `cm-current-${w}`).join(' ');
        builder.add(tr.state.doc.line(line).from, tr.state.doc.line(line).from, Decoration.line({ class: `cm-current ${cls}` }));
      }
      deco = builder.finish();
    }
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

export class Editor {
  readonly view: EditorView;
  private listeners: (() => void)[] = [];
  private lastMarks = '';

  constructor(parent: HTMLElement, doc: string) {
    this.view = new EditorView({
      parent,
      state: EditorState.create({
        doc,
        extensions: [
          basicSetup,
          python(),
          indentUnit.of('    '),
          keymap.of([indentWithTab]),
          marksField,
          EditorView.updateListener.of((u) => {
            if (u.docChanged) for (const l of this.listeners) l();
          }),
          EditorView.contentAttributes.of({ 'aria-label': 'Python program' }),
        ],
      }),
    });
  }

  get text(): string {
    return this.view.state.doc.toString();
  }

  set text(value: string) {
    this.lastMarks = '';
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: value } });
  }

  onChange(fn: () => void): void {
    this.listeners.push(fn);
  }

  /** Mark the lines about to run; scrolls the first one into view. */
  mark(marks: LineMark[]): void {
    const key = marks.map((m) => `${m.which}${m.line}`).join(',');
    if (key === this.lastMarks) return;
    this.lastMarks = key;
    const effects: StateEffect<unknown>[] = [setMarks.of(marks)];
    const first = marks.find((m) => m.line >= 1 && m.line <= this.view.state.doc.lines);
    if (first !== undefined) effects.push(EditorView.scrollIntoView(this.view.state.doc.line(first.line).from, { y: 'nearest' }));
    this.view.dispatch({ effects });
  }
}
