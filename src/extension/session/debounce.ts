/** Collapses bursts (a rebase rewrites many refs at once) into one call after `ms` of quiet. */
export function debounce(fn: () => void, ms: number): { trigger(): void; dispose(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    trigger() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        fn();
      }, ms);
    },
    dispose() {
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}

/**
 * Passes at most one value per `ms`: the first at once, the latest of a burst when `ms` is up
 * (the others are dropped). The history read reports progress 25 times a second on a big
 * repository; each report crosses to the workbench and redraws the status bar, CPU taken from
 * the read on a first open, for text nobody can read at that pace.
 */
export function throttle<T>(fn: (value: T) => void, ms: number, clock: Clock = SYSTEM_CLOCK): { call(value: T): void; dispose(): void } {
  let last = -Infinity;
  let latest: { value: T } | undefined;
  let timer: unknown;
  const flush = () => {
    timer = undefined;
    if (!latest) return;
    const { value } = latest;
    latest = undefined;
    last = clock.now();
    fn(value);
  };
  return {
    call(value) {
      latest = { value };
      if (timer !== undefined) return;
      const wait = last + ms - clock.now();
      if (wait <= 0) flush();
      else timer = clock.setTimeout(flush, wait);
    },
    dispose() {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      latest = undefined;
    },
  };
}

/** Time and timers, as throttle reads them (a test passes its own). */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};
