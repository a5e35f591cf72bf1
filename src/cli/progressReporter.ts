import { SingleBar, Presets } from 'cli-progress';
import { PROGRESS_PHASES as PHASES, type Progress } from '../core/sources/sourceTypes';
import { oneLine } from '../core/output/controlChars';

/** A real bar on a TTY; silence otherwise (CI logs and pipes stay clean). */
export function progressReporter(stream: NodeJS.WriteStream | { isTTY?: boolean; write(s: string): unknown }): { onProgress?: (p: Progress) => void; stop(): void } {
  if (!stream.isTTY) return { stop: () => undefined };
  const bar = new SingleBar({ stream: stream as NodeJS.WriteStream, format: ' {bar} {percentage}% | {message}', hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
  bar.start(PHASES.length, 0, { message: 'starting' });
  // Sources run side by side, so their messages interleave: the bar only ever moves forward.
  let done = 0;
  return {
    onProgress: (p) => {
      done = Math.max(done, PHASES.indexOf(p.phase) + (p.fraction ?? 0));
      bar.update(done, { message: oneLine(p.message) });
    },
    stop: () => bar.stop(),
  };
}
