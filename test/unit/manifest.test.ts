import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { commands, contextKeys, extensionId, settings, views } from '../../src/app/ids';
import { flavours } from '../../src/domain/exercises/flavours';

interface Manifest {
  name: string;
  publisher: string;
  main: string;
  activationEvents: string[];
  contributes: {
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
    viewsContainers: { activitybar: { id: string; icon: string }[] };
    configuration: { properties: Record<string, { enum?: string[] }> };
    menus: Record<string, { command: string }[]>;
    walkthroughs: { id: string; steps: { id: string; description: string; media: { markdown?: string }; completionEvents: string[] }[] }[];
  };
}

const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as Manifest;

describe('package.json contributions', () => {
  it('declares exactly the commands defined in ids.ts', () => {
    assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), Object.values(commands).sort());
  });

  it('menus reference only declared commands', () => {
    const declared = new Set(Object.values(commands));
    for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
      for (const e of entries) assert.ok(declared.has(e.command as never), `${menu}: ${e.command}`);
    }
  });

  it('declares the view container, view and settings from ids.ts', () => {
    assert.equal(`${manifest.publisher}.${manifest.name}`, extensionId);
    assert.deepEqual(
      manifest.contributes.viewsContainers.activitybar.map((c) => c.id),
      [views.container],
    );
    assert.deepEqual(
      manifest.contributes.views[views.container]?.map((v) => v.id),
      [views.tree],
    );
    assert.deepEqual(
      Object.keys(manifest.contributes.configuration.properties).sort(),
      Object.values(settings)
        .filter((s) => s !== settings.section)
        .map((s) => `${settings.section}.${s}`)
        .sort(),
    );
  });

  it('activates lazily, never on *', () => {
    assert.ok(!manifest.activationEvents.includes('*'));
    assert.ok(manifest.activationEvents.includes(`onView:${views.tree}`));
    assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${views.topicPanel}`));
  });

  it('has a walkthrough whose steps complete on real commands, views and context keys, with their media shipped', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.equal(walkthrough?.id, views.walkthrough.split('.')[1]);
    const declared = new Set<string>(Object.values(commands));
    const ignored = readFileSync(path.join(__dirname, '..', '..', '.vscodeignore'), 'utf8');
    assert.deepEqual(
      walkthrough?.steps.map((s) => s.id),
      ['openRoadmap', 'openTopic', 'tickItem', 'chooseLanguage', 'scaffoldExercise', 'openDashboard'],
    );
    for (const step of walkthrough?.steps ?? []) {
      assert.ok(step.completionEvents.length > 0, step.id);
      for (const event of step.completionEvents) {
        const [kind, target] = event.split(':') as [string, string];
        if (kind === 'onCommand') assert.ok(declared.has(target), `${step.id}: ${event}`);
        else if (kind === 'onView') assert.equal(target, views.tree, `${step.id}: ${event}`);
        else if (kind === 'onContext') assert.ok(Object.values(contextKeys).includes(target as never), `${step.id}: ${event}`);
        else if (kind === 'onSettingChanged')
          assert.ok(manifest.contributes.configuration.properties[target] !== undefined, `${step.id}: ${event}`);
        else assert.fail(`${step.id}: unexpected completion event ${event}`);
      }
      for (const link of step.description.matchAll(/\(command:([\w.]+)\)/g))
        assert.ok(declared.has(link[1] ?? ''), `${step.id} links ${link[1]}`);
      const media = step.media.markdown ?? '';
      assert.ok(readFileSync(path.join(__dirname, '..', '..', media), 'utf8').startsWith('# '), `${step.id}: ${media}`);
      assert.match(ignored, /!media\/walkthrough\/\*\*/, 'walkthrough media ship in the VSIX');
    }
  });

  it('offers exactly the exercise flavours in the exercise language setting', () => {
    assert.deepEqual(manifest.contributes.configuration.properties[`${settings.section}.${settings.exerciseLanguage}`]?.enum, [
      ...flavours,
    ]);
  });
});
