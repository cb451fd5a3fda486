import * as vscode from 'vscode';
import { views } from '../../app/ids';
import type { Services } from '../../app/services';
import type { ExerciseChecks } from '../exercises/checks';
import { TopicPanel } from './topicPanel';
import type { TopicActions } from './topicPanel';

/** The topic page: one reused panel, restored after a reload. */
export function registerTopic(
  context: vscode.ExtensionContext,
  services: Services,
  checks: ExerciseChecks,
  actions: TopicActions,
): TopicPanel {
  const panel = new TopicPanel(services, checks, actions);
  context.subscriptions.push(panel, vscode.window.registerWebviewPanelSerializer(views.topicPanel, panel));
  return panel;
}
