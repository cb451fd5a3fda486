// Dashboard webview. Everything from the roadmap is set as textContent: no YAML text becomes HTML.
// Charts are inline SVG built with createElementNS and coloured by CSS classes (theme variables only).
import '@vscode-elements/elements/dist/vscode-divider/index.js';
import { dashboardProtocol } from '../../src/features/dashboard/protocol';
import type { DashboardHostMessage, DashboardPageMessage, DashboardView } from '../../src/features/dashboard/protocol';
import type { ReadyMessage } from '../../src/platform/webview/protocol';
import { h, icon, s } from '../shared/dom';
import { connectToHost } from '../shared/host';

const app = document.getElementById('app') as HTMLElement;

function send(message: Exclude<DashboardPageMessage, ReadyMessage>): void {
  host.send(message);
}

// ---- formatting -------------------------------------------------------------------------------

const clampPercent = (n: number): number => Math.min(100, Math.max(0, Number.isFinite(n) ? n : 0));
const count = (n: number): number => Math.max(0, Math.round(Number.isFinite(n) ? n : 0));
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Hours as people say them: whole hours, one decimal only below ten. */
function hours(n: number): string {
  const v = Math.max(0, Number.isFinite(n) ? n : 0);
  return `${v >= 10 || Number.isInteger(v) ? Math.round(v) : Math.round(v * 10) / 10} h`;
}

const shortDate = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** `weekStart` is a UTC Monday as YYYY-MM-DD; anything else is shown as given. */
function weekLabel(weekStart: string): string {
  const t = Date.parse(`${weekStart}T00:00:00Z`);
  return Number.isNaN(t) ? weekStart : shortDate.format(t);
}

// ---- header -----------------------------------------------------------------------------------

function header(view: DashboardView): HTMLElement {
  const percent = Math.round(clampPercent(view.percent));
  const done = count(view.done);
  const counted = count(view.counted);
  return h(
    'header',
    { class: 'dash-header' },
    h('p', { class: 'muted eyebrow' }, 'Dashboard'),
    h('h1', {}, view.roadmapTitle),
    h(
      'div',
      { class: 'stats' },
      h(
        'p',
        { class: 'stat', 'data-stat': 'percent' },
        icon('pass-filled'),
        ' ',
        h('strong', {}, `${percent}% done`),
        h('span', { class: 'muted' }, ` — ${done} of ${plural(counted, 'topic')}`),
      ),
      h(
        'p',
        { class: 'stat', 'data-stat': 'verified' },
        icon('verified-filled'),
        ' ',
        h('strong', {}, `${Math.round(clampPercent(view.verifiedPercent))}% verified`),
        h('span', { class: 'muted' }, ` — ${count(view.verified)} of ${plural(counted, 'topic')}: exercises pass and quiz passed`),
      ),
      h(
        'p',
        { class: 'stat', 'data-stat': 'hours' },
        icon('watch'),
        ' ',
        h('strong', {}, `About ${hours(view.hoursLeft)} left`),
        h('span', { class: 'muted' }, ` of ${hours(view.hoursTotal)}`),
      ),
    ),
    overallBar(percent, `${view.roadmapTitle}: ${percent}% done, ${done} of ${plural(counted, 'topic')}`),
  );
}

function overallBar(percent: number, label: string): SVGElement {
  return s(
    'svg',
    { class: 'bar overall', width: '100%', height: 6, role: 'img', 'aria-label': label, 'data-chart': 'overall' },
    s('rect', { class: 'track', x: 0, y: 0, width: '100%', height: 6, rx: 3 }),
    percent > 0 && s('rect', { class: 'fill-done', x: 0, y: 0, width: `${percent}%`, height: 6, rx: 3, 'data-percent': percent }),
  );
}

// ---- progress by phase ------------------------------------------------------------------------

const ROW = 38; // px per phase: a text line, then the bar
const BAR_Y = 21;
const BAR_H = 6;

