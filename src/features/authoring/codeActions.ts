import * as vscode from 'vscode';
import { diagnosticSource } from './workspaceCourse';
import type { WorkspaceCourse } from './workspaceCourse';

/** Quick fixes where the fix is obvious (a missing id, a dangling reference), spelled out by the domain. */
export class AuthoringFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly course: WorkspaceCourse) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (!this.course.isCourseFile(document.uri)) return [];
    return context.diagnostics.flatMap((diagnostic) => {
      if (diagnostic.source !== diagnosticSource) return [];
      const fix = this.course.fixFor(document, diagnostic);
      if (!fix) return [];
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      action.edit = new vscode.WorkspaceEdit();
      for (const e of fix.edits)
        action.edit.replace(document.uri, new vscode.Range(e.start.line - 1, e.start.col - 1, e.end.line - 1, e.end.col - 1), e.text);
      return [action];
    });
  }
}
