// The exercise library test's parallel harness (test/exercises/harness.ts) and the port range the spec's
// programs can be held to (BACKEND_ROADMAP_PORT_RANGE), which keeps its workers' programs apart.
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { freePort, parsePortRange, portRangeVariable, startProgram } from '../../src/domain/exercises/spec/program';
import { duration, exerciseJobs, grepOf, markdownTable, portRanges, runPool, withDatabase, withRedisDb } from '../exercises/harness';

describe('exercise library harness', () => {
  it('runs every item once, never more than `jobs` at a time, and a worker one at a time', async () => {
    const items = Array.from({ length: 23 }, (_, i) => i);
    const done: number[] = [];
    const busy = new Set<number>();
    let running = 0;
    let most = 0;
    await runPool(items, 4, async (item, worker) => {
      assert.ok(worker >= 0 && worker < 4, `worker ${worker}`);
      assert.ok(!busy.has(worker), `worker ${worker} got a second item while busy`);
      busy.add(worker);
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, (item * 7) % 11));
      running--;
      busy.delete(worker);
      done.push(item);
    });
    assert.deepEqual(
      [...done].sort((a, b) => a - b),
      items,
    );
    assert.equal(most, 4);
  });

  it('starts items in the order given, and copes with more workers than items', async () => {
    const started: string[] = [];
    await runPool(['a', 'b', 'c'], 8, async (item) => {
      started.push(item);
      await Promise.resolve();
    });
    assert.deepEqual(started, ['a', 'b', 'c']);
    await runPool([], 2, () => Promise.reject(new Error('no items, no work')));
  });

  it('reads EXERCISE_JOBS, and defaults to the CPU cores, at least 2', () => {
    assert.equal(exerciseJobs({ EXERCISE_JOBS: '3' }), 3);
    assert.equal(exerciseJobs({ EXERCISE_JOBS: ' 1 ' }), 1);
    assert.ok(exerciseJobs({}) >= 2);
    for (const bad of ['0', 'two', '-1', '1.5']) assert.throws(() => exerciseJobs({ EXERCISE_JOBS: bad }), /EXERCISE_JOBS/);
  });

  it('gives each worker its own port range below the ephemeral ports', () => {
    const ranges = portRanges(4, 32768);
    assert.deepEqual(ranges, [
      [20000, 20499],
      [20500, 20999],
      [21000, 21499],
      [21500, 21999],
    ]);
    // Many workers share the room there is; none reaches the ephemeral range.
    const many = portRanges(64, 32768) ?? [];
    assert.equal(many.length, 64);
    assert.ok((many.at(-1)?.[1] ?? Infinity) < 32768);
    assert.equal(portRanges(4, 20040), undefined);
  });

  it('points each worker at its own PostgreSQL and Redis database', () => {
    assert.equal(
      withDatabase('postgres://u:p@127.0.0.1:5432/postgres?sslmode=disable', 'w1'),
      'postgres://u:p@127.0.0.1:5432/w1?sslmode=disable',
    );
    assert.equal(withDatabase('postgresql://localhost', 'w2'), 'postgresql://localhost/w2');
    assert.equal(withRedisDb('redis://127.0.0.1:6379', 3), 'redis://127.0.0.1:6379/3');
    assert.equal(withRedisDb('redis://127.0.0.1:6379/0', 3), 'redis://127.0.0.1:6379/3');
    // One that already names a database is the user's choice: shared.
    assert.equal(withRedisDb('redis://127.0.0.1:6379/5', 3), undefined);
  });

  it('writes durations and markdown tables', () => {
    assert.equal(duration(41_240), '41.2 s');
    assert.equal(duration(754_000), '12m 34s');
    assert.equal(markdownTable(['a', 'b'], [['1', 'x|y']]), '  | a | b |\n  | --- | --- |\n  | 1 | x\\|y |');
  });
});

describe('BACKEND_ROADMAP_PORT_RANGE', () => {
  it('reads low-high, and refuses anything else', () => {
    assert.equal(parsePortRange(undefined), undefined);
    assert.equal(parsePortRange(''), undefined);
    assert.deepEqual(parsePortRange('20000-20499'), [20000, 20499]);
    for (const bad of ['20000', '20500-20000', '80-90', '20000-70000', 'a-b'])
      assert.throws(() => parsePortRange(bad), new RegExp(portRangeVariable));
  });

  it('hands out ports in the range only, skipping one that is taken', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      // A range of two ports of which one is taken: always the other (a neighbour nothing holds now).
      const canListen = (p: number) =>
        new Promise<boolean>((resolve) => {
          const s = net.createServer().once('error', () => resolve(false));
          s.listen(p, '127.0.0.1', () => s.close(() => resolve(true)));
        });
      const other = (await canListen(port - 1)) ? port - 1 : port + 1;
      assert.ok(await canListen(other), `port ${other} is free`);
      const range = [Math.min(port, other), Math.max(port, other)] as const;
      for (let i = 0; i < 10; i++) assert.equal(await freePort(range), other);
      await assert.rejects(freePort([port, port]), /No free port/);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('starts the program on a port from startProgram’s range', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const free = (probe.address() as net.AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const program = await startProgram(
      {
        command: process.execPath,
        args: ['-e', "require('node:http').createServer((q, s) => s.end()).listen(+process.env.PORT, '127.0.0.1')"],
      },
      process.cwd(),
      { portRange: [free, free] },
    );
    try {
      assert.equal(program.port, free);
    } finally {
      await program.stop();
    }
  });

  it('does not take another program on its port for the learner’s (a check running beside this one), and says so', async function () {
    if (process.platform !== 'linux') this.skip(); // Loudly: the listener's owner is read from /proc.
    // The "learner's program" starts a stranger in its own process group that listens on PORT first,
    // then tries to listen itself and fails with EADDRINUSE, as when a parallel check took the port.
    const script = [
      "const { spawn } = require('node:child_process');",
      "const stranger = \"const s = require('node:http').createServer((q, r) => r.end('stranger')).listen(+process.env.PORT, '127.0.0.1'); setTimeout(() => process.exit(0), 3000);\";",
      "spawn(process.execPath, ['-e', stranger], { detached: true, stdio: 'ignore' }).unref();",
      "setTimeout(() => require('node:http').createServer((q, r) => r.end('mine')).listen(+process.env.PORT, '127.0.0.1'), 700);",
    ].join('\n');
    await assert.rejects(
      startProgram({ command: process.execPath, args: ['-e', script] }, process.cwd(), { readyTimeoutMs: 10_000 }),
      /Another program took port \d+ before this one could listen on it[\s\S]*EADDRINUSE/,
    );
  });

  it("reads mocha's --grep and --fgrep from the command line, so the library's pool runs only the matching cases", () => {
    const title = 'exercise library: every starter fails redis-cache (Python): the starter fails';
    assert.equal(grepOf(['node', 'mocha', 'test/exercises/library.test.ts']), undefined);
    assert.equal(grepOf(['-g', 'redis-cache'])?.(title), true);
    assert.equal(grepOf(['--grep', 'lru-cache'])?.(title), false);
    assert.equal(grepOf(['--grep=redis-cache \\(Python'])?.(title), true);
    assert.equal(grepOf(['-f', '(Python)'])?.(title), true);
    assert.equal(grepOf(['--fgrep=(Go)'])?.(title), false);
    // Inverted, the pool must keep every case; mocha does the hiding.
    assert.equal(grepOf(['-g', 'redis-cache', '--invert']), undefined);
  });
});