function phaseChart(view: DashboardView): HTMLElement {
  if (view.phases.length === 0) return h('p', { class: 'muted' }, 'This roadmap has no phases.');
  const svg = s('svg', {
    class: 'phases',
    width: '100%',
    height: view.phases.length * ROW - (ROW - BAR_Y - BAR_H),
    'data-chart': 'phases',
  });
  view.phases.forEach((phase, i) => {
    const done = count(phase.done);
    const counted = count(phase.counted);
    const inProgress = count(phase.inProgress);
    const percent = Math.round(clampPercent(phase.percent));
    // The lighter in-progress part follows the done part and never runs past the track.
    const progressPercent = counted > 0 ? Math.min(100 - percent, (inProgress / counted) * 100) : 0;
    const verified = count(phase.verified);
    const label = `${phase.title}: ${done} of ${plural(counted, 'topic')} done${verified ? `, ${verified} verified` : ''}`;
    const tip = label + (inProgress > 0 ? `, ${inProgress} in progress` : '');
    const y = i * ROW;
    const title = s('text', { class: 'label', x: 0, y: y + 14 }, phase.title);
    const g = s(
      'g',
      { class: 'phase-bar', 'data-phase': phase.id, role: 'img', 'aria-label': label },
      s('title', {}, tip),
      title,
      s(
        'text',
        { class: 'value', x: '100%', y: y + 14, 'text-anchor': 'end' },
        s('tspan', { class: 'count' }, `${done}/${counted}`),
        s('tspan', { class: 'pct', dx: 8 }, `${percent}%`),
        verified > 0 && s('tspan', { class: 'pct verified', dx: 8, 'data-verified': verified }, `${verified} verified`),
      ),
      s('rect', { class: 'track', x: 0, y: y + BAR_Y, width: '100%', height: BAR_H, rx: BAR_H / 2 }),
      // Drawn from the left edge under the done part, so both ends keep the track's rounding.
      progressPercent > 0 &&
        s('rect', {
          class: 'fill-progress',
          x: 0,
          y: y + BAR_Y,
          width: `${percent + progressPercent}%`,
          height: BAR_H,
          rx: BAR_H / 2,
          'data-in-progress': inProgress,
        }),
      s('rect', {
        class: 'fill-done',
        x: 0,
        y: y + BAR_Y,
        width: `${percent}%`,
        height: BAR_H,
        rx: percent > 0 ? BAR_H / 2 : 0,
        'data-percent': percent,
      }),
    );
    svg.append(g);
  });
  return h('div', { class: 'chart' }, svg);
}

/** SVG text does not wrap or ellipsize: shorten phase titles that would run into their counts. */
function fitPhaseLabels(): void {
  const svg = app.querySelector<SVGSVGElement>('svg.phases');
  if (!svg) return;
  const width = svg.getBoundingClientRect().width;
  if (width <= 0) return;
  for (const g of svg.querySelectorAll<SVGGElement>('g.phase-bar')) {
    const label = g.querySelector<SVGTextElement>('text.label');
    const value = g.querySelector<SVGTextElement>('text.value');
    if (!label || !value) continue;
    const full = label.dataset.full ?? label.textContent ?? '';
    label.dataset.full = full;
    label.textContent = full;
    const room = width - value.getComputedTextLength() - 16;
    let text = full;
    while (text.length > 1 && label.getComputedTextLength() > room) {
      text = text.slice(0, -1);
      label.textContent = `${text.trimEnd()}…`;
    }
  }
}

// ---- weekly activity --------------------------------------------------------------------------

const CHART_H = 150;
const PAD = { top: 10, right: 4, bottom: 22, left: 28 };

/** A round step so the axis has at most four gridlines above zero. */
function niceMax(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 4, step: 1 };
  const raw = max / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * mag).find((v) => v >= raw) ?? 10 * mag);
  return { top: Math.ceil(max / step) * step, step };
}

