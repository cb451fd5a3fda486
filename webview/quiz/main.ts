// Quiz page: topic quizzes, placement checks and review. Everything from the roadmap or the learner's
// notes is set as textContent. Fully keyboard driven: digits pick, Enter goes on.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-bar/index.js';
import { quizProtocol } from '../../src/features/quiz/protocol';
import type { QuizHostMessage, QuizPageMessage, QuizView } from '../../src/features/quiz/protocol';
import type { ReadyMessage } from '../../src/platform/webview/protocol';
import { QUIZ_PASS_SHARE } from '../../src/domain/progress/progress';
import { h, icon } from '../shared/dom';

const passPercent = Math.round(QUIZ_PASS_SHARE * 100);
import { connectToHost } from '../shared/host';

const app = document.getElementById('app') as HTMLElement;
type Send = Exclude<QuizPageMessage, ReadyMessage>;
const send = (m: Send) => host.send(m);

/** Keys for the current screen, replaced on every render. */
let keys: Record<string, () => void> = {};

const grades = [
  { grade: 'again', label: 'Again', hint: 'I did not know it' },
  { grade: 'hard', label: 'Hard', hint: 'I knew it, with effort' },
  { grade: 'good', label: 'Good', hint: 'I knew it' },
  { grade: 'easy', label: 'Easy', hint: 'Too easy' },
] as const;

const kindLabels: Record<string, string> = {
  choice: 'Multiple choice',
  code: 'Code reading',
  recall: 'Recall',
  note: 'From your notes',
};

function button(label: string, key: string, onClick: () => void, attrs: Record<string, string | boolean> = {}): HTMLElement {
  const b = h('vscode-button', { 'data-key': key, ...attrs }, label);
  b.addEventListener('click', onClick);
  return b;
}

function topicLink(id: string, title: string): HTMLElement {
  const a = h('a', { href: '#', 'data-topic': id }, title);
  a.addEventListener('click', (e) => {
    e.preventDefault();
    send({ type: 'openTopic', topicId: id });
  });
  return a;
}

function header(view: QuizView): HTMLElement {
  const answered =
    view.step.type === 'feedback' || view.step.type === 'summary' ? view.index + (view.step.type === 'feedback' ? 1 : 0) : view.index;
  return h(
    'header',
    {},
    h('h1', {}, view.title),
    h(
      'p',
      { class: 'muted meta', 'data-testid': 'position' },
      view.step.type === 'summary' ? `${view.total} answered` : `Question ${view.index + 1} of ${view.total}`,
      view.mode !== 'review' ? ` · ${view.correct} right so far` : '',
    ),
    h('vscode-progress-bar', { value: answered, max: Math.max(1, view.total), 'aria-label': 'Progress through this session' }),
  );
}

function prompt(item: {
  topicId: string;
  topicTitle: string;
  kind: string;
  prompt: string;
  code?: { language: string; text: string };
}): HTMLElement[] {
  return [
    h(
      'p',
      { class: 'kind muted' },
      icon(item.kind === 'code' ? 'code' : item.kind === 'note' ? 'note' : 'question'),
      ` ${kindLabels[item.kind] ?? item.kind} · `,
      topicLink(item.topicId, item.topicTitle),
    ),
    h('h2', { class: 'prompt', id: 'prompt', tabindex: '-1' }, item.prompt),
    item.code
      ? h(
          'figure',
          {},
          h('figcaption', { class: 'muted' }, item.code.language),
          h('pre', { tabindex: '0', 'aria-label': `${item.code.language} code` }, h('code', {}, item.code.text)),
        )
      : null,
  ].filter((x): x is HTMLElement => x !== null);
}

