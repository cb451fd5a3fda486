import * as assert from 'node:assert/strict';
import {
  topicHostMessageSchema as hostMessageSchema,
  topicPageMessageSchema as webviewMessageSchema,
  topicStateSchema as webviewStateSchema,
} from '../../src/features/topic/protocol';

describe('webview protocol', () => {
  it('accepts every well-formed webview message', () => {
    for (const m of [
      { type: 'ready' },
      { type: 'toggleItem', topicId: 'rest-apis', itemId: 'crud-routes', checked: true },
      { type: 'setStatus', topicId: 'rest-apis', status: 'skipped' },
      { type: 'openResource', topicId: 'rest-apis', index: 0 },
      { type: 'openTopic', topicId: 'dns' },
      { type: 'scaffold', topicId: 'rest-apis', exerciseId: 'express-route' },
    ]) {
      assert.ok(webviewMessageSchema.safeParse(m).success, JSON.stringify(m));
    }
  });

  it('rejects unknown types, missing fields, wrong types and out-of-range values', () => {
    for (const m of [
      null,
      'ready',
      { type: 'runShell', command: 'rm -rf /' },
      { type: 'toggleItem', topicId: 'rest-apis', itemId: 'x' },
      { type: 'toggleItem', topicId: '', itemId: 'x', checked: true },
      { type: 'toggleItem', topicId: 'rest-apis', itemId: 'x', checked: 'yes' },
      { type: 'setStatus', topicId: 'rest-apis', status: 'finished' },
      { type: 'openResource', topicId: 'rest-apis', index: -1 },
      { type: 'openResource', topicId: 'rest-apis', index: 1.5 },
      { type: 'openResource', topicId: 'rest-apis', url: 'https://evil.example' },
      { type: 'openTopic', topicId: 'x'.repeat(201) },
    ]) {
      assert.equal(webviewMessageSchema.safeParse(m).success, false, JSON.stringify(m));
    }
  });

  it('validates host messages and the persisted webview state', () => {
    assert.equal(hostMessageSchema.safeParse({ type: 'showTopic', topic: { id: 'a' } }).success, false);
    assert.ok(hostMessageSchema.safeParse({ type: 'missingTopic', topicId: 'a' }).success);
    assert.ok(webviewStateSchema.safeParse({ topicId: 'rest-apis' }).success);
    assert.equal(webviewStateSchema.safeParse(undefined).success, false);
  });
});
