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
  /** Topics whose exercises pass and whose quiz was passed. */
  verified: z.number(),
  verifiedPercent: z.number(),
  phases: z.array(
    z.object({
      id,
      title: z.string(),
      done: z.number(),
      inProgress: z.number(),
      verified: z.number(),
      counted: z.number(),
      percent: z.number(),
    }),
  ),
  review: z.object({
    dueToday: z.number(),
    cards: z.number(),
    /** Share of learned cards recalled when due over the last 30 days; null before any such review. */
    retention: z.nullable(z.number()),
    reviews: z.number(),
    /** The next 14 days, today first (today includes overdue cards); `day` is YYYY-MM-DD, local. */
    forecast: z.array(z.object({ day: z.string(), due: z.number() })),
  }),
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
