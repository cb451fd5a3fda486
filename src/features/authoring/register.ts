import * as vscode from 'vscode';
import type { Services } from '../../app/services';
import { AuthoringFixes } from './codeActions';
import { registerAuthoringCommands } from './commands';
import { WorkspaceCourse } from './workspaceCourse';
import type { CourseState } from './workspaceCourse';

/** What other features may ask of course authoring: what loaded, what did not and why. */
export interface CourseStatus {
  readonly state: CourseState;
  readonly onDidChange: vscode.Event<CourseState>;
  /** One line for the roadmap view when something about workspace roadmaps needs saying. */
  notice(currentRoadmapId: string): string | undefined;
}

/** Workspace roadmaps and exercises, live diagnostics and quick fixes, New Roadmap… and New Exercise…. */
export function registerAuthoring(context: vscode.ExtensionContext, services: Services): CourseStatus {
  const course = new WorkspaceCourse(services);
  context.subscriptions.push(
    course,
    vscode.languages.registerCodeActionsProvider({ language: 'yaml', scheme: 'file' }, new AuthoringFixes(course), {
      providedCodeActionKinds: AuthoringFixes.kinds,
    }),
    ...registerAuthoringCommands(services, course),
  );
  return {
    get state() {
      return course.state;
    },
    onDidChange: course.onDidChange,
    notice: (currentRoadmapId) => courseNotice(course.state, currentRoadmapId),
  };
}

export function courseNotice(state: CourseState, currentRoadmapId: string): string | undefined {
  if (state.kind === 'untrusted') {
    const n = state.files.length;
    return `${n} workspace roadmap file${n === 1 ? '' : 's'} in ${state.folder}/ not loaded: folder not trusted.`;
  }
  if (state.kind === 'loaded') {
    const current = state.shown.find((s) => s.roadmap.id === currentRoadmapId);
    if (current?.stale) return `${vscode.workspace.asRelativePath(current.file)} has problems; showing the version that last loaded.`;
    if (state.problemFiles > 0)
      return `${state.problemFiles} workspace roadmap file${state.problemFiles === 1 ? ' has' : 's have'} problems; see the Problems panel.`;
  }
  return undefined;
}
