import { defineKpi, issueVariant, type IssueMetric } from '../kpiDefinition';
import { computeEscalations } from './escalations';

const escalations: IssueMetric = (issues, ctx) => computeEscalations(issues, ctx.window, ctx.options, ctx.now);

/** Spec §5: issues escalated in the window; git alone has no escalations. */
export const escalationsKpi = defineKpi({
  name: 'escalations',
  label: 'Escalations',
  icon: 'flame',
  inputs: ['github', 'jira'],
  variants: [issueVariant('jira', 'count', escalations), issueVariant('github', 'count', escalations)],
  unavailable: { unit: 'count', reason: 'needs Jira or GitHub issues' },
});
