/**
 * Forcing garbage collection in tests (the vitest project runs with `--expose-gc`). A `WeakRef`
 * target stays alive until the end of the current job, so collection waits for a new macrotask
 * first; FinalizationRegistry callbacks run on later turns.
 */
export async function collectGarbage(rounds = 3): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with node --expose-gc');
  for (let i = 0; i < rounds; i++) {
    await new Promise((r) => setTimeout(r, 0));
    gc();
  }
  await new Promise((r) => setTimeout(r, 0));
}
