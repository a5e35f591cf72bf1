import { strict as assert } from 'node:assert';
import { throttle, type Clock } from '../../../src/extension/session/debounce';

/** A clock the test moves by hand: timers fire when it passes their time, in order. */
function manualClock(): Clock & { advance(ms: number): void } {
  let now = 1_000;
  let timers: Array<{ at: number; fn: () => void }> = [];
  return {
    now: () => now,
    setTimeout: (fn, ms) => {
      const t = { at: now + ms, fn };
      timers.push(t);
      return t;
    },
    clearTimeout: (h) => {
      timers = timers.filter((t) => t !== h);
    },
    advance(ms) {
      now += ms;
      for (const t of timers.filter((x) => x.at <= now).sort((a, b) => a.at - b.at)) {
        timers = timers.filter((x) => x !== t);
        t.fn();
      }
    },
  };
}

describe('throttle: the status bar\'s progress text changes at most once per interval', () => {
  it('passes the first value at once, then only the latest of a burst once the interval is up', () => {
    const clock = manualClock();
    const shown: string[] = [];
    const t = throttle((m: string) => shown.push(m), 250, clock);
    t.call('Read 2,000 commits');
    assert.deepEqual(shown, ['Read 2,000 commits']);
    clock.advance(40);
    t.call('Read 4,000 commits');
    clock.advance(40);
    t.call('Read 6,000 commits');
    assert.deepEqual(shown, ['Read 2,000 commits'], 'nothing more within the interval');
    clock.advance(170);
    assert.deepEqual(shown, ['Read 2,000 commits', 'Read 6,000 commits'], 'the latest of the burst, not the one in between');
    clock.advance(1_000);
    t.call('Counting lines of code at HEAD');
    assert.deepEqual(shown.at(-1), 'Counting lines of code at HEAD', 'after a quiet interval a value passes at once');
  });

  it('dispose drops a value still waiting: nothing is shown after the run is over', () => {
    const clock = manualClock();
    const shown: string[] = [];
    const t = throttle((m: string) => shown.push(m), 250, clock);
    t.call('a');
    t.call('b');
    t.dispose();
    clock.advance(1_000);
    assert.deepEqual(shown, ['a']);
  });
});