function weeklySummary(view: DashboardView): { total: number; text: string; label: string } {
  const weeks = view.weeks;
  const totals = weeks.map((w) => count(w.topicsDone) + count(w.exercisesPassed));
  const total = totals.reduce((a, b) => a + b, 0);
  const topics = weeks.reduce((a, w) => a + count(w.topicsDone), 0);
  const exercises = total - topics;
  const span = `the last ${plural(weeks.length, 'week')}`;
  if (total === 0) {
    return { total, text: 'No completions yet', label: `Weekly completions over ${span}: no completions yet` };
  }
  let best = 0;
  totals.forEach((t, i) => {
    if (t > (totals[best] ?? 0)) best = i;
  });
  const bestWeek = weeks[best];
  const text = `${plural(total, 'completion')} in ${span}`;
  const label =
    `Weekly completions over ${span}: ${total} in all (${plural(topics, 'topic')} done, ${plural(exercises, 'exercise')} passed)` +
    (bestWeek ? `; most in the week of ${weekLabel(bestWeek.weekStart)} with ${totals[best]}` : '');
  return { total, text, label };
}

function weeklyChart(view: DashboardView, width: number): SVGElement {
  const weeks = view.weeks;
  const { label } = weeklySummary(view);
  const plotW = Math.max(40, width - PAD.left - PAD.right);
  const plotH = CHART_H - PAD.top - PAD.bottom;
  const totals = weeks.map((w) => count(w.topicsDone) + count(w.exercisesPassed));
  const { top, step } = niceMax(Math.max(0, ...totals));
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const slot = weeks.length > 0 ? plotW / weeks.length : plotW;
  const barW = Math.max(2, Math.min(36, slot * 0.62));

  const svg = s(
    'svg',
    {
      class: 'weekly',
      width,
      height: CHART_H,
      viewBox: `0 0 ${width} ${CHART_H}`,
      role: 'img',
      'aria-label': label,
      'data-chart': 'weekly',
    },
    s('title', {}, label),
  );

  const grid = s('g', { class: 'grid', 'aria-hidden': 'true' });
  for (let v = step; v <= top; v += step) {
    grid.append(
      s('line', { class: 'gridline', x1: PAD.left, x2: PAD.left + plotW, y1: y(v), y2: y(v) }),
      s('text', { class: 'tick', x: PAD.left - 6, y: y(v), 'text-anchor': 'end', 'dominant-baseline': 'middle' }, String(v)),
    );
  }
  grid.append(s('text', { class: 'tick', x: PAD.left - 6, y: y(0), 'text-anchor': 'end', 'dominant-baseline': 'middle' }, '0'));
  svg.append(grid);

  // Label at most six weeks, and none closer than 52 px, counted back from the newest so the
  // current week always has one.
  const every = Math.max(1, Math.ceil(weeks.length / 6), Math.ceil(52 / slot));
  const columns = s('g', { class: 'columns' });
  weeks.forEach((w, i) => {
    const topics = count(w.topicsDone);
    const exercises = count(w.exercisesPassed);
    const cx = PAD.left + slot * i + slot / 2;
    const x = cx - barW / 2;
    const tip = `Week of ${weekLabel(w.weekStart)}: ${plural(topics, 'topic')} done, ${plural(exercises, 'exercise')} passed`;
    const col = s('g', { class: 'week', 'data-week': w.weekStart, 'data-total': topics + exercises }, s('title', {}, tip));
    // A full-height hit area so the tooltip works on empty weeks too.
    col.append(s('rect', { class: 'hit', x: PAD.left + slot * i, y: PAD.top, width: slot, height: plotH }));
    if (topics > 0)
      col.append(s('rect', { class: 'seg-topics', x, y: y(topics), width: barW, height: y(0) - y(topics), 'data-value': topics }));
    if (exercises > 0) {
      col.append(
        s('rect', {
          class: 'seg-exercises',
          x,
          y: y(topics + exercises),
          width: barW,
          height: y(topics) - y(topics + exercises),
          'data-value': exercises,
        }),
      );
    }
    if ((weeks.length - 1 - i) % every === 0) {
      col.append(s('text', { class: 'tick', x: cx, y: CHART_H - 6, 'text-anchor': 'middle' }, weekLabel(w.weekStart)));
    }
    columns.append(col);
  });
  svg.append(columns);
  svg.append(s('line', { class: 'axis', x1: PAD.left, x2: PAD.left + plotW, y1: y(0), y2: y(0), 'aria-hidden': 'true' }));
  if (totals.every((t) => t === 0)) {
    svg.append(
      s(
        'text',
        {
          class: 'empty',
          x: PAD.left + plotW / 2,
          y: PAD.top + plotH * 0.375,
          'text-anchor': 'middle',
          'dominant-baseline': 'middle',
          'aria-hidden': 'true',
        },
        'No completions yet',
      ),
    );
  }
  return svg;
}

