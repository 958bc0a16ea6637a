import { describe, expect, it } from 'vitest';
import { MAX_SOURCE, decodeShare, encodeShare, hasSharedProgram } from './share.js';

async function deflate(bytes: Uint8Array): Promise<string> {
  const s = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const buf = new Uint8Array(await new Response(s).arrayBuffer());
  return Buffer.from(buf).toString('base64url');
}

describe('share links', () => {
  it('round-trips a program, its profile and its example id', async () => {
    const source = "# -*- coding: utf-8 -*-\nclass OBJ(object):\n    pass\nprint('循环引用 ✓')\n";
    const hash = await encodeShare({ profile: '2.7', source, example: 'self-cycle' });
    expect(hash.startsWith('code=v1.')).toBe(true);
    expect(hasSharedProgram(`#${hash}`)).toBe(true);
    expect(await decodeShare(`#${hash}`)).toEqual({ ok: true, program: { profile: '2.7', source, example: 'self-cycle' } });
  });

  it('compresses: a long repetitive program gives a short link', async () => {
    const source = 'x = [1, 2, 3]\n'.repeat(2000);
    const hash = await encodeShare({ profile: 'both', source });
    expect(hash.length).toBeLessThan(source.length / 50);
    const r = await decodeShare(hash);
    expect(r.ok && r.program.source).toBe(source);
  });

  it('reports a missing program, an unknown format and foreign characters', async () => {
    expect(await decodeShare('#')).toEqual({ ok: false, error: 'The link has no program in it.' });
    expect((await decodeShare('#code=v9.abc')).ok).toBe(false);
    const r = await decodeShare('#code=v1.<img src=x onerror=alert(1)>');
    expect(r).toEqual({ ok: false, error: 'This link is damaged: the link contains characters that do not belong in it.' });
  });

  it('rejects truncated and corrupted payloads without throwing', async () => {
    const hash = await encodeShare({ profile: '3.12', source: 'a = []\na.append(a)\n' });
    for (const bad of [hash.slice(0, -3), hash.slice(0, 12), `${hash.slice(0, 15)}AAAA${hash.slice(19)}`, 'code=v1.', 'code=v1.A']) {
      const r = await decodeShare(bad);
      if (r.ok) {
        // Flipping bits can still inflate to text; then it must be a well-formed program object.
        expect(['2.7', '3.12', 'both']).toContain(r.program.profile);
      } else expect(r.error).toMatch(/^(This link is damaged|The link)/);
    }
  });

  it('checks the JSON shape and the profile', async () => {
    const enc = (o: unknown) => deflate(new TextEncoder().encode(JSON.stringify(o)));
    expect(await decodeShare(`code=v1.${await enc({ p: '3.11', s: 'x' })}`)).toEqual({
      ok: false,
      error: 'This link is damaged: the Python version in the link is not 2.7, 3.12 or both.',
    });
    expect((await decodeShare(`code=v1.${await enc([1, 2])}`)).ok).toBe(false);
    expect((await decodeShare(`code=v1.${await enc({ p: '2.7', s: 42 })}`)).ok).toBe(false);
    const r = await decodeShare(`code=v1.${await enc({ p: '2.7', s: 'x', e: '<script>' })}`);
    expect(r).toEqual({ ok: true, program: { profile: '2.7', source: 'x' } });
    expect((await decodeShare(`code=v1.${await deflate(new Uint8Array([0xff, 0xfe, 0x00]))}`)).ok).toBe(false);
  });

  it('refuses a decompression bomb', async () => {
    const huge = new Uint8Array(50 * 1024 * 1024).fill(0x20);
    const payload = await deflate(huge);
    expect(payload.length).toBeLessThan(200_000);
    const r = await decodeShare(`code=v1.${payload}`);
    expect(r).toEqual({ ok: false, error: 'This link is damaged: the program in the link is too large.' });
  });

  it('refuses a program over the size limit', async () => {
    const hash = await encodeShare({ profile: '3.12', source: 'x'.repeat(MAX_SOURCE + 1) });
    const r = await decodeShare(hash);
    expect(r.ok).toBe(false);
  });
});
