/**
 * BENCH_PROFILE=1: one extra cold run under `node --cpu-prof`, summarized by where the time went
 * (each bundle, the garbage collector, idle = waiting on git), so a failed bar points at a cause.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Seconds per bundle file or VM pseudo-frame, largest first. */
export function summarizeProfile(dir: string): Array<{ name: string; value: string }> {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return [{ name: 'profile', value: 'no .cpuprofile written' }];
  const p = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
  const perNode = new Map<number, number>();
  p.samples.forEach((id, i) => perNode.set(id, (perNode.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const perPlace = new Map<string, number>();
  for (const n of p.nodes) {
    const place = n.callFrame.url ? n.callFrame.url.slice(n.callFrame.url.lastIndexOf('/') + 1) : n.callFrame.functionName || '(native)';
    perPlace.set(place, (perPlace.get(place) ?? 0) + (perNode.get(n.id) ?? 0));
  }
  const total = [...perPlace.values()].reduce((a, b) => a + b, 0);
  return [...perPlace]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([name, us]) => ({ name, value: `${(us / 1e6).toFixed(2)} s (${((100 * us) / total).toFixed(0)}%)` }));
}
