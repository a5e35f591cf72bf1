import type { SourceStatus } from '../model/dataset';
import { SECTION_ROWS } from './reviewLabels';
import type { Figure, MissingSource, MissingSourceName, SourceAdvice } from './reviewTypes';

const NAMES: Record<MissingSourceName, string> = { jira: 'Jira', github: 'GitHub' };
/** When the host has no words of its own. */
const DEFAULT_ADVICE: Record<MissingSourceName, string> = { jira: 'configure Jira', github: 'configure GitHub' };

/**
 * What each missing source takes out of the review, by section: the figures that are null because
 * of it (Figure.needs). One entry per source, so a review without Jira says so once, not ten times.
 */
export function missingSources(sources: Record<MissingSourceName, SourceStatus>, sections: Record<string, Record<string, Figure>>): MissingSource[] {
  const out: MissingSource[] = [];
  for (const source of ['jira', 'github'] as const) {
    const figures: MissingSource['figures'] = [];
    for (const [section, rows] of SECTION_ROWS) {
      const labels = rows.filter(([key]) => sections[section]?.[key]?.needs?.includes(source)).map(([, label]) => label.toLowerCase());
      if (labels.length) figures.push({ section, labels, whole: labels.length === rows.length });
    }
    if (figures.length) out.push({ source, status: sources[source].status, figures });
  }
  return out;
}

/** "Without Jira (off): Delivery: committed points, …; Escalations: the whole section — run Configure Jira". */
export function missingSourceLine(m: MissingSource, advice: SourceAdvice = {}): string {
  const parts = m.figures.map((f) => `${f.section}: ${f.whole ? 'the whole section' : f.labels.join(', ')}`);
  return `Without ${NAMES[m.source]} (${m.status}): ${parts.join('; ')} — ${advice[m.source] ?? DEFAULT_ADVICE[m.source]}`;
}

/** A row a missing source cannot give is named in that source's line instead of the table. */
export function shownInTable(f: Figure | undefined): f is Figure {
  return f !== undefined && !f.needs?.length;
}
