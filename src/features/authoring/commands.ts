import * as path from 'node:path';
import * as vscode from 'vscode';
import { commands } from '../../app/ids';
import type { Services } from '../../app/services';
import { authoringExercisesDir } from '../../domain/authoring/courseFolder';
import { exerciseStarter, roadmapStarter, trackStarter } from '../../domain/authoring/starters';
import { slugSchema } from '../../domain/roadmap/slug';
import { allTopics } from '../../domain/progress/progress';
import { writeFileInside } from '../../domain/shared/safeFs';
import type { WorkspaceCourse } from './workspaceCourse';

/** New Roadmap… and New Exercise…: commented starters an author edits, never written over existing files. */
export function registerAuthoringCommands(services: Services, course: WorkspaceCourse): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(commands.newRoadmap, () => newRoadmap(services, course)),
    vscode.commands.registerCommand(commands.newExercise, () => newExercise(services, course)),
  ];
}

async function authoringFolder(course: WorkspaceCourse): Promise<{ root: string; dir: string; relative: string } | undefined> {
  const folder = await course.folder();
  if (!folder) void vscode.window.showErrorMessage('Backend Roadmap: open a local folder first; course files are written into it.');
  return folder;
}

function askId(prompt: string, value: string, exists: (id: string) => Promise<boolean>): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: prompt,
    prompt: 'A lowercase slug such as "web-course": progress is kept by id, so keep it stable.',
    value,
    validateInput: async (text) => {
      const parsed = slugSchema.safeParse(text);
      if (!parsed.success) return parsed.error.issues[0]?.message ?? 'not a valid id';
      return (await exists(text)) ? `"${text}" already exists` : undefined;
    },
  });
}

async function newRoadmap(services: Services, course: WorkspaceCourse): Promise<void> {
  const folder = await authoringFolder(course);
  if (!folder) return;
  const bundled = services.choices.filter((c) => c.kind === 'roadmap' && c.origin === undefined);
  const kind = await vscode.window.showQuickPick(
    [
      { label: 'A complete roadmap', description: 'phases and topics of your own', base: undefined },
      ...bundled.map((c) => ({
        label: `A track on "${c.roadmap.title}"`,
        description: 'its topics by id, retitled or with your own added',
        base: c.roadmap,
      })),
    ],
    { title: 'New Roadmap: what kind?' },
  );
  if (!kind) return;
  const fileOf = (id: string) => path.join(folder.dir, `${id}.yaml`);
  const taken = new Set(services.choices.map((c) => c.roadmap.id));
  const id = await askId(
    'New Roadmap: its id (also the file name)',
    'my-course',
    async (text) => taken.has(text) || (await exists(fileOf(text))),
  );
  if (!id) return;
  const title = id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
  const text = kind.base
    ? trackStarter(
        id,
        title,
        kind.base.id,
        allTopics(kind.base)
          .slice(0, 2)
          .map((t) => t.id),
      )
    : roadmapStarter(id, title);
  if (!(await write(folder.root, fileOf(id), text))) return;
  await vscode.window.showTextDocument(vscode.Uri.file(fileOf(id)));
  if (!vscode.workspace.isTrusted)
    void vscode.window.showWarningMessage(
      'Backend Roadmap: the roadmap was written, but workspace roadmaps load only in a trusted folder.',
    );
}

async function newExercise(services: Services, course: WorkspaceCourse): Promise<void> {
  const folder = await authoringFolder(course);
  if (!folder) return;
  const topics = allTopics(services.roadmap);
  const topic = await vscode.window.showQuickPick(
    topics.map((t) => ({ label: t.title, description: t.id, id: t.id })),
    { title: `New Exercise: which topic of "${services.roadmap.title}" does it practise?`, matchOnDescription: true },
  );
  if (!topic) return;
  const dirOf = (id: string) => path.join(folder.dir, authoringExercisesDir, id);
  const id = await askId(
    'New Exercise: its id (also its folder name)',
    `${topic.id}-practice`.slice(0, 60),
    async (text) => services.catalog.exercise(text) !== undefined || (await exists(dirOf(text))),
  );
  if (!id) return;
  const title = `Practise ${topic.label}`;
  // Placeholders such as {{exerciseTitle}} stay: they are filled in when a learner scaffolds it.
  const files = exerciseStarter(id, title, topic.id);
  const written: string[] = [];
  for (const f of files) {
    const target = path.join(dirOf(id), ...f.path.split('/'));
    if (!(await write(folder.root, target, f.content))) return;
    written.push(target);
  }
  await vscode.window.showTextDocument(vscode.Uri.file(path.join(dirOf(id), 'exercise.json')));
  void vscode.window.showInformationMessage(
    `Backend Roadmap: wrote ${written.length} files to ${vscode.workspace.asRelativePath(dirOf(id))}. Add "${id}" to the exercises of topic "${topic.id}" in a workspace roadmap, then prove it sound with: backend-roadmap dev check`,
  );
}

async function exists(file: string): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(vscode.Uri.file(file));
    return true;
  } catch {
    return false;
  }
}

/** Creates the file (never replacing one); a failure is said, not thrown. */
async function write(root: string, file: string, text: string): Promise<boolean> {
  try {
    await writeFileInside(root, file, text, { exclusive: true });
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    void vscode.window.showErrorMessage(
      `Backend Roadmap: could not write ${vscode.workspace.asRelativePath(file)}: ${code === 'EEXIST' ? 'it already exists' : e instanceof Error ? e.message : String(e)}`,
    );
    return false;
  }
}
