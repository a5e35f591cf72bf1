import { always, defineKpi, issueVariant } from '../kpiDefinition';
import { pullRequestsOf } from '../shared/sourceChoice';
import { changeVelocity } from './changeVelocity';
import { computeJiraVelocity } from './jiraVelocity';

/** Spec §2: points per sprint from a Jira board with sprints, else merged changes per week. */
export const velocityKpi = defineKpi({
  name: 'velocity',
  label: 'Velocity',
  icon: 'rocket',
  inputs: ['github', 'jira'],
  variants: [
    issueVariant('jira', 'points/sprint', (issues, ctx) => computeJiraVelocity(issues, ctx.dataset.sprints ?? [], ctx.window, ctx.options, ctx.now), (ctx) => (ctx.dataset.sprints ?? []).length > 0),
    { source: 'github', unit: 'changes/week', available: (ctx) => pullRequestsOf(ctx.dataset) !== undefined, compute: changeVelocity },
    { source: 'git', unit: 'changes/week', available: always, compute: changeVelocity },
  ],
});
