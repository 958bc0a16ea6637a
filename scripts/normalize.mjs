#!/usr/bin/env node
// Normalize interpreter output so simulated and real runs compare: object addresses and
// timings vary per run. A Node port of /work/shared/conformance/normalize.py with the same
// rules, applied in the same order:
//
//   0x<hex>                      -> 0xADDR      hex addresses in reprs
//   <Name 023B46F0>              -> <Name ADDR> 2.7 debug style (6-16 hex digits)
//   o<5+ digits> (whole word)    -> oADDR       objgraph DOT node ids
//   <digits>.<digits>s elapsed   -> Ts elapsed  DEBUG_STATS timings
//
// Python's `re` on str patterns is Unicode-aware: \w is any Unicode letter/digit or "_",
// \d is any Unicode decimal digit, \b is a boundary between \w and non-\w. The JS patterns
// below spell those classes out with Unicode property escapes so both ports agree on any input.
//
// Used as a filter (`node scripts/normalize.mjs < raw > normalized`) it produces byte for byte
// what `python3 normalize.py < raw` produces (on POSIX, Python's stdin does no newline
// translation, so none is done here either). Input that is not valid UTF-8 is processed as
// Latin-1 and written back the same way, so stray bytes pass through unchanged.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const W = "[\\p{L}\\p{N}_]"; // Python 3 `\w` (str patterns)
const D = "\\p{Nd}"; // Python 3 `\d` (str patterns)

export const RULES = [
  [/0x[0-9a-fA-F]+/gu, "0xADDR"],
  [new RegExp(`(<(?:${W}|\\.)+ )[0-9A-Fa-f]{6,16}(>)`, "gu"), "$1ADDR$2"],
  [new RegExp(`(?<!${W})o${D}{5,}(?!${W})`, "gu"), "oADDR"],
  [new RegExp(`${D}+\\.${D}+s elapsed`, "gu"), "Ts elapsed"],
];

/** Apply the normalization rules to `text` (no newline translation). */
export function normalize(text) {
  let out = String(text);
  for (const [pattern, replacement] of RULES) {
    out = out.replace(pattern, replacement);
  }
  return out;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const input = readFileSync(0);
  let encoding = "utf8";
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(input);
  } catch {
    encoding = "latin1";
  }
  process.stdout.write(Buffer.from(normalize(input.toString(encoding)), encoding));
}
