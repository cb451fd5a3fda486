// Shared by host and webview; kept free of imports so the webview bundle stays small.
export const topicStatuses = ['notStarted', 'inProgress', 'done', 'skipped'] as const;
export type TopicStatus = (typeof topicStatuses)[number];

export const statusLabels: Record<TopicStatus, string> = {
  notStarted: 'Not started',
  inProgress: 'In progress',
  done: 'Done',
  skipped: 'Skipped',
};
