// Review cards written by the learner in their notes: a line `Q: question A: answer`, or a `Q:` line
// followed by an `A:` line. Their own words stick best.

export interface NoteCard {
  /** `note:<topic>/<hash of the question>`: editing the answer keeps the card's schedule. */
  id: string;
  topicId: string;
  question: string;
  answer: string;
  /** 1-based line of the `Q:`. */
  line: number;
}

/** Longer questions or answers are cut: a note card is a prompt, not a page. */
const maxText = 1000;
/** Cards per notes file; more are ignored (a hostile file must not flood the queue). */
export const maxCardsPerNote = 200;

const qLine = /^\s*(?:[-*]\s+)?\*{0,2}Q:\*{0,2}\s*(.*)$/;
const inlineA = /\s\*{0,2}A:\*{0,2}\s+/;
const aLine = /^\s*(?:[-*]\s+)?\*{0,2}A:\*{0,2}\s*(.*)$/;

export function parseNoteCards(topicId: string, text: string): NoteCard[] {
  const lines = text.split(/\r?\n/);
  const cards: NoteCard[] = [];
  const seen = new Set<string>();
  let inFence = false;
  for (let i = 0; i < lines.length && cards.length < maxCardsPerNote; i++) {
    const line = lines[i] ?? '';
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const q = qLine.exec(line);
    if (!q) continue;
    let question = q[1] ?? '';
    let answer: string | undefined;
    const split = inlineA.exec(question);
    if (split) {
      answer = question.slice(split.index + split[0].length);
      question = question.slice(0, split.index);
    } else {
      const next = aLine.exec(lines[i + 1] ?? '');
      if (next) {
        answer = next[1] ?? '';
        i++;
      }
    }
    question = question.trim().slice(0, maxText);
    answer = answer?.trim().slice(0, maxText);
    if (!question || !answer) continue;
    const id = `note:${topicId}/${hash(question)}`;
    if (seen.has(id)) continue;
    seen.add(id);
    cards.push({ id, topicId, question, answer, line: i + 1 - (split ? 0 : 1) });
  }
  return cards;
}

/** FNV-1a, 32 bits, as 8 hex digits: stable across runs and machines, enough to tell a topic's cards apart. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
