/** Plain-text output of the bench: aligned rows and the PASS/FAIL lines of the bars. */
export interface Bar {
  name: string;
  value: number | undefined;
  limit: number;
  unit: '×' | 'MB' | 'differences';
}

export function printRows(title: string, rows: Array<{ name: string; value: string }>): void {
  const width = Math.max(...rows.map((r) => r.name.length), 10);
  console.log(title);
  for (const r of rows) console.log(`  ${r.name.padEnd(width)}  ${r.value}`);
}

export function printBars(bars: Bar[], missing: string): void {
  console.log('\nBars');
  const width = Math.max(...bars.map((b) => b.name.length));
  for (const b of bars) {
    const fmt = (x: number): string => (b.unit === 'MB' ? `${x.toFixed(0)} MB` : b.unit === 'differences' ? `${x} diff.` : `${x.toFixed(3)}×`);
    const verdict = b.value === undefined ? `—     ${missing}` : b.value <= b.limit ? '✅ PASS' : '❌ FAIL';
    const value = b.value === undefined ? '' : fmt(b.value);
    console.log(`  ${b.name.padEnd(width)}  ${value.padStart(9)}  (bar ≤ ${fmt(b.limit)})  ${verdict}`);
  }
}

/**
 * One line for the lead: does reading the history with two git processes pay on this machine?
 * The report already keeps two cores busy when git (one core) streams into the Node parser
 * (the other), so a git-only gain does not carry over unless git, not the parser, is the wait.
 */
export function verdictFor(gain: number, gitCores: number, floor: number, cold: number | undefined): string {
  const spare = cold === undefined ? '' : ` The cold report takes ${(cold / floor).toFixed(2)}× the floor.`;
  if (gain < 1.15) {
    return `Does not pay: the split saves under 15% (git used ${gitCores.toFixed(2)} cores alone; the walk to find a split point and shared pack reads eat the rest).${spare}`;
  }
  return `Pays for git alone (${((1 - 1 / gain) * 100).toFixed(0)}% less wall time; git used ${gitCores.toFixed(2)} cores in one process). ` +
    `In the report it helps only while the Node parser leaves a core idle, i.e. when the parser is faster than git.${spare}`;
}
