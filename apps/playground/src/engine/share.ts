/**
 * Shareable links: the program and the profile in the URL hash, compressed.
 *
 * Format: `#code=v1.<base64url(deflate-raw(utf-8 JSON))>` where the JSON is
 * `{"p": "2.7" | "3.12" | "both", "s": "<source>"}` (plus an optional `"e"`: example id).
 *
 * Decoding never trusts the link: the alphabet, the sizes before and after decompression
 * (a small link cannot inflate to gigabytes), the UTF-8 and the JSON shape are all checked,
 * and any failure is a readable error, never an exception.
 */

export type Profile = '2.7' | '3.12' | 'both';

export interface SharedProgram {
  profile: Profile;
  source: string;
  example?: string;
}

export type DecodeResult = { ok: true; program: SharedProgram } | { ok: false; error: string };

/** Longest program a link may carry (characters). */
export const MAX_SOURCE = 100_000;
/** Longest encoded payload accepted (characters). */
export const MAX_PAYLOAD = 200_000;
/** Largest decompressed size accepted (bytes). */
const MAX_INFLATED = 4 * MAX_SOURCE + 1024;

const PREFIX = 'v1.';

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('the link contains characters that do not belong in it');
  if (text.length % 4 === 1) throw new Error('the link is cut short');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(data: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const writing = writer.write(data as Uint8Array<ArrayBuffer>).then(() => writer.close());
  writing.catch(() => {});
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new Error('the program in the link is too large');
    }
    chunks.push(value);
  }
  await writing;
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** Encode a program for the URL hash (without the leading `#`). */
export async function encodeShare(program: SharedProgram): Promise<string> {
  const json: Record<string, string> = { p: program.profile, s: program.source };
  if (program.example !== undefined) json.e = program.example;
  const bytes = new TextEncoder().encode(JSON.stringify(json));
  const packed = await pipe(bytes, new CompressionStream('deflate-raw'), Number.POSITIVE_INFINITY);
  return `code=${PREFIX}${toBase64Url(packed)}`;
}

/** Does this hash carry a shared program? */
export function hasSharedProgram(hash: string): boolean {
  return /(?:^#?|&)code=/.test(hash);
}

/** Decode a URL hash (with or without `#`). */
export async function decodeShare(hash: string): Promise<DecodeResult> {
  try {
    const h = hash.startsWith('#') ? hash.slice(1) : hash;
    let payload: string | null = null;
    for (const part of h.split('&')) if (part.startsWith('code=')) payload = part.slice(5);
    if (payload === null) return { ok: false, error: 'The link has no program in it.' };
    if (payload.length > MAX_PAYLOAD) return { ok: false, error: 'The link is too long to be a HeapLab program.' };
    if (!payload.startsWith(PREFIX)) return { ok: false, error: 'The link was made by a different version of the playground (unknown format).' };
    const packed = fromBase64Url(payload.slice(PREFIX.length));
    let raw: Uint8Array;
    try {
      raw = await pipe(packed, new DecompressionStream('deflate-raw'), MAX_INFLATED);
    } catch (e) {
      if (e instanceof Error && /too large/.test(e.message)) throw e;
      throw new Error('the compressed program is damaged');
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      throw new Error('the program is not valid UTF-8 text');
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error('the program data is damaged');
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new Error('the program data has the wrong shape');
    const o = json as Record<string, unknown>;
    if (o.p !== '2.7' && o.p !== '3.12' && o.p !== 'both') throw new Error('the Python version in the link is not 2.7, 3.12 or both');
    if (typeof o.s !== 'string') throw new Error('the link has no program text');
    if (o.s.length > MAX_SOURCE) throw new Error('the program in the link is too large');
    const program: SharedProgram = { profile: o.p, source: o.s };
    if (typeof o.e === 'string' && /^[a-z0-9-]{1,40}$/.test(o.e)) program.example = o.e;
    return { ok: true, program };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, error: `This link is damaged: ${msg}.` };
  }
}
