/**
 * The inputs of Configure Jira: titled "Configure Jira (Step 2 of 4): …" the same way on Cloud (five
 * steps: with the e-mail) and Server / Data Center (four), and the board picker.
 */
import * as vscode from 'vscode';
import type { JiraBoard } from '../../core/sources/jira/checkConnection';

export interface StepPosition {
  step: number;
  /** Unknown at step 1: Cloud or Server is learnt from the URL. */
  total?: number;
}

function title(what: string, at: StepPosition): string {
  return `Configure Jira (Step ${at.step}${at.total ? ` of ${at.total}` : ''}): ${what}`;
}

export interface AskOptions extends StepPosition {
  title: string;
  prompt: string;
  value?: string;
  password?: boolean;
  /** Syntax, on every keystroke. */
  validate(value: string): string | undefined;
  /** Against the site, on Enter: a message keeps the box open to correct the value; a throw closes it. */
  check?(value: string): Promise<string | undefined>;
}

/** An input box; resolves to the accepted value, or undefined when the user pressed Escape. */
export function askInput(o: AskOptions): Promise<string | undefined> {
  const box = vscode.window.createInputBox();
  box.title = title(o.title, o);
  box.prompt = o.prompt;
  box.value = o.value ?? '';
  box.password = o.password ?? false;
  box.ignoreFocusOut = true;
  return new Promise<string | undefined>((resolve, reject) => {
    let done = false;
    const finish = (f: () => void): void => {
      done = true;
      f();
      box.dispose();
    };
    box.onDidChangeValue((v) => (box.validationMessage = o.validate(v)));
    box.onDidAccept(async () => {
      const v = box.value;
      const bad = o.validate(v);
      if (bad) return void (box.validationMessage = bad);
      if (!o.check) return finish(() => resolve(v));
      box.busy = true;
      box.enabled = false;
      try {
        const problem = await o.check(v);
        if (done) return;
        if (problem === undefined) return finish(() => resolve(v));
        box.validationMessage = problem;
      } catch (e) {
        if (!done) finish(() => reject(e));
      } finally {
        box.busy = false;
        box.enabled = true;
      }
    });
    box.onDidHide(() => !done && finish(() => resolve(undefined)));
    box.show();
  });
}

interface BoardItem extends vscode.QuickPickItem {
  board: JiraBoard | 'none';
}

/** The project's scrum boards, the configured one first selected; 'none' keeps velocity per week. */
export function pickBoard(boards: JiraBoard[], project: string, current: number | undefined, at: StepPosition): Promise<JiraBoard | 'none' | undefined> {
  const qp = vscode.window.createQuickPick<BoardItem>();
  qp.title = title(`board of ${project} (sprints give velocity in points)`, at);
  const listed = boards.length ? `${boards.length} scrum board${boards.length === 1 ? '' : 's'} in ${project}: type to filter` : `${project} has no scrum board`;
  const gone = current !== undefined && !boards.some((b) => b.id === current) ? `No board ${current} in ${project} any more. ` : '';
  qp.placeholder = gone + listed;
  qp.ignoreFocusOut = true;
  qp.matchOnDescription = true;
  const items: BoardItem[] = [
    ...boards.map((b) => ({ label: b.name, description: `board ${b.id}`, board: b })),
    { label: 'No board', description: 'velocity in merged changes per week', board: 'none' },
  ];
  qp.items = items;
  const active = items.find((i) => i.board !== 'none' && i.board.id === current) ?? items[0];
  if (active) qp.activeItems = [active];
  return new Promise((resolve) => {
    let done = false;
    qp.onDidAccept(() => {
      done = true;
      resolve(qp.selectedItems[0]?.board ?? qp.activeItems[0]?.board);
      qp.dispose();
    });
    qp.onDidHide(() => {
      if (!done) resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}
