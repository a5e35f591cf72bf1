import { always, defineKpi, issueVariant } from '../kpiDefinition';
import { pullRequestsOf } from '../shared/sourceChoice';
import { cycleTime } from './cycleTime';
import { computeIssueCycleTime } from './issueCycleTime';

/** Spec §1: merged pull requests, else git's merged changes; Jira's issue cycle time beside it, not instead. */
export const cycleTimeKpi = defineKpi({
  name: 'cycleTime',
  label: 'Cycle time',
  icon: 'clock',
  inputs: ['github'],
  variants: [
    { source: 'github', unit: 'hours', available: (ctx) => pullRequestsOf(ctx.dataset) !== undefined, compute: cycleTime },
    { source: 'git', unit: 'hours', available: always, compute: cycleTime },
  ],
  beside: [{ field: 'issueCycleTime', variant: issueVariant('jira', 'hours', (issues, ctx) => computeIssueCycleTime(issues, ctx.window, ctx.options, ctx.now)) }],
});
