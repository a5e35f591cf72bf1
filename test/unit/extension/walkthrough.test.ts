import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
interface Step { id: string; description: string; completionEvents: string[]; media: { markdown: string } }
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { walkthroughs: Array<{ steps: Step[] }> } };
const steps = pkg.contributes.walkthroughs[0]!.steps;
const step = (id: string) => steps.find((s) => s.id === id)!;

describe('the walkthrough', () => {
  it('ticks "Open a git repository" on the context key the extension sets when it finds a repository', () => {
    const events = step('openRepo').completionEvents;
    assert.deepEqual(events, ['onContext:engineeringKpis.repositoryOpen']);
    const host = readFileSync(join(root, 'src/extension/session/kpiHost.ts'), 'utf8');
    assert.match(host, /REPOSITORY_OPEN_CONTEXT = 'engineeringKpis\.repositoryOpen'/);
    assert.match(host, /executeCommand\('setContext', REPOSITORY_OPEN_CONTEXT, roots\.length > 0\)/);
  });

  it('has a Sprint Review step that runs the command', () => {
    const s = step('sprintReview');
    assert.match(s.description, /command:engineeringKpis\.sprintReview/);
    assert.deepEqual(s.completionEvents, ['onCommand:engineeringKpis.sprintReview']);
  });

  it('words what Jira adds the same way in the step and its page', () => {
    const sentence = /Jira adds [^.]*\./.exec(step('jira').description)?.[0];
    assert.ok(sentence, 'the Jira step says what Jira adds');
    assert.ok(readFileSync(join(root, step('jira').media.markdown), 'utf8').includes(sentence), 'media/walkthrough/jira.md says it in the same words');
  });

  it('has a page for every step', () => {
    for (const s of steps) assert.ok(existsSync(join(root, s.media.markdown)), s.media.markdown);
  });
});