function weeklySection(view: DashboardView): HTMLElement {
  const { text } = weeklySummary(view);
  // Drawn by redrawWeekly once the holder is in the page and has a width.
  const holder = h('div', { class: 'chart', 'data-holder': 'weekly' });
  return h(
    'div',
    {},
    h(
      'div',
      { class: 'legend', 'aria-hidden': 'true' },
      h('span', {}, h('span', { class: 'swatch seg-topics' }), 'Topics done'),
      h('span', {}, h('span', { class: 'swatch seg-exercises' }), 'Exercises passed'),
    ),
    holder,
    h('p', { class: 'muted fallback', 'data-summary': 'weekly' }, text),
  );
}

/** The weekly chart is drawn in pixels (its text must not scale), so it follows the page width. */
function chartWidth(): number {
  const w = app.querySelector<HTMLElement>('[data-holder="weekly"]')?.clientWidth ?? app.clientWidth;
  return w > 0 ? Math.floor(w) : 600;
}

// ---- next up ----------------------------------------------------------------------------------

function nextUpList(view: DashboardView): HTMLElement {
  if (view.nextUp.length === 0) return h('p', { class: 'muted', 'data-empty': 'next-up' }, 'Nothing left to suggest');
  return h(
    'ol',
    { class: 'plain next-up' },
    ...view.nextUp.map((item) => {
      const link = h(
        'button',
        { class: 'link', type: 'button', 'data-key': `next-${item.id}`, 'data-topic': item.id },
        icon('arrow-right'),
        ' ',
        item.title,
      );
      link.addEventListener('click', () => send({ type: 'openTopic', topicId: item.id }));
      return h('li', {}, link, h('span', { class: 'muted reason' }, ` — ${item.reason}`));
    }),
  );
}

// ---- page -------------------------------------------------------------------------------------

let current: DashboardView | undefined;
/** The width the weekly chart was last drawn at; -1 forces a redraw. */
let drawnWidth = -1;

// ---- review ------------------------------------------------------------------------------------

function dayLabel(day: string, i: number): string {
  if (i === 0) return 'Today';
  if (i === 1) return 'Tomorrow';
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 2000, (m ?? 1) - 1, d ?? 1).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
}

