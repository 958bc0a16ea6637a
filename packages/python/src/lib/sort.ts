/**
 * CPython's list sort (timsort, `Objects/listobject.c`), ported so that the *sequence of
 * comparisons* matches CPython's: a user `__lt__` that prints, or a mixed-type list that raises
 * "'<' not supported between instances of 'str' and 'int'", behaves exactly as on CPython.
 * Stable; `reverse` is done by reversing before and after, as CPython does.
 */

/** `a < b` for the sort (may throw). */
export type LessThan<T> = (a: T, b: T) => boolean;

const MIN_GALLOP = 7;

function countRun<T>(a: T[], lo: number, hi: number, lt: LessThan<T>): { n: number; descending: boolean } {
  let p = lo + 1;
  if (p === hi) return { n: 1, descending: false };
  let n = 2;
  if (lt(a[p]!, a[p - 1]!)) {
    for (p = p + 1; p < hi; ++p, ++n) {
      if (!lt(a[p]!, a[p - 1]!)) break;
    }
    return { n, descending: true };
  }
  for (p = p + 1; p < hi; ++p, ++n) {
    if (lt(a[p]!, a[p - 1]!)) break;
  }
  return { n, descending: false };
}

function reverseSlice<T>(a: T[], lo: number, hi: number): void {
  for (let i = lo, j = hi - 1; i < j; i++, j--) {
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
}

function binarySort<T>(a: T[], lo: number, hi: number, start: number, lt: LessThan<T>): void {
  if (start === lo) start++;
  for (; start < hi; ++start) {
    let l = lo;
    let r = start;
    const pivot = a[start]!;
    do {
      const p = l + ((r - l) >> 1);
      if (lt(pivot, a[p]!)) r = p;
      else l = p + 1;
    } while (l < r);
    for (let p = start; p > l; --p) a[p] = a[p - 1]!;
    a[l] = pivot;
  }
}

function mergeComputeMinrun(n: number): number {
  let r = 0;
  while (n >= 64) {
    r |= n & 1;
    n >>= 1;
  }
  return n + r;
}

/** `gallop_left`: where `key` belongs in sorted `a[base..base+n)`, leftmost among equals. */
function gallopLeft<T>(key: T, a: T[], base: number, n: number, hint: number, lt: LessThan<T>): number {
  let ofs = 1;
  let lastofs = 0;
  let k: number;
  if (lt(a[base + hint]!, key)) {
    const maxofs = n - hint;
    while (ofs < maxofs) {
      if (lt(a[base + hint + ofs]!, key)) {
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      } else break;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  } else {
    const maxofs = hint + 1;
    while (ofs < maxofs) {
      if (lt(a[base + hint - ofs]!, key)) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    k = lastofs;
    lastofs = hint - ofs;
    ofs = hint - k;
  }
  ++lastofs;
  while (lastofs < ofs) {
    const m = lastofs + ((ofs - lastofs) >> 1);
    if (lt(a[base + m]!, key)) lastofs = m + 1;
    else ofs = m;
  }
  return ofs;
}

/** `gallop_right`: rightmost position among equals. */
function gallopRight<T>(key: T, a: T[], base: number, n: number, hint: number, lt: LessThan<T>): number {
  let ofs = 1;
  let lastofs = 0;
  let k: number;
  if (lt(key, a[base + hint]!)) {
    const maxofs = hint + 1;
    while (ofs < maxofs) {
      if (lt(key, a[base + hint - ofs]!)) {
        lastofs = ofs;
        ofs = (ofs << 1) + 1;
      } else break;
    }
    if (ofs > maxofs) ofs = maxofs;
    k = lastofs;
    lastofs = hint - ofs;
    ofs = hint - k;
  } else {
    const maxofs = n - hint;
    while (ofs < maxofs) {
      if (lt(key, a[base + hint + ofs]!)) break;
      lastofs = ofs;
      ofs = (ofs << 1) + 1;
    }
    if (ofs > maxofs) ofs = maxofs;
    lastofs += hint;
    ofs += hint;
  }
  ++lastofs;
  while (lastofs < ofs) {
    const m = lastofs + ((ofs - lastofs) >> 1);
    if (lt(key, a[base + m]!)) ofs = m;
    else lastofs = m + 1;
  }
  return ofs;
}

function powerloop(s1: number, n1: number, n2: number, n: number): number {
  let result = 0;
  let a = 2 * s1 + n1;
  let b = a + n1 + n2;
  for (;;) {
    ++result;
    if (a >= n) {
      a -= n;
      b -= n;
    } else if (b >= n) break;
    a *= 2;
    b *= 2;
  }
  return result;
}

class MergeState<T> {
  minGallop = MIN_GALLOP;
  readonly pending: { base: number; len: number; power: number }[] = [];
  constructor(
    readonly a: T[],
    readonly lt: LessThan<T>,
  ) {}

  mergeLo(pa: number, na: number, pb: number, nb: number): void {
    const a = this.a;
    const lt = this.lt;
    const tmp = a.slice(pa, pa + na);
    let ta = 0;
    let dest = pa;
    a[dest++] = a[pb++]!;
    --nb;
    let minGallop = this.minGallop;
    const finish = () => {
      if (na > 0) for (let i = 0; i < na; i++) a[dest + i] = tmp[ta + i]!;
    };
    if (nb === 0) {
      finish();
      return;
    }
    if (na === 1) {
      for (let i = 0; i < nb; i++) a[dest + i] = a[pb + i]!;
      a[dest + nb] = tmp[ta]!;
      return;
    }
    try {
      outer: for (;;) {
        let acount = 0;
        let bcount = 0;
        for (;;) {
          if (lt(a[pb]!, tmp[ta]!)) {
            a[dest++] = a[pb++]!;
            ++bcount;
            acount = 0;
            --nb;
            if (nb === 0) break outer;
            if (bcount >= minGallop) break;
          } else {
            a[dest++] = tmp[ta++]!;
            ++acount;
            bcount = 0;
            --na;
            if (na === 1) break outer;
            if (acount >= minGallop) break;
          }
        }
        ++minGallop;
        do {
          minGallop -= minGallop > 1 ? 1 : 0;
          this.minGallop = minGallop;
          let k = gallopRight(a[pb]!, tmp, ta, na, 0, lt);
          acount = k;
          if (k) {
            for (let i = 0; i < k; i++) a[dest + i] = tmp[ta + i]!;
            dest += k;
            ta += k;
            na -= k;
            if (na === 1) break outer;
            if (na === 0) break outer;
          }
          a[dest++] = a[pb++]!;
          --nb;
          if (nb === 0) break outer;
          k = gallopLeft(tmp[ta]!, a, pb, nb, 0, lt);
          bcount = k;
          if (k) {
            for (let i = 0; i < k; i++) a[dest + i] = a[pb + i]!;
            dest += k;
            pb += k;
            nb -= k;
            if (nb === 0) break outer;
          }
          a[dest++] = tmp[ta++]!;
          --na;
          if (na === 1) break outer;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++minGallop;
        this.minGallop = minGallop;
      }
    } finally {
      if (na === 1 && nb > 0) {
        for (let i = 0; i < nb; i++) a[dest + i] = a[pb + i]!;
        a[dest + nb] = tmp[ta]!;
        na = 0;
      } else finish();
    }
    this.minGallop = minGallop;
  }

  mergeHi(pa: number, na: number, pb: number, nb: number): void {
    const a = this.a;
    const lt = this.lt;
    const tmp = a.slice(pb, pb + nb);
    const basea = pa;
    let dest = pb + nb - 1;
    let tb = nb - 1;
    let ia = pa + na - 1;
    a[dest--] = a[ia--]!;
    --na;
    let minGallop = this.minGallop;
    const finish = () => {
      if (nb > 0) for (let i = 0; i < nb; i++) a[dest - (nb - 1) + i] = tmp[i]!;
    };
    if (na === 0) {
      finish();
      return;
    }
    if (nb === 1) {
      dest -= na;
      ia -= na;
      for (let i = na; i > 0; i--) a[dest + i] = a[ia + i]!;
      a[dest] = tmp[tb]!;
      return;
    }
    let done1 = false;
    try {
      outer: for (;;) {
        let acount = 0;
        let bcount = 0;
        for (;;) {
          if (lt(tmp[tb]!, a[ia]!)) {
            a[dest--] = a[ia--]!;
            ++acount;
            bcount = 0;
            --na;
            if (na === 0) break outer;
            if (acount >= minGallop) break;
          } else {
            a[dest--] = tmp[tb--]!;
            ++bcount;
            acount = 0;
            --nb;
            if (nb === 1) {
              done1 = true;
              break outer;
            }
            if (bcount >= minGallop) break;
          }
        }
        ++minGallop;
        do {
          minGallop -= minGallop > 1 ? 1 : 0;
          this.minGallop = minGallop;
          let k = gallopRight(tmp[tb]!, a, basea, na, na - 1, lt);
          k = na - k;
          acount = k;
          if (k) {
            dest -= k;
            ia -= k;
            for (let i = k; i > 0; i--) a[dest + i] = a[ia + i]!;
            na -= k;
            if (na === 0) break outer;
          }
          a[dest--] = tmp[tb--]!;
          --nb;
          if (nb === 1) {
            done1 = true;
            break outer;
          }
          k = gallopLeft(a[ia]!, tmp, 0, nb, nb - 1, lt);
          k = nb - k;
          bcount = k;
          if (k) {
            dest -= k;
            tb -= k;
            for (let i = 1; i <= k; i++) a[dest + i] = tmp[tb + i]!;
            nb -= k;
            if (nb === 1) {
              done1 = true;
              break outer;
            }
            if (nb === 0) break outer;
          }
          a[dest--] = a[ia--]!;
          --na;
          if (na === 0) break outer;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++minGallop;
        this.minGallop = minGallop;
      }
    } finally {
      if (done1 && nb === 1) {
        dest -= na;
        ia -= na;
        for (let i = na; i > 0; i--) a[dest + i] = a[ia + i]!;
        a[dest] = tmp[tb]!;
      } else if (nb > 0) {
        for (let i = 0; i < nb; i++) a[dest - (nb - 1) + i] = tmp[i]!;
      }
    }
    this.minGallop = minGallop;
  }

  mergeAt(i: number): void {
    const a = this.a;
    const lt = this.lt;
    let { base: pa, len: na } = this.pending[i]!;
    let { base: pb, len: nb } = this.pending[i + 1]!;
    this.pending[i]!.len = na + nb;
    this.pending.splice(i + 1, 1);
    const k = gallopRight(a[pb]!, a, pa, na, 0, lt);
    pa += k;
    na -= k;
    if (na === 0) return;
    nb = gallopLeft(a[pa + na - 1]!, a, pb, nb, nb - 1, lt);
    if (nb === 0) return;
    if (na <= nb) this.mergeLo(pa, na, pb, nb);
    else this.mergeHi(pa, na, pb, nb);
  }

  mergeCollapse(): void {
    const p = this.pending;
    while (p.length > 1) {
      let n = p.length - 2;
      if ((n > 0 && p[n - 1]!.len <= p[n]!.len + p[n + 1]!.len) || (n > 1 && p[n - 2]!.len <= p[n - 1]!.len + p[n]!.len)) {
        if (p[n - 1]!.len < p[n + 1]!.len) --n;
        this.mergeAt(n);
      } else if (p[n]!.len <= p[n + 1]!.len) {
        this.mergeAt(n);
      } else break;
    }
  }

  /** 3.11+ (powersort): merge pending runs whose power exceeds the new boundary's. */
  foundNewRun(n2: number, listlen: number): void {
    const p = this.pending;
    if (p.length === 0) return;
    const s1 = p[p.length - 1]!.base;
    const n1 = p[p.length - 1]!.len;
    const power = powerloop(s1, n1, n2, listlen);
    while (p.length > 1 && p[p.length - 2]!.power > power) this.mergeAt(p.length - 2);
    p[p.length - 1]!.power = power;
  }

  mergeForceCollapse(): void {
    const p = this.pending;
    while (p.length > 1) {
      let n = p.length - 2;
      if (n > 0 && p[n - 1]!.len < p[n + 1]!.len) --n;
      this.mergeAt(n);
    }
  }
}

/**
 * Sort `a` in place with CPython's timsort (stable; `lt` may throw, leaving `a` a permutation).
 *
 * @example
 * ```ts
 * const a = [3, 1, 2];
 * timsort(a, (x, y) => x < y); // a is now [1, 2, 3]
 * ```
 */
export function timsort<T>(a: T[], lt: LessThan<T>, variant: 'classic' | 'powersort' = 'powersort'): void {
  const n = a.length;
  if (n < 2) return;
  const ms = new MergeState(a, lt);
  let lo = 0;
  let nremaining = n;
  const minrun = mergeComputeMinrun(nremaining);
  do {
    const run = countRun(a, lo, lo + nremaining, lt);
    let len = run.n;
    if (run.descending) reverseSlice(a, lo, lo + len);
    if (len < minrun) {
      const force = nremaining <= minrun ? nremaining : minrun;
      binarySort(a, lo, lo + force, lo + len, lt);
      len = force;
    }
    if (variant === 'powersort') {
      ms.foundNewRun(len, n);
      ms.pending.push({ base: lo, len, power: 0 });
    } else {
      ms.pending.push({ base: lo, len, power: 0 });
      ms.mergeCollapse();
    }
    lo += len;
    nremaining -= len;
  } while (nremaining);
  ms.mergeForceCollapse();
}
