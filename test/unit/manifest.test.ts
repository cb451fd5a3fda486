import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { commands, extensionId, settings, views } from '../../src/ids';

interface Manifest {
  name: string;
  publisher: string;
  main: string;
  activationEvents: string[];
  contributes: {
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
    viewsContainers: { activitybar: { id: string; icon: string }[] };
    configuration: { properties: Record<string, unknown> };
    menus: Record<string, { command: string }[]>;
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
    assert.deepEqual(manifest.contributes.viewsContainers.activitybar.map((c) => c.id), [views.container]);
    assert.deepEqual(manifest.contributes.views[views.container]?.map((v) => v.id), [views.tree]);
    assert.deepEqual(Object.keys(manifest.contributes.configuration.properties).sort(), Object.values(settings).filter((s) => s !== settings.section).map((s) => `${settings.section}.${s}`).sort());
  });

  it('activates lazily, never on *', () => {
    assert.ok(!manifest.activationEvents.includes('*'));
    assert.ok(manifest.activationEvents.includes(`onView:${views.tree}`));
    assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${views.topicPanel}`));
  });
});
