// Projects in a real code-server: a project idea linked to its checked build shows its milestone
// progress in the tree, its milestones as rows (with the topics they practise), and the project's
// topic page lists them. Progress comes from the workspace's progress file, as a teammate's would.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { clickRow, expandRow, expectAttribute, expectCount, expectText, showRoadmap, topicFrame, treeRow } from './workbench';
import { closeSession, openSession } from './session';
import type { Session } from './session';

describe('E2E in code-server: projects built in milestones', function () {
  this.timeout(300_000);
  let session: Session | undefined;
  let page: Page;
  let failed = false;

  before(async function () {
    this.timeout(600_000);
    session = await openSession('projects', { width: 1400, height: 900 }, async (workspace) => {
      // File mode from the start (no switch, so no copy dialog), with two milestones of todo-api passed.
      await fs.mkdir(path.join(workspace, '.vscode', 'backend-roadmap'), { recursive: true });
      await fs.writeFile(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'backendRoadmap.progressStorage': 'file' }));
      const progress = {
        version: 3,
        topics: {},
        exercises: {},
        history: [],
        practice: { 'todo-api': { failedChecks: 1, milestones: ['crud', 'update-delete'] } },
        cards: {},
        reviewLog: [],
        quizzes: {},
      };
      await fs.writeFile(path.join(workspace, '.vscode', 'backend-roadmap', 'progress.json'), JSON.stringify(progress));
    });
    ({ page } = session);
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') failed = true;
  });

  after(async function () {
    await closeSession(session, failed);
  });

  it('the project row says 2/5 milestones, and its milestones show their state and topics', async () => {
    await showRoadmap(page);
    await expandRow(page, 'Projects');
    const project = treeRow(page, 'To-do list API');
    await expectText(project.locator('.label-description'), /beginner · 2\/5 milestones/);
    await expectAttribute(project, 'aria-label', /2 of 5 milestones pass/);
    await expandRow(page, 'To-do list API');
    const milestones = page.locator('.part.sidebar .monaco-list-row[aria-label^="Milestone "]');
    await expectCount(milestones, 5, 'milestone rows');
    await expectAttribute(
      treeRow(page, 'Milestone 1 of 5, Create, read and list'),
      'aria-label',
      /passes, practises REST APIs, Express fundamentals/,
    );
    await expectText(treeRow(page, 'Milestone 1 of 5').locator('.label-description'), /REST APIs, Express fundamentals/);
    await expectAttribute(
      treeRow(page, 'Milestone 3 of 5, Validate every request body'),
      'aria-label',
      /next to build, practises Input validation/,
    );
    await expectAttribute(treeRow(page, 'Milestone 5 of 5, Per-user to-dos behind JWTs'), 'aria-label', /not reached yet/);
    // The icons: passed, next, ahead.
    await expectCount(milestones.locator('.codicon-pass-filled'), 2, 'passed milestone icons');
    await expectCount(milestones.locator('.codicon-circle-large-filled'), 1, 'the next milestone icon');
    // A milestone opens to the topics it practises.
    // Its row opens the project's page when clicked; the twistie opens it in the tree.
    const third = treeRow(page, 'Milestone 3 of 5, Validate every request body');
    await third.locator('.monaco-tl-twistie').click();
    await expectAttribute(third, 'aria-expanded', 'true');
    await expectCount(page.locator('.part.sidebar .monaco-list-row[aria-label^="Input validation"]'), 1, 'the milestone topic row');
  });

  it("a milestone opens the project's topic page, which lists the milestones as the last check left them", async () => {
    await clickRow(page, 'Milestone 1 of 5, Create, read and list');
    const frame = topicFrame(page);
    await frame.locator('h1', { hasText: 'Building real-world projects' }).waitFor();
    const list = frame.locator('[data-milestones="todo-api"] li');
    await expectCount(list, 5, 'milestones on the topic page');
    await expectCount(frame.locator('[data-milestones="todo-api"] li[data-milestone-status="passed"]'), 2, 'passed milestones');
    await expectText(frame.locator('[data-milestones="todo-api"]'), /Milestones: 2 of 5 pass/);
  });

  it('the page of a topic a milestone practises links to the project milestone', async () => {
    await clickRow(page, 'Input validation');
    const frame = topicFrame(page);
    await frame.locator('h1', { hasText: 'Input validation' }).waitFor();
    // Every project with a milestone that practises the topic is listed (to-do and shop APIs here).
    const links = frame.locator('section[aria-labelledby="practised-h"] button');
    await expectCount(links, 2, 'project milestones that practise Input validation');
    const link = links.filter({ hasText: 'To-do API' });
    await expectText(link, /milestone 3 of 5: Validate every request body/);
    await link.click();
    await frame.locator('h1', { hasText: 'Building real-world projects' }).waitFor();
  });
});
