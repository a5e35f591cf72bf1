import { reportCommand, isUsageProblem } from './cli/reportCommand';
import { sprintReviewCommand } from './cli/sprintReviewCommand';
import { tell, type CliIo } from './cli/cliIo';

const USAGE = `Usage:
  engineering-kpis report [--repo PATH] [--since ISO|90d] [--until ISO|last-commit] [--format table|json|md|csv] [--cache-dir DIR]
      [--config FILE] [--release-tag-pattern RE] [--source-glob G]... [--exclude-glob G]... [--test-glob G]...
      [--exclude-author NAME]... [--module-depth N] [--offline]
      [--fetch-pr-heads]   (first git fetch origin '+refs/pull/*/head:refs/pull/*/head' with your git credentials)
      [--github-repo OWNER/NAME] [--github-api-url URL]   (GitHub token: env GITHUB_TOKEN)
      [--jira-url URL] [--jira-project KEY] [--jira-board ID]   (Jira: env JIRA_EMAIL + JIRA_API_TOKEN on Cloud, JIRA_PAT on Server/DC)
  engineering-kpis sprint-review [--sprint ID | --since ISO --until ISO|last-commit] [--format md|html|json] [--out FILE] [--per-person]
      [the source flags of report]   (default: the active Jira sprint, or the last 14 days without Jira)

Computes cycle time, velocity, time to market, defect density, escalations and test effectiveness
(see docs/metrics.md). Exit codes: 0 ok, 2 bad arguments or not a git repository, 1 anything else.`;

/** Runs the CLI and returns its exit code; never calls process.exit, so tests can run it in-process. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'report':
        return await reportCommand(rest, io);
      case 'sprint-review':
        return await sprintReviewCommand(rest, io);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout.write(USAGE + '\n');
        return command === undefined ? 2 : 0;
      default:
        tell(io, `engineering-kpis: unknown command "${command}"`);
        io.stderr.write(USAGE + '\n');
        return 2;
    }
  } catch (e) {
    tell(io, `engineering-kpis: ${(e as Error).message}`);
    return isUsageProblem(e) ? 2 : 1;
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, now: () => Date.now() }).then(
    (code) => (process.exitCode = code),
  );
}
