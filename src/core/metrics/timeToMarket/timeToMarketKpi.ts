import { always, defineKpi, issueVariant } from '../kpiDefinition';
import { computeJiraTimeToMarket } from './jiraTimeToMarket';
import { leadTimeForChanges } from './leadTime';

/** Spec §3: Jira features created → released, else git's lead time for changes (tags, or GitHub Releases without tags). */
export const timeToMarketKpi = defineKpi({
  name: 'timeToMarket',
  label: 'Time to market',
  icon: 'calendar',
  inputs: ['github', 'jira'],
  variants: [
    issueVariant('jira', 'days', (issues, ctx) => computeJiraTimeToMarket(issues, ctx.window, ctx.options, ctx.now)),
    { source: 'git', unit: 'days', available: always, compute: leadTimeForChanges },
  ],
});
