// Static checks of alerts/books-api.rules.yaml: its structure, and the shape of each PromQL expression
// (see lib.ts: read as text, not evaluated). Each test is one rule; its failure message starts with
// the rule's name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readRules, seconds, compact, checkBalanced, splitTop, unwrap, matchers, sumOfRate, type Rule, type RuleGroup, type SumOfRate } from './lib';

const ruleKeys = new Set(['alert', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations']);

function rules(): Rule[] {
  const groups = readRules()?.groups;
  assert.ok(Array.isArray(groups), '[structure] the file needs a top-level groups: list');
  const group = (groups as (RuleGroup | null)[]).find((g) => g?.name === 'books-api');
  assert.ok(group, '[structure] one group named books-api');
  assert.ok(Array.isArray(group.rules), '[structure] the group needs a rules: list');
  return group.rules as Rule[];
}

function alert(name: string): { rule: Rule; expr: string } {
  const rule = rules().find((r) => r?.alert === name);
  assert.ok(rule, `[${name}] there is no alert named ${name}`);
  const expr = compact(rule.expr);
  assert.ok(expr.length > 0, `[${name}] expr is empty`);
  assert.ok(checkBalanced(expr), `[${name}] expr has unbalanced brackets or quotes: ${rule.expr}`);
  return { rule, expr };
}

/** A status regex, as Prometheus anchors it, tried on a few codes. */
const statusMatches = (value: string, code: string) => new RegExp(`^(?:${value})$`).test(code);

test('[structure] exactly the three alerts, each with only the keys Prometheus knows', () => {
  const all = rules();
  assert.deepEqual(
    all.map((r) => r?.alert).sort(),
    ['BooksApiDown', 'BooksApiHighErrorRate', 'BooksApiHighLatency'],
    '[structure] the alerts are BooksApiHighErrorRate, BooksApiHighLatency and BooksApiDown',
  );
  for (const r of all) {
    const unknown = Object.keys(r).filter((k) => !ruleKeys.has(k));
    assert.deepEqual(
      unknown,
      [],
      `[structure] ${r.alert} has keys Prometheus does not know: ${unknown.join(', ')} (a typo is silently ignored by YAML, not by Prometheus)`,
    );
  }
});

test('[annotations] every alert has a severity, a summary, a description and its runbook link', () => {
  const severities: Record<string, string> = { BooksApiHighErrorRate: 'critical', BooksApiHighLatency: 'warning', BooksApiDown: 'critical' };
  for (const [name, severity] of Object.entries(severities)) {
    const { rule } = alert(name);
    assert.equal(rule.labels?.severity, severity, `[annotations] ${name} needs labels.severity: ${severity}`);
    for (const key of ['summary', 'description']) {
      const text = rule.annotations?.[key];
      assert.ok(typeof text === 'string' && text.trim() !== '', `[annotations] ${name} needs annotations.${key}`);
    }
    assert.equal(
      rule.annotations?.runbook_url,
      `https://runbooks.example.com/books-api/${name}`,
      `[annotations] ${name} needs annotations.runbook_url: https://runbooks.example.com/books-api/${name}`,
    );
  }
});

test('[for] each alert waits before it fires: 5m, 10m and 2m', () => {
  const waits: [string, number][] = [
    ['BooksApiHighErrorRate', 300],
    ['BooksApiHighLatency', 600],
    ['BooksApiDown', 120],
  ];
  for (const [name, want] of waits) {
    const { rule } = alert(name);
    assert.equal(
      seconds(rule.for),
      want,
      `[for] ${name} needs for: ${want / 60}m (got ${JSON.stringify(rule.for)}); without it one bad scrape pages someone`,
    );
  }
});

test('[BooksApiHighErrorRate] the 5xx share of request rates over 5 minutes, above 0.02', () => {
  const { rule, expr } = alert('BooksApiHighErrorRate');
  const compared = splitTop(expr, '>');
  assert.ok(
    compared && !compared[1].startsWith('=') && compared[1] === '0.02',
    `[BooksApiHighErrorRate] the expression should end with > 0.02 (a ratio from 0 to 1): ${rule.expr}`,
  );
  const divided = splitTop(unwrap(compared[0]), '/');
  assert.ok(divided, `[BooksApiHighErrorRate] the expression should divide the rate of 5xx responses by the rate of all responses: ${rule.expr}`);
  /** One side of the division: sum(rate(http_requests_total{job="books-api", …}[5m])). */
  const side = (text: string, which: string): SumOfRate => {
    const part = sumOfRate(text);
    assert.ok(
      part,
      `[BooksApiHighErrorRate] the ${which} should be sum(rate(http_requests_total{…}[5m])): counters only go up, so compare their per-second rates, never their raw values`,
    );
    assert.equal(part.metric, 'http_requests_total', `[BooksApiHighErrorRate] the ${which} reads http_requests_total`);
    assert.equal(part.range, '5m', `[BooksApiHighErrorRate] the ${which}'s rate is over [5m]`);
    assert.ok(
      part.matchers.some((m) => m.name === 'job' && m.op === '=' && m.value === 'books-api'),
      `[BooksApiHighErrorRate] the ${which} selects job="books-api"`,
    );
    return part;
  };
  const errors = side(divided[0], 'numerator');
  const all = side(divided[1], 'denominator');
  const status = errors.matchers.filter((m) => m.name === 'status');
  assert.ok(status.length === 1 && status[0].op === '=~', '[BooksApiHighErrorRate] the numerator selects the 5xx statuses with a regex: status=~"5.."');
  for (const code of ['500', '502', '503', '599'])
    assert.ok(statusMatches(status[0].value, code), `[BooksApiHighErrorRate] status=~"${status[0].value}" should match ${code}`);
  for (const code of ['200', '404', '429'])
    assert.ok(!statusMatches(status[0].value, code), `[BooksApiHighErrorRate] status=~"${status[0].value}" should not match ${code}`);
  assert.ok(!all.matchers.some((m) => m.name === 'status'), '[BooksApiHighErrorRate] the denominator counts every request: no status matcher');
  assert.deepEqual(errors.by, all.by, '[BooksApiHighErrorRate] sum both sides by the same labels (or none)');
});

test('[BooksApiHighLatency] the p95 from the histogram buckets, summed by le, above 0.4 seconds', () => {
  const { rule, expr } = alert('BooksApiHighLatency');
  const compared = splitTop(expr, '>');
  assert.ok(compared && compared[1] === '0.4', `[BooksApiHighLatency] the expression should end with > 0.4 (seconds, the histogram's unit): ${rule.expr}`);
  const m = /^histogram_quantile\(([\d.]+),(.*)\)$/.exec(unwrap(compared[0]));
  assert.ok(m, `[BooksApiHighLatency] the expression should be histogram_quantile(0.95, …) > 0.4: ${rule.expr}`);
  assert.equal(Number(m[1]), 0.95, '[BooksApiHighLatency] the 95th percentile: histogram_quantile(0.95, …)');
  const inner = sumOfRate(m[2]);
  assert.ok(inner, '[BooksApiHighLatency] inside: sum by (le) (rate(http_request_duration_seconds_bucket{…}[5m]))');
  assert.equal(inner.metric, 'http_request_duration_seconds_bucket', '[BooksApiHighLatency] read the _bucket series of the histogram');
  assert.equal(inner.range, '5m', '[BooksApiHighLatency] the rate is over [5m]');
  assert.ok(
    inner.by.includes('le'),
    '[BooksApiHighLatency] sum by (le): histogram_quantile needs the le label of each bucket, and a plain sum() throws it away',
  );
  assert.ok(
    inner.matchers.some((m) => m.name === 'job' && m.op === '=' && m.value === 'books-api'),
    '[BooksApiHighLatency] select job="books-api"',
  );
});

test('[BooksApiDown] the scrape target is down: up == 0', () => {
  const { rule, expr } = alert('BooksApiDown');
  const m = /^up\{([^}]*)\}==0$/.exec(unwrap(expr));
  assert.ok(m, `[BooksApiDown] the expression should be up{job="books-api"} == 0: ${rule.expr}`);
  assert.deepEqual(matchers(m[1]), [{ name: 'job', op: '=', value: 'books-api' }], '[BooksApiDown] select exactly job="books-api"');
});
