// Topic webview. Everything from the roadmap is set as textContent: no YAML text becomes HTML.
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-divider/index.js';
import { topicProtocol } from '../../src/features/topic/protocol';
import type { CheckView, TopicHostMessage, TopicPageMessage, TopicView } from '../../src/features/topic/protocol';
import type { ReadyMessage } from '../../src/platform/webview/protocol';
import { compareAfterFailedChecks, QUIZ_PASS_SHARE } from '../../src/domain/progress/progress';
import { statusLabels } from '../../src/domain/progress/status';
import type { TopicStatus } from '../../src/domain/progress/status';
import { h, icon } from '../shared/dom';

const passPercent = Math.round(QUIZ_PASS_SHARE * 100);
import { connectToHost } from '../shared/host';

const app = document.getElementById('app') as HTMLElement;

const statusIcon: Record<TopicStatus, string> = {
  notStarted: 'circle-large-outline',
  inProgress: 'circle-large-filled',
  done: 'pass-filled',
  skipped: 'debug-step-over',
};

const resourceIcon: Record<string, string> = {
  docs: 'book',
  article: 'file-text',
  video: 'device-camera-video',
  course: 'mortar-board',
  book: 'book',
  tool: 'tools',
};

function send(message: Exclude<TopicPageMessage, ReadyMessage>): void {
  host.send(message);
}

