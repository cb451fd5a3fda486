import * as vscode from 'vscode';
import { commands, views } from '../../app/ids';
import type { Services } from '../../app/services';
import { DashboardPanel } from './dashboardPanel';
import type { DashboardActions } from './dashboardPanel';
import type { ReviewCounts } from '../quiz/reviewQueue';

/** The progress dashboard and its command. */
export function registerDashboard(
  context: vscode.ExtensionContext,
  services: Services,
  actions: DashboardActions,
  review: ReviewCounts,
): DashboardPanel {
  const dashboard = new DashboardPanel(services, actions, review);
  context.subscriptions.push(
    dashboard,
    vscode.window.registerWebviewPanelSerializer(views.dashboard, dashboard),
    vscode.commands.registerCommand(commands.showDashboard, () => dashboard.show()),
  );
  return dashboard;
}