function render(view: QuizView): void {
  keys = {};
  const step = view.step;
  const body: (HTMLElement | null)[] = [header(view)];
  let focus: HTMLElement | undefined;

  if (step.type === 'question') {
    body.push(...prompt(step.item));
    if (step.options.length > 0) {
      const list = h('ol', { class: 'options', role: 'list', 'aria-labelledby': 'prompt' });
      step.options.forEach((text, i) => {
        const b = h(
          'button',
          { class: 'option', type: 'button', 'data-key': `option-${i}` },
          h('span', { class: 'num' }, `${i + 1}`),
          h('span', {}, text),
        );
        b.addEventListener('click', () => send({ type: 'answer', option: text }));
        keys[String(i + 1)] = () => b.click();
        list.append(h('li', {}, b));
      });
      body.push(list, h('p', { class: 'muted keys' }, `Press 1–${step.options.length} to answer, or Tab to an option and press Enter.`));
    } else {
      const show = button('Show answer', 'reveal', () => send({ type: 'reveal' }));
      keys[' '] = () => show.click();
      body.push(
        h('p', { class: 'muted' }, 'Answer in your head (or out loud), then compare with the model answer.'),
        h('div', { class: 'actions' }, show),
      );
      focus = show;
    }
  } else if (step.type === 'feedback') {
    body.push(...prompt(step.item));
    body.push(
      h(
        'p',
        { class: `verdict ${step.correct ? 'right' : 'wrong'}`, role: 'status', 'data-testid': 'verdict' },
        icon(step.correct ? 'pass-filled' : 'error'),
        step.correct ? ' Right.' : ' Not quite.',
      ),
    );
    const list = h('ul', { class: 'feedback' });
    for (const o of step.options) {
      const mark = o.correct ? 'check' : o.chosen ? 'close' : 'circle-small';
      list.append(
        h(
          'li',
          { class: `${o.correct ? 'correct' : ''} ${o.chosen ? 'chosen' : ''}`.trim() },
          h(
            'p',
            { class: 'option-text' },
            icon(mark),
            ' ',
            o.text,
            o.chosen ? h('span', { class: 'muted' }, ' (your answer)') : null,
            o.correct ? h('span', { class: 'muted' }, ' (right answer)') : null,
          ),
          h('p', { class: 'why' }, o.why),
        ),
      );
    }
    const next = button(view.index + 1 < view.total ? 'Next question' : 'See results', 'next', () => send({ type: 'next' }));
    keys.Enter = () => next.click();
    keys.n = keys.Enter;
    body.push(list, h('div', { class: 'actions' }, next));
    focus = next;
  } else if (step.type === 'recallAnswer') {
    body.push(...prompt(step.item));
    body.push(
      h(
        'section',
        { class: 'model', 'aria-label': 'Model answer' },
        h('h3', {}, 'Model answer'),
        h('p', {}, step.answer),
        step.why ? h('p', { class: 'muted' }, step.why) : null,
      ),
    );
    body.push(h('p', {}, 'How well did you know it?'));
    const row = h('div', { class: 'actions grades', role: 'group', 'aria-label': 'Grade your answer' });
    grades.forEach((g, i) => {
      const b = button(`${i + 1} ${g.label}`, `grade-${g.grade}`, () => send({ type: 'grade', grade: g.grade }), {
        title: g.hint,
        secondary: g.grade !== 'good',
      });
      keys[String(i + 1)] = () => b.click();
      row.append(b);
      if (g.grade === 'good') focus = b;
    });
    body.push(row, h('p', { class: 'muted keys' }, 'Press 1 Again, 2 Hard, 3 Good or 4 Easy.'));
  } else {
    body.push(...summary(view, step));
  }

  // A redraw of the same screen (a count changed) keeps focus where it was; a new screen moves it.
  const screen = `${view.mode}:${view.title}:${view.index}:${step.type}`;
  const focusKey = screen === lastScreen ? (document.activeElement as HTMLElement | null)?.dataset?.key : undefined;
  app.replaceChildren(...body.filter((x): x is HTMLElement => x !== null));
  if (focusKey) {
    (app.querySelector(`[data-key="${CSS.escape(focusKey)}"]`) as HTMLElement | null)?.focus();
  } else if (screen !== lastScreen) {
    // A choice starts on its question, not an option: a held or repeated Enter must not answer it.
    if (step.type === 'question' && step.options.length > 0) focus = document.getElementById('prompt') ?? undefined;
    focus ??= app.querySelector<HTMLElement>('.actions [data-key]') ?? undefined;
    focus?.focus();
    focusTarget = focus;
  }
  lastScreen = screen;
}

