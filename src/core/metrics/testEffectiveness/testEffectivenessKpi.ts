import { always, defineKpi, issueVariant, type IssueMetric } from '../kpiDefinition';
import { computeDefectRemovalEfficiency } from './defectRemovalEfficiency';
import { regressionTestRate, testToCodeRatio } from './regressionTestRate';

/** Removal efficiency, then (after the trend) the test-to-code ratio the git variant also gives. */
const removalEfficiency: IssueMetric = (issues, ctx) => {
  const out = computeDefectRemovalEfficiency(issues, ctx.window, ctx.options, ctx.now);
  out.kpi.previous = undefined;
  out.kpi.testToCodeRatio = testToCodeRatio(ctx);
  return out;
};

/** Spec §6: defect removal efficiency from an issue tracker, else git's regression-test rate. */
export const testEffectivenessKpi = defineKpi({
  name: 'testEffectiveness',
  label: 'Test effectiveness',
  icon: 'beaker',
  inputs: ['files', 'lines', 'github', 'jira'],
  variants: [
    issueVariant('jira', 'ratio', removalEfficiency),
    issueVariant('github', 'ratio', removalEfficiency),
    { source: 'git', unit: 'ratio', available: always, compute: regressionTestRate },
  ],
});
