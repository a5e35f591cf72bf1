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