let lastScreen = '';
/** Where focus belongs on this screen; given back when the page regains focus with nothing focused. */
let focusTarget: HTMLElement | undefined;
window.addEventListener('focus', () => {
  if ((document.activeElement === document.body || !document.activeElement) && focusTarget?.isConnected) focusTarget.focus();
});

function summary(view: QuizView, step: Extract<QuizView['step'], { type: 'summary' }>): HTMLElement[] {
  const out: HTMLElement[] = [];
  const verdict =
    view.mode === 'topic'
      ? step.passed
        ? `Passed: ${step.correct} of ${step.total} (${step.percent}%). The topic counts as verified once its exercises pass too.`
        : `${step.correct} of ${step.total} (${step.percent}%). ${passPercent}% passes; the cards you missed come back for review soon.`
      : view.mode === 'placement'
        ? `${step.correct} of ${step.total} right. Topics you knew are marked done and scheduled for review, so they stay known.`
        : `Reviewed ${step.total} card${step.total === 1 ? '' : 's'}; ${step.correct} recalled.`;
  out.push(h('p', { class: `verdict ${step.passed === false ? 'wrong' : 'right'}`, role: 'status', 'data-testid': 'summary' }, verdict));
  if (step.known.length > 0) {
    out.push(
      h('h2', {}, 'You already know'),
      h(
        'ul',
        { class: 'topics', 'data-testid': 'known' },
        ...step.known.map((t) => h('li', {}, icon('pass-filled'), ' ', topicLink(t.id, t.title))),
      ),
    );
  }
  if (step.toLearn.length > 0) {
    out.push(
      h('h2', {}, 'Worth learning'),
      h(
        'ul',
        { class: 'topics', 'data-testid': 'to-learn' },
        ...step.toLearn.map((t) => h('li', {}, icon('circle-large-outline'), ' ', topicLink(t.id, t.title))),
      ),
    );
  }
  const actions = h('div', { class: 'actions' });
  if (view.dueToday > 0 && view.mode !== 'review') {
    actions.append(
      button(`Review ${view.dueToday} due card${view.dueToday === 1 ? '' : 's'}`, 'review', () => send({ type: 'startReview' })),
    );
  }
  actions.append(
    button(
      view.mode === 'review' ? (view.dueToday > 0 ? `Review ${view.dueToday} more` : 'Check for more') : 'Try again',
      'retry',
      () => send({ type: 'retry' }),
      { secondary: true },
    ),
  );
  out.push(actions);
  return out;
}

function renderEmpty(view: { title: string; message: string; nextDue?: string }): void {
  keys = {};
  const next = view.nextDue ? new Date(view.nextDue) : undefined;
  app.replaceChildren(
    h('h1', {}, view.title),
    h('p', { role: 'status', 'data-testid': 'empty' }, view.message),
    next ? h('p', { class: 'muted' }, `The next card is due ${next.toLocaleString()}.`) : '',
  );
}

document.addEventListener('keydown', (e) => {
  // A held key repeats: one answer per press.
  if (e.altKey || e.ctrlKey || e.metaKey || e.repeat) return;
  const target = e.target as HTMLElement | null;
  // Enter or Space on a focused control is that control's own click; the shortcut is for anywhere else.
  if ((e.key === 'Enter' || e.key === ' ') && target?.closest('button, vscode-button, a')) return;
  const action = keys[e.key];
  if (!action) return;
  e.preventDefault();
  action();
});

const host = connectToHost(quizProtocol, (message: QuizHostMessage) => {
  if (message.type === 'showQuiz') render(message.view);
  else renderEmpty(message.view);
});