function reviewSection(view: DashboardView): HTMLElement {
  const r = view.review;
  const rate = r.retention === null ? undefined : Math.round(clampPercent(r.retention * 100));
  const stats = h(
    'div',
    { class: 'stats' },
    h(
      'p',
      { class: 'stat', 'data-stat': 'due' },
      icon('mortar-board'),
      ' ',
      h('strong', {}, `${count(r.dueToday)} due today`),
      h('span', { class: 'muted' }, ` — ${plural(count(r.cards), 'card')} in all`),
    ),
    h(
      'p',
      { class: 'stat', 'data-stat': 'retention' },
      icon('graph-line'),
      ' ',
      h('strong', {}, rate === undefined ? 'Retention: no reviews yet' : `${rate}% retention`),
      h(
        'span',
        { class: 'muted' },
        rate === undefined
          ? ' — answer cards again when they fall due'
          : ` — ${plural(count(r.reviews), 'review')} of learned cards in 30 days`,
      ),
    ),
  );
  if (r.cards === 0) {
    return h(
      'div',
      {},
      stats,
      h(
        'p',
        { class: 'muted' },
        'Take a topic quiz or a placement check, or write Q:/A: lines in your notes: answered questions become review cards.',
      ),
    );
  }
  const max = Math.max(1, ...r.forecast.map((f) => count(f.due)));
  const rows = r.forecast.map((f, i) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, dayLabel(f.day, i)),
      h('td', { class: 'num' }, String(count(f.due))),
      h(
        'td',
        { class: 'bar', 'aria-hidden': 'true' },
        h('span', { class: 'fill-done', 'data-width': Math.round((count(f.due) / max) * 100) }),
      ),
    ),
  );
  const table = h(
    'table',
    { class: 'forecast', 'data-testid': 'forecast' },
    h('caption', { class: 'muted' }, 'Reviews due in the next 14 days'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Day'), h('th', { scope: 'col' }, 'Cards'), h('td', {}))),
    h('tbody', {}, ...rows),
  );
  // Widths are set through CSSOM (the CSP allows no inline style attributes).
  for (const bar of table.querySelectorAll<HTMLElement>('[data-width]')) bar.style.width = `${bar.dataset.width ?? 0}%`;
  return h('div', {}, stats, table);
}

function render(view: DashboardView): void {
  // Re-rendering replaces nodes, so remember which control had focus and give it back.
  const focusKey = (document.activeElement as HTMLElement | null)?.dataset?.key;
  current = view;

  const legendPhases = h(
    'div',
    { class: 'legend', 'aria-hidden': 'true' },
    h('span', {}, h('span', { class: 'swatch fill-done' }), 'Done'),
    h('span', {}, h('span', { class: 'swatch fill-progress' }), 'In progress'),
  );

  const page = h(
    'article',
    { class: 'dashboard' },
    header(view),
    h('vscode-divider', {}),
    h('section', { 'aria-labelledby': 'phases-h' }, h('h2', { id: 'phases-h' }, 'Progress by phase'), legendPhases, phaseChart(view)),
    h('section', { 'aria-labelledby': 'review-h' }, h('h2', { id: 'review-h' }, 'Review'), reviewSection(view)),
    h('section', { 'aria-labelledby': 'weekly-h' }, h('h2', { id: 'weekly-h' }, 'Weekly activity'), weeklySection(view)),
    h('section', { 'aria-labelledby': 'next-h' }, h('h2', { id: 'next-h' }, 'Next up'), nextUpList(view)),
  );
  app.replaceChildren(page);
  drawnWidth = -1;
  redrawWeekly();
  fitPhaseLabels();

  if (focusKey) (app.querySelector(`[data-key="${CSS.escape(focusKey)}"]`) as HTMLElement | null)?.focus();
}

function redrawWeekly(): void {
  const holder = app.querySelector<HTMLElement>('[data-holder="weekly"]');
  if (!holder || !current) return;
  const width = chartWidth();
  if (width === drawnWidth) return;
  drawnWidth = width;
  holder.replaceChildren(weeklyChart(current, width));
}

// A hidden panel has no width; draw again once it is shown, and whenever it is resized.
new ResizeObserver(() => {
  redrawWeekly();
  fitPhaseLabels();
}).observe(app);

function receive(message: DashboardHostMessage): void {
  switch (message.type) {
    case 'showDashboard':
      render(message.view);
      break;
  }
}

const host = connectToHost(dashboardProtocol, receive);
