import type { SourceStatus } from '../core/model/dataset';
import type { SourceAdvice } from '../core/sprintReview/reviewTypes';

const ADD_JIRA = 'add --jira-url, --jira-project and --jira-board, with JIRA_PAT (Server) or JIRA_EMAIL and JIRA_API_TOKEN (Cloud) in the environment';
const ADD_GITHUB = 'set GITHUB_TOKEN (the origin remote on github.com, or --github-repo OWNER/NAME)';

/**
 * The CLI's words for adding a source the sprint review is missing: its flags and environment for
 * a source that is off, else the core's own message (worded for the CLI already).
 */
export function cliReviewAdvice(sources: { jira: SourceStatus; github: SourceStatus }): SourceAdvice {
  const words = (s: SourceStatus, add: string): string => {
    if (s.status === 'off') return s.fault?.kind === 'no-credentials' || !s.message ? add : s.message;
    return s.message ?? add;
  };
  return { jira: words(sources.jira, ADD_JIRA), github: words(sources.github, ADD_GITHUB) };
}
