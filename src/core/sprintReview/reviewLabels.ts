import type { DeliveryKey, EscalationKey, FigureKey, FlowKey, QualityKey, TimeToMarketKey } from './reviewTypes';

/** Row labels, in display order, shared by every renderer and the data-quality notes. */
export const DELIVERY_ROWS: Array<[DeliveryKey, string]> = [
  ['committedPoints', 'Committed points'],
  ['completedPoints', 'Completed points'],
  ['sayDoRatio', 'Say/do ratio'],
  ['carryOverIssues', 'Carry-over issues'],
  ['carryOverPoints', 'Carry-over points'],
  ['scopeAddedIssues', 'Scope added after start (issues)'],
  ['scopeAddedPoints', 'Scope added after start (points)'],
  ['scopeRemovedIssues', 'Scope removed (issues)'],
  ['scopeRemovedPoints', 'Scope removed (points)'],
  ['unestimatedIssues', 'Unestimated issues'],
  ['throughput', 'Throughput (merged changes)'],
];

export const FLOW_ROWS: Array<[FlowKey, string]> = [
  ['cycleTimeMedian', 'Cycle time median'],
  ['cycleTimeP85', 'Cycle time p85'],
  ['codingMedian', 'Coding (median)'],
  ['pickupMedian', 'Pickup (median)'],
  ['reviewMedian', 'Review (median)'],
  ['deployMedian', 'Deploy (median)'],
  ['outliers', 'Outliers (over previous p85)'],
  ['issueCycleTimeMedian', 'Issue cycle time median'],
];

export const QUALITY_ROWS: Array<[QualityKey, string]> = [
  ['defectsCreated', 'Defects created'],
  ['defectsFixed', 'Defects fixed'],
  ['defectsEscaped', 'Defects escaped'],
  ['defectRemovalEfficiency', 'Defect removal efficiency'],
  ['regressionTestRate', 'Regression-test rate'],
  ['hotspotFilesChanged', 'Hotspot files changed'],
];

export const ESCALATION_ROWS: Array<[EscalationKey, string]> = [
  ['opened', 'Opened'],
  ['resolved', 'Resolved'],
  ['stillOpen', 'Still open at period end'],
  ['timeToResolveMedian', 'Time to resolve (median)'],
];

export const TIME_TO_MARKET_ROWS: Array<[TimeToMarketKey, string]> = [
  ['releasedItems', 'Items released'],
  ['leadTimeMedian', 'Lead time median'],
];

export const SECTION_ROWS: Array<[string, Array<[FigureKey, string]>]> = [
  ['Delivery', DELIVERY_ROWS],
  ['Flow', FLOW_ROWS],
  ['Quality', QUALITY_ROWS],
  ['Escalations', ESCALATION_ROWS],
  ['Time to market', TIME_TO_MARKET_ROWS],
];

/** Higher is better for these; lower for durations, defects, escalations and scope churn. Used only to colour arrows. */
export const HIGHER_IS_BETTER = new Set<FigureKey>(['completedPoints', 'sayDoRatio', 'throughput', 'defectRemovalEfficiency', 'regressionTestRate', 'resolved', 'releasedItems', 'defectsFixed']);
