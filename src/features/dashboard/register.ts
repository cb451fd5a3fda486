import * as vscode from 'vscode';
import { commands, views } from '../../app/ids';
import type { Services } from '../../app/services';
import { DashboardPanel } from './dashboardPanel';
import type { DashboardActions } from './dashboardPanel';

/** The progress dashboard and its command. */
export function registerDashboard(context: vscode.ExtensionContext, services: Services, actions: DashboardActions): DashboardPanel {
  const dashboard = new DashboardPanel(services, actions);
  context.subscriptions.push(
    dashboard,
    vscode.window.registerWebviewPanelSerializer(views.dashboard, dashboard),
    vscode.commands.registerCommand(commands.showDashboard, () => dashboard.show()),
  );
  return dashboard;
}
