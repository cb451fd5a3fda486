import { isVerified, quizOf, roadmapTally, topicProgress, topicStatus } from './progress';
import type { ProgressData } from './progress';
import type { Roadmap, RoadmapOutline } from '../roadmap/schema';
import { statusLabels } from './status';

/** Progress as a Markdown checklist: phases, then topics ([x] when done), then their items. */
export function progressMarkdown(roadmap: Roadmap, data: ProgressData, now = new Date()): string {
  const tally = roadmapTally(roadmap, data);
  const lines = [
    `# ${roadmap.title} — progress`,
    '',
    `${tally.done} of ${tally.counted} topics done (${tally.percent}%)${tally.skipped ? `, ${tally.skipped} skipped` : ''}, ${tally.verified} verified (exercises pass and quiz passed). Exported ${now.toISOString().slice(0, 10)}.`,
  ];
  for (const phase of roadmap.phases) {
    lines.push('', `## ${phase.title}`, '');
    for (const topic of phase.topics) {
      const status = topicStatus(data, topic.id);
      const note = status === 'done' || status === 'notStarted' ? '' : ` _(${statusLabels[status].toLowerCase()})_`;
      const quiz = quizOf(data, topic.id);
      const proof = isVerified(topic, data) ? ' — verified' : quiz ? ` — quiz best ${Math.round(quiz.best * 100)}%` : '';
      lines.push(`- [${status === 'done' ? 'x' : ' '}] **${escapeMarkdown(topic.title)}**${note}${proof}`);
      const checked = new Set(topicProgress(data, topic.id)?.checked ?? []);
      for (const item of topic.checklist) lines.push(`  - [${checked.has(item.id) ? 'x' : ' '}] ${escapeMarkdown(item.text)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Progress as JSON: the stored data itself (versioned), plus which roadmap it was exported from. */
export function progressJson(roadmap: RoadmapOutline, data: ProgressData, now = new Date()): string {
  return `${JSON.stringify({ exportedFrom: roadmap.id, exportedAt: now.toISOString(), progress: data }, null, 2)}\n`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1');
}
