import * as vscode from 'vscode';
import { compiledDetailsLoader, compiledFiles, loadCompiledCatalog } from '../domain/roadmap/catalog';
import { CatalogService } from '../domain/roadmap/catalogService';
import type { Catalog } from '../domain/roadmap/catalog';
import { formatProblem } from '../domain/shared/problems';

/**
 * The bundled catalog: the build compiled and validated the YAML, so activation reads a small JSON
 * index; topic details are read when a topic page first opens.
 */
export function loadBundledCatalog(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): CatalogService {
  const dist = vscode.Uri.joinPath(context.extensionUri, 'dist');
  const catalog = loadCompiledCatalog(
    vscode.Uri.joinPath(dist, compiledFiles.index).fsPath,
    vscode.Uri.joinPath(context.extensionUri, 'roadmaps', 'exercises').fsPath,
  );
  const service = new CatalogService(catalog, compiledDetailsLoader(vscode.Uri.joinPath(dist, compiledFiles.details).fsPath));
  const diagnostics = vscode.languages.createDiagnosticCollection('backendRoadmap');
  context.subscriptions.push(
    diagnostics,
    service,
    service.onDidChange((c) => reportProblems(c, diagnostics, log)),
  );
  reportProblems(catalog, diagnostics, log);
  return service;
}

/** Problems go to the Problems panel (file, line, column), the log, and one message. */
function reportProblems(catalog: Catalog, diagnostics: vscode.DiagnosticCollection, log: vscode.LogOutputChannel): void {
  diagnostics.clear();
  if (catalog.problems.length === 0) return;
  const byFile = new Map<string, vscode.Diagnostic[]>();
  for (const p of catalog.problems) {
    log.error(formatProblem(p));
    const pos = new vscode.Position(p.line - 1, p.col - 1);
    const list = byFile.get(p.file) ?? [];
    list.push(new vscode.Diagnostic(new vscode.Range(pos, pos), p.message, vscode.DiagnosticSeverity.Error));
    byFile.set(p.file, list);
  }
  for (const [file, list] of byFile) diagnostics.set(vscode.Uri.file(file), list);
  const first = catalog.problems[0];
  if (first)
    void vscode.window.showErrorMessage(
      `Backend Roadmap: ${catalog.problems.length} problem(s) in roadmap files, first: ${formatProblem(first)}`,
    );
}