function render(topic: TopicView): void {
  // Re-rendering replaces nodes, so remember which control had focus and give it back.
  const focusKey = (document.activeElement as HTMLElement | null)?.dataset?.key;

  const checkedCount = topic.checklist.filter((i) => i.checked).length;
  const statusButtons = (['inProgress', 'done', 'skipped', 'notStarted'] as const)
    .filter((s) => s !== topic.status)
    .map((s) => {
      const b = h(
        'vscode-button',
        { secondary: s !== 'done', 'data-key': `status-${s}` },
        s === 'notStarted' ? 'Reset to not started' : `Mark ${statusLabels[s].toLowerCase()}`,
      );
      b.addEventListener('click', () => send({ type: 'setStatus', topicId: topic.id, status: s }));
      return b;
    });

  const checklist = topic.checklist.map((item) => {
    const box = h('vscode-checkbox', { checked: item.checked, 'data-key': `item-${item.id}`, 'data-item': item.id }, item.text);
    box.addEventListener('change', () => {
      send({ type: 'toggleItem', topicId: topic.id, itemId: item.id, checked: (box as HTMLInputElement).checked });
    });
    return h('li', {}, box);
  });

  const resources = topic.resources.map((r, index) => {
    const link = h(
      'button',
      { class: 'link', type: 'button', title: r.url, 'data-key': `resource-${index}` },
      icon(resourceIcon[r.type] ?? 'link-external'),
      ' ',
      r.title,
    );
    link.addEventListener('click', () => send({ type: 'openResource', topicId: topic.id, index }));
    return h('li', {}, link, ' ', h('span', { class: 'muted' }, `(${r.type})`));
  });

  const prerequisites = topic.prerequisites.map((p) => {
    const link = h('button', { class: 'link', type: 'button', 'data-key': `pre-${p.id}` }, icon(statusIcon[p.status]), ' ', p.title);
    link.addEventListener('click', () => send({ type: 'openTopic', topicId: p.id }));
    return h('li', {}, link, ' ', h('span', { class: 'muted' }, `— ${statusLabels[p.status].toLowerCase()}`));
  });

  const exercises = topic.exercises.map((ex) => {
    const scaffold = h('vscode-button', { secondary: ex.scaffolded, 'data-key': `scaffold-${ex.id}`, 'data-exercise': ex.id }, 'Scaffold');
    scaffold.addEventListener('click', () => send({ type: 'scaffold', topicId: topic.id, exerciseId: ex.id }));
    const running = ex.check?.running === true;
    const check = h(
      'vscode-button',
      {
        'data-key': `check-${ex.id}`,
        'data-check': ex.id,
        secondary: !ex.scaffolded,
        disabled: running || !ex.canCheck || !ex.scaffolded,
        title: !ex.canCheck ? 'Checks are off in Restricted Mode' : !ex.scaffolded ? 'Scaffold the exercise first' : 'Run its tests',
      },
      running ? 'Checking…' : 'Check',
    );
    check.addEventListener('click', () => send({ type: 'check', exerciseId: ex.id }));
    return h(
      'li',
      { class: 'exercise', 'data-exercise-item': ex.id },
      h(
        'div',
        { class: 'exercise-head' },
        h(
          'div',
          {},
          h('strong', {}, ex.title),
          ex.passed ? h('span', { class: 'passed' }, ' ', icon('pass-filled'), ' passed') : null,
          h('p', { class: 'muted' }, ex.description),
        ),
        h('div', { class: 'exercise-actions' }, scaffold, check),
      ),
      ex.milestones && milestoneList(ex.id, ex.milestones),
      ex.spec && ex.spec.length > 0 && specList(ex.id, ex.spec),
      ex.check && checkResults(ex.id, ex.check),
      solutionRow(ex),
    );
  });

  const quizButton = h(
    'vscode-button',
    { 'data-key': 'quiz', secondary: topic.quiz.passed, disabled: topic.quiz.questions === 0 },
    topic.quiz.passed ? 'Take the quiz again' : 'Take the quiz',
  );
  quizButton.addEventListener('click', () => send({ type: 'takeQuiz', topicId: topic.id }));
  const best = topic.quiz.best === undefined ? undefined : Math.round(topic.quiz.best * 100);
  const quiz = h(
    'section',
    { 'aria-labelledby': 'quiz-h', class: 'quiz' },
    h('h2', { id: 'quiz-h' }, 'Check yourself'),
    h(
      'p',
      { 'data-quiz': topic.quiz.verified ? 'verified' : topic.quiz.passed ? 'passed' : best === undefined ? 'new' : 'tried' },
      topic.quiz.questions === 0
        ? h('span', { class: 'muted' }, 'No quiz questions on this topic yet.')
        : best === undefined
          ? `${topic.quiz.questions} questions. Pass with ${passPercent}% or more; ${topic.exercises.length > 0 ? 'with the exercises passing, the topic is then verified' : 'the topic is then verified'}. Every question you answer comes back for spaced review.`
          : topic.quiz.verified
            ? h('span', {}, icon('verified-filled'), ` Verified: best score ${best}%.`)
            : topic.quiz.passed
              ? `Quiz passed (best ${best}%). Pass the exercises too to verify the topic.`
              : `Best score so far ${best}%; ${passPercent}% passes.`,
      topic.quiz.due > 0 ? h('span', { class: 'muted' }, ` ${topic.quiz.due} of its cards are due for review today.`) : null,
    ),
    quizButton,
  );

  const notesButton = h(
    'vscode-button',
    { secondary: true, 'data-key': 'notes', 'data-notes': topic.notes.exists ? 'open' : 'create' },
    topic.notes.exists ? 'Open notes' : 'Start notes',
  );
  notesButton.addEventListener('click', () => send({ type: 'openNotes', topicId: topic.id }));
  const notes = h(
    'section',
    { 'aria-labelledby': 'notes-h', class: 'notes' },
    h('h2', { id: 'notes-h' }, 'Your notes'),
    topic.notes.exists
      ? h('p', { 'data-notes-excerpt': '' }, topic.notes.excerpt || h('span', { class: 'muted' }, 'Empty so far.'))
      : h('p', { class: 'muted' }, `No notes yet. They go in ${topic.notes.path || 'the workspace'}, a Markdown file you own.`),
    notesButton,
  );

  const page = h(
    'article',
    { 'data-topic': topic.id },
    h(
      'header',
      {},
      h('p', { class: 'muted phase' }, topic.phaseTitle),
      h('h1', {}, topic.title),
      h(
        'p',
        { class: 'meta' },
        h('vscode-badge', { variant: 'counter', 'data-status': topic.status }, statusLabels[topic.status]),
        topic.quiz.verified ? h('span', { class: 'verified', 'data-verified': '' }, icon('verified-filled'), ' Verified') : null,
        h('span', { class: 'muted' }, ` About ${topic.estimatedHours} h`),
      ),
    ),
    h('p', { class: 'summary' }, topic.summary),
    h('section', { 'aria-labelledby': 'why-h' }, h('h2', { id: 'why-h' }, 'Why it matters'), h('p', {}, topic.why)),
    h('div', { class: 'actions', role: 'group', 'aria-label': 'Topic status' }, ...statusButtons),
    topic.language && languageChoice(topic.language),
    h('vscode-divider', {}),
    h(
      'section',
      { 'aria-labelledby': 'checklist-h' },
      h(
        'h2',
        { id: 'checklist-h' },
        `Checklist `,
        h('span', { class: 'muted', 'data-count': 'checklist' }, `${checkedCount}/${topic.checklist.length}`),
      ),
      h('ul', { class: 'checklist' }, ...checklist),
    ),
    prerequisites.length > 0 &&
      h('section', { 'aria-labelledby': 'pre-h' }, h('h2', { id: 'pre-h' }, 'Before this'), h('ul', { class: 'plain' }, ...prerequisites)),
    h('section', { 'aria-labelledby': 'res-h' }, h('h2', { id: 'res-h' }, 'Resources'), h('ul', { class: 'plain' }, ...resources)),
    exercises.length > 0 &&
      h('section', { 'aria-labelledby': 'ex-h' }, h('h2', { id: 'ex-h' }, 'Exercises'), h('ul', { class: 'plain' }, ...exercises)),
    topic.practisedIn && topic.practisedIn.length > 0 && practisedIn(topic.practisedIn),
    quiz,
    notes,
  );
  app.replaceChildren(page);

  if (focusKey) (app.querySelector(`[data-key="${CSS.escape(focusKey)}"]`) as HTMLElement | null)?.focus();
}

