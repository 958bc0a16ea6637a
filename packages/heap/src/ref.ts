/**
 * A reference to a heap object: the object's slot index. `0` is `NULL` (no object).
 * Refs are plain numbers so the heap's tables can be typed arrays.
 */
export type Ref = number;

/** The "no object" reference, CPython's `NULL`. */
export const NULL: Ref = 0;
