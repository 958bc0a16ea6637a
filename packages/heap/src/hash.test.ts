import { describe, expect, it } from 'vitest';
import {
  floatHash27,
  floatHash3,
  HASH_HI,
  hashToBigInt,
  intHash27,
  intHashMersenne,
  strHash27,
  strHashRandomized,
  tupleHash27,
  tupleHash3,
} from './hash.js';

const big = (lo: number) => hashToBigInt(lo, HASH_HI[0]!);

describe('CPython 2.7 hashes (values printed by python2.7 -c "print hash(...)")', () => {
  it('str', () => {
    expect(big(strHash27('a'))).toBe(12416037344n);
    expect(big(strHash27('hello'))).toBe(840651671246116861n);
    expect(big(strHash27(''))).toBe(0n);
  });
  it('int and long', () => {
    expect(big(intHash27(-1))).toBe(-2n);
    expect(big(intHash27(2n ** 64n))).toBe(1n);
  });
  it('tuple', () => {
    expect(big(tupleHash27([]))).toBe(3527539n);
    expect(big(tupleHash27([1n, 2n]))).toBe(3713081631934410656n);
  });
  it('float', () => {
    expect(big(floatHash27(1.5, 0))).toBe(1610645504n);
  });
});

describe('CPython 3.12 hashes (values printed by python3.12)', () => {
  it('int', () => {
    expect(big(intHashMersenne(-1))).toBe(-2n);
    expect(big(intHashMersenne(2n ** 64n))).toBe(8n);
    expect(big(intHashMersenne(2n ** 61n))).toBe(1n);
  });
  it('tuple', () => {
    expect(big(tupleHash3([]))).toBe(5740354900026072187n);
    expect(big(tupleHash3([1n, 2n]))).toBe(-3550055125485641917n);
  });
  it('float', () => {
    expect(big(floatHash3(1.5, 0))).toBe(1152921504606846977n);
    expect(big(floatHash3(0.1, 0))).toBe(230584300921369408n);
  });
});

describe('3.12 str hash', () => {
  it("hash('') is 0 (python3.12 -c \"print(hash(''))\"), other strings are stable within a run", () => {
    expect(big(strHashRandomized(''))).toBe(0n);
    expect(big(strHashRandomized('abc'))).toBe(big(strHashRandomized('abc')));
    expect(big(strHashRandomized('abc'))).not.toBe(0n);
  });
});