const milestoneIcon = { passed: 'pass-filled', next: 'circle-large-filled', ahead: 'circle-large-outline' } as const;
const milestoneWords = { passed: 'passes', next: 'next to build', ahead: 'not reached yet' } as const;

/** A project's milestones, in order, each with its state and the topics it practises. */
function milestoneList(exerciseId: string, milestones: NonNullable<TopicView['exercises'][number]['milestones']>): HTMLElement {
  const passed = milestones.filter((m) => m.status === 'passed').length;
  return h(
    'div',
    { class: 'milestones', 'data-milestones': exerciseId },
    h(
      'p',
      { class: 'muted' },
      `Milestones: ${passed} of ${milestones.length} pass. Each check runs every milestone's spec, so earlier ones keep passing.`,
    ),
    h(
      'ol',
      {},
      ...milestones.map((m) =>
        h(
          'li',
          { 'data-milestone-status': m.status },
          icon(milestoneIcon[m.status]),
          ' ',
          m.title,
          ' ',
          h('span', { class: 'muted' }, `— ${milestoneWords[m.status]}; practises ${m.topics.join(', ')}`),
        ),
      ),
    ),
  );
}

/** Project milestones that practise this topic, each a link to the page the project lives on. */
function practisedIn(items: NonNullable<TopicView['practisedIn']>): HTMLElement {
  const rows = items.map((p) => {
    const link = h(
      'button',
      { class: 'link', type: 'button', 'data-key': `practised-${p.topicId}-${p.milestone}` },
      icon(milestoneIcon[p.status]),
      ' ',
      `${p.project}, milestone ${p.milestone} of ${p.total}: ${p.title}`,
    );
    link.addEventListener('click', () => send({ type: 'openTopic', topicId: p.topicId }));
    return h('li', {}, link, ' ', h('span', { class: 'muted' }, `— ${milestoneWords[p.status]}`));
  });
  return h(
    'section',
    { 'aria-labelledby': 'practised-h' },
    h('h2', { id: 'practised-h' }, 'Practised in projects'),
    h('ul', { class: 'plain' }, ...rows),
  );
}

/** On the topic about choosing a language: the four exercise languages, the learner's pressed. */
function languageChoice(language: NonNullable<TopicView['language']>): HTMLElement {
  const current = language.options.find((o) => o.id === language.current);
  const buttons = language.options.map((o) => {
    const button = h(
      'vscode-button',
      {
        secondary: o.id !== language.current,
        'aria-pressed': String(o.id === language.current),
        'data-key': `language-${o.id}`,
        'data-language': o.id,
        title: o.needs,
      },
      `${o.label} (${o.exercises}/${language.total})`,
    );
    button.addEventListener('click', () => send({ type: 'setExerciseLanguage', language: o.id }));
    return button;
  });
  return h(
    'section',
    { 'aria-labelledby': 'lang-h', class: 'language' },
    h('h2', { id: 'lang-h' }, 'Your exercise language'),
    h(
      'p',
      {},
      'Exercises are scaffolded in this language where they have it, and one behavioural spec checks every language the same way.',
    ),
    h('div', { class: 'actions', role: 'group', 'aria-label': 'Exercise language' }, ...buttons),
    current ? h('p', { class: 'muted', 'data-language-needs': '' }, current.needs) : null,
  );
}

/** Exercises whose "What is checked" list the learner opened; a redraw keeps it open. */
const openSpecs = new Set<string>();

