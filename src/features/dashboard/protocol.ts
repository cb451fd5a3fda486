// The contract between the extension host and the dashboard webview: one view model in, one request
// out. Imported by the webview bundle too.
import '../../domain/shared/zodSetup';
import * as z from 'zod/mini';
import { defineProtocol, idSchema as id, readyMessageSchema } from '../../platform/webview/protocol';

export const dashboardViewSchema = z.object({
  roadmapTitle: z.string(),
  percent: z.number(),
  done: z.number(),
  counted: z.number(),
  phases: z.array(z.object({ id, title: z.string(), done: z.number(), inProgress: z.number(), counted: z.number(), percent: z.number() })),
  /** Oldest first; `weekStart` is a Monday, YYYY-MM-DD. Completions are topics done plus exercises passed. */
  weeks: z.array(z.object({ weekStart: z.string(), topicsDone: z.number(), exercisesPassed: z.number() })),
  hoursLeft: z.number(),
  hoursTotal: z.number(),
  nextUp: z.array(z.object({ id, title: z.string(), reason: z.string() })),
});
export type DashboardView = z.infer<typeof dashboardViewSchema>;

export const dashboardHostMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('showDashboard'), view: dashboardViewSchema }),
]);
export type DashboardHostMessage = z.infer<typeof dashboardHostMessageSchema>;

export const dashboardPageMessageSchema = z.discriminatedUnion('type', [
  readyMessageSchema,
  z.object({ type: z.literal('openTopic'), topicId: id }),
]);
export type DashboardPageMessage = z.infer<typeof dashboardPageMessageSchema>;

/** No state: after a reload the dashboard is drawn from fresh numbers. */
export const dashboardProtocol = defineProtocol({ host: dashboardHostMessageSchema, page: dashboardPageMessageSchema });
