/** Paired timing: two calls measured in turn, so a busy moment of the machine hits both. */

export async function timed<T>(fn: () => PromiseLike<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await fn();
  return [performance.now() - started, value];
}

/** Runs a and b `n` times each, alternating which goes first, after `warm` warm-ups. */
export async function sideBySide(n: number, a: () => PromiseLike<unknown>, b: () => PromiseLike<unknown>, warm = 10): Promise<[number[], number[]]> {
  for (let i = 0; i < warm; i++) {
    await a();
    await b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      ta.push((await timed(a))[0]);
      tb.push((await timed(b))[0]);
    } else {
      tb.push((await timed(b))[0]);
      ta.push((await timed(a))[0]);
    }
  }
  return [ta, tb];
}