/** The behavioural spec's scenarios in plain words, and a way to read the spec itself. */
function specList(exerciseId: string, scenarios: string[]): HTMLElement {
  const open = h('button', { class: 'link', type: 'button', 'data-key': `spec-${exerciseId}` }, icon('file-code'), ' Open the spec');
  open.addEventListener('click', () => send({ type: 'openSpec', exerciseId }));
  const details = h(
    'details',
    { class: 'spec', 'data-spec': exerciseId, open: openSpecs.has(exerciseId) },
    h('summary', {}, `What is checked, in every language (${scenarios.length})`),
    h('ol', {}, ...scenarios.map((name) => h('li', {}, name))),
    open,
  );
  details.addEventListener('toggle', () => {
    if ((details as HTMLDetailsElement).open) openSpecs.add(exerciseId);
    else openSpecs.delete(exerciseId);
  });
  return details;
}

const testIcon: Record<CheckView['results'][number]['status'], string> = {
  passed: 'pass',
  failed: 'error',
  skipped: 'debug-step-over',
  todo: 'circle-large-outline',
};

/** The reference solution: a button once it is offered, else when it will be (after some failed checks). */
function solutionRow(ex: TopicView['exercises'][number]): HTMLElement | null {
  if (!ex.scaffolded) return null;
  if (ex.canCompare) {
    const compare = h(
      'button',
      { class: 'link', type: 'button', 'data-key': `compare-${ex.id}`, 'data-compare': ex.id },
      icon('diff'),
      ' Compare with the reference solution',
    );
    compare.addEventListener('click', () => send({ type: 'compareSolution', exerciseId: ex.id }));
    return h('p', { class: 'solution' }, compare);
  }
  if (ex.passed || ex.failedChecks === 0) return null;
  return h(
    'p',
    { class: 'solution muted', 'data-solution-after': ex.id },
    `The reference solution opens after a pass, or after ${compareAfterFailedChecks} failed checks (${ex.failedChecks} so far).`,
  );
}

/** A failed scenario's hints: those revealed, and a button for the next one. */
function hintsOf(exerciseId: string, r: CheckView['results'][number]): HTMLElement | null {
  const shown = r.hints ?? [];
  const left = r.hintsLeft ?? 0;
  if (r.status !== 'failed' || shown.length + left === 0) return null;
  const total = shown.length + left;
  const more =
    left > 0
      ? h(
          'button',
          { class: 'link', type: 'button', 'data-key': `hint-${exerciseId}-${r.name}`, 'data-hint-for': r.name },
          icon('lightbulb'),
          ` ${shown.length === 0 ? 'Show a hint' : 'Show another hint'} (${shown.length + 1} of ${total})`,
        )
      : null;
  more?.addEventListener('click', () => send({ type: 'revealHint', exerciseId, scenario: r.name }));
  return h(
    'div',
    { class: 'hints' },
    shown.length > 0 ? h('ol', { class: 'hint-list' }, ...shown.map((text) => h('li', { 'data-hint': '' }, text))) : null,
    more,
  );
}

/** The last check's per-test results; failures first, since they are what to work on. */
function checkResults(exerciseId: string, check: CheckView): HTMLElement | null {
  if (!check.outcome) return null;
  const order = { failed: 0, todo: 1, skipped: 2, passed: 3 } as const;
  const rows = [...check.results]
    .sort((a, b) => order[a.status] - order[b.status])
    .map((r) =>
      h(
        'li',
        { class: 'test', 'data-test-status': r.status },
        icon(testIcon[r.status]),
        ' ',
        h('span', {}, [...r.suite, r.name].join(' › ')),
        r.error ? h('pre', { class: 'error' }, r.error) : null,
        hintsOf(exerciseId, r),
      ),
    );
  return h(
    'div',
    { class: 'check', role: 'status', 'data-outcome': check.outcome },
    h('p', { class: `outcome ${check.outcome}` }, icon(check.outcome === 'passed' ? 'pass-filled' : 'error'), ' ', check.summary ?? ''),
    rows.length > 0 ? h('ul', { class: 'plain tests' }, ...rows) : null,
  );
}

function showMessage(text: string): void {
  app.replaceChildren(h('p', { class: 'muted' }, text));
}

function receive(message: TopicHostMessage): void {
  switch (message.type) {
    case 'showTopic':
      host.setState({ topicId: message.topic.id });
      render(message.topic);
      break;
    case 'missingTopic':
      showMessage(`The topic "${message.topicId}" is no longer in the roadmap. Pick another one from the Backend Roadmap view.`);
      break;
  }
}

const host = connectToHost(topicProtocol, receive);
const restoring = host.getState()?.topicId;
if (restoring) document.body.dataset.restoring = restoring;
