// The JSON Schemas editors use for course files, checked with a real validator (Ajv, draft 7 as the
// schemas declare) against the bundled roadmaps and exercises, and against broken copies of them.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import * as z from 'zod/mini';
import { buildJsonSchemas, jsonSchemaFileMatch, jsonSchemaFiles, toJsonSchema } from '../../src/domain/authoring/jsonSchemas';
import type { JsonSchema } from '../../src/domain/authoring/jsonSchemas';
import { exerciseManifestSchema } from '../../src/domain/exercises/manifestLoader';
import { specSchema } from '../../src/domain/exercises/spec/schema';
import { roadmapSchema, trackSchema } from '../../src/domain/roadmap/schema';

const root = path.join(__dirname, '..', '..');
const roadmapsDir = path.join(root, 'roadmaps');
const exercisesDir = path.join(roadmapsDir, 'exercises');
// The example course: what New Roadmap… and New Exercise… write.
const courseDir = path.join(root, 'test', 'fixtures', 'courses', 'good', '.backend-roadmap');

type Json = Record<string, unknown>;

function validator(schema: JsonSchema): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  // VS Code's and the YAML extension's message for a failed pattern; not a validation keyword.
  ajv.addKeyword('patternErrorMessage');
  return ajv.compile(schema);
}

function errorsOf(validate: ValidateFunction, doc: unknown): ErrorObject[] {
  return validate(doc) ? [] : (validate.errors ?? []);
}

function describeErrors(errors: ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath || '/'} ${e.keyword}: ${e.message ?? ''}`).join('\n');
}

function roadmapFiles(dir: string): { file: string; doc: Json }[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && f !== 'seed-map.yaml')
    .sort()
    .map((f) => ({ file: path.relative(root, path.join(dir, f)), doc: parse(readFileSync(path.join(dir, f), 'utf8')) as Json }));
}

const bundledRoadmaps = roadmapFiles(roadmapsDir);

function exerciseFiles(name: string, dir = exercisesDir): { file: string; doc: Json }[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(dir, e.name, name))
    .filter((f) => {
      try {
        readFileSync(f);
        return true;
      } catch {
        return false;
      }
    })
    .sort()
    .map((f) => ({ file: path.relative(root, f), doc: JSON.parse(readFileSync(f, 'utf8')) as Json }));
}

function bundled(predicate: (doc: Json) => boolean): Json {
  const found = bundledRoadmaps.find((r) => predicate(r.doc));
  assert.ok(found, 'a bundled roadmap of that kind');
  return structuredClone(found.doc);
}

function item(list: unknown, index: number): Json {
  assert.ok(Array.isArray(list));
  const value: unknown = list[index];
  assert.ok(typeof value === 'object' && value !== null);
  return value as Json;
}

function firstTopic(roadmap: Json): Json {
  return item(item(roadmap.phases, 0).topics, 0);
}

describe('JSON Schemas for course files', () => {
  const schemas = buildJsonSchemas();
  const roadmap = validator(schemas.roadmap);
  const exercise = validator(schemas.exercise);
  const spec = validator(schemas.spec);

  it('are the same on every run, key order included', () => {
    assert.equal(JSON.stringify(buildJsonSchemas()), JSON.stringify(schemas));
  });

  it('are valid draft-07 schemas with a title and no $id', () => {
    const ajv = new Ajv();
    for (const [name, schema] of Object.entries(schemas)) {
      assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#', name);
      assert.ok(ajv.validateSchema(schema), `${name}: ${ajv.errorsText()}`);
      assert.equal(typeof schema.title, 'string', name);
      assert.equal(typeof schema.description, 'string', name);
      assert.ok(!JSON.stringify(schema).includes('"$id"'), name);
    }
  });

  it('accept every bundled roadmap and track', () => {
    assert.ok(bundledRoadmaps.length >= 3);
    assert.ok(bundledRoadmaps.some((r) => r.doc.kind === 'track'));
    for (const { file, doc } of bundledRoadmaps) {
      assert.deepEqual(describeErrors(errorsOf(roadmap, doc)), '', file);
    }
  });

  it("accept the example course's roadmap, its track (own topics, retitled ones) and its exercise", () => {
    const course = roadmapFiles(courseDir);
    assert.ok(course.some((r) => r.doc.kind === 'track' && 'titles' in r.doc));
    for (const { file, doc } of course) assert.equal(describeErrors(errorsOf(roadmap, doc)), '', file);
    const manifests = exerciseFiles('exercise.json', path.join(courseDir, 'exercises'));
    assert.ok(manifests.length > 0);
    for (const { file, doc } of manifests) assert.equal(describeErrors(errorsOf(exercise, doc)), '', file);
  });

  it('accept every bundled exercise.json and spec.json', () => {
    const manifests = exerciseFiles('exercise.json');
    const specs = exerciseFiles('spec.json');
    assert.ok(manifests.length > 0 && specs.length > 0);
    for (const { file, doc } of manifests) assert.equal(describeErrors(errorsOf(exercise, doc)), '', file);
    for (const { file, doc } of specs) assert.equal(describeErrors(errorsOf(spec, doc)), '', file);
  });

  it('leave out of `required` what has a default, so a minimal roadmap passes', () => {
    const minimal = {
      schemaVersion: 1,
      id: 'course',
      title: 'A course',
      description: 'Built for the test.',
      phases: [
        {
          id: 'basics',
          title: 'Basics',
          topics: [
            {
              id: 'http',
              title: 'HTTP',
              summary: 'Requests and responses.',
              why: 'Every API speaks it.',
              estimatedHours: 2,
              checklist: [{ id: 'send-a-request', text: 'Send a request with curl.' }],
              resources: [{ title: 'HTTP overview', url: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Overview', type: 'docs' }],
            },
          ],
        },
      ],
    };
    assert.ok(roadmapSchema.safeParse(minimal).success);
    assert.equal(describeErrors(errorsOf(roadmap, minimal)), '');
  });

  describe('reject broken documents where the problem is', () => {
    // Each broken copy fails zod too, so the schema and the loader agree on it.
    function expectError(
      validate: ValidateFunction,
      doc: Json,
      zodSchema: z.ZodMiniType,
      at: string,
      keyword: string,
      check: (e: ErrorObject) => boolean = () => true,
    ): ErrorObject[] {
      assert.equal(zodSchema.safeParse(doc).success, false, 'zod rejects it too');
      const errors = errorsOf(validate, doc);
      assert.ok(
        errors.some((e) => e.instancePath === at && e.keyword === keyword && check(e)),
        `expected ${keyword} at ${at}, got:\n${describeErrors(errors)}`,
      );
      return errors;
    }

    it('a topic without a title', () => {
      const doc = bundled((d) => d.kind !== 'track');
      delete firstTopic(doc).title;
      expectError(roadmap, doc, roadmapSchema, '/phases/0/topics/0', 'required', (e) => e.params.missingProperty === 'title');
    });

    it('a question of an unknown kind', () => {
      const doc = bundled((d) => d.kind !== 'track');
      item(firstTopic(doc).questions, 0).kind = 'essay';
      expectError(roadmap, doc, roadmapSchema, '/phases/0/topics/0/questions/0/kind', 'const');
    });

    it('an http URL in resources', () => {
      const doc = bundled((d) => d.kind !== 'track');
      item(firstTopic(doc).resources, 0).url = 'http://example.com/guide';
      expectError(roadmap, doc, roadmapSchema, '/phases/0/topics/0/resources/0/url', 'pattern');
    });

    it('a track without basedOn, reporting the track schema only', () => {
      const doc = bundled((d) => d.kind === 'track');
      delete doc.basedOn;
      const errors = expectError(roadmap, doc, trackSchema, '', 'required', (e) => e.params.missingProperty === 'basedOn');
      // The roadmap schema would also complain of kind and of phases listing topic ids.
      assert.ok(!errors.some((e) => e.schemaPath.startsWith('#/else')), describeErrors(errors));
    });

    it('a roadmap gets the roadmap schema only', () => {
      const doc = bundled((d) => d.kind !== 'track');
      doc.basedOn = 'backend';
      const errors = expectError(roadmap, doc, roadmapSchema, '', 'additionalProperties', (e) => e.params.additionalProperty === 'basedOn');
      assert.ok(!errors.some((e) => e.schemaPath.startsWith('#/then')), describeErrors(errors));
    });

    it('an exercise.json with an unknown service', () => {
      const doc = structuredClone(item(exerciseFiles('exercise.json'), 0).doc as Json);
      doc.services = ['postgres', 'mongodb'];
      expectError(exercise, doc, exerciseManifestSchema, '/services/1', 'enum');
    });

    it('a spec step path that does not start with /', () => {
      const found = exerciseFiles('spec.json').find((s) => JSON.stringify(s.doc).includes('"request"'));
      assert.ok(found);
      const doc = structuredClone(found.doc);
      const steps = item(doc.scenarios, 0).steps as Json[];
      const index = steps.findIndex((s) => 'request' in s);
      item(steps, index).request = { ...(item(steps, index).request as Json), path: 'books' };
      expectError(spec, doc, specSchema, `/scenarios/0/steps/${index}/request/path`, 'pattern');
    });
  });

  it("show zod's own message for a failed pattern", () => {
    const doc = bundled((d) => d.kind !== 'track');
    firstTopic(doc).id = 'Not A Slug';
    const parsed = roadmapSchema.safeParse(doc);
    assert.equal(parsed.success, false);
    const issue = parsed.error?.issues.find((i) => i.path.join('/') === 'phases/0/topics/0/id');
    const topicId = propertyAt(schemas.roadmap, ['else', 'phases', 'topics', 'id']);
    assert.ok(issue);
    assert.equal(topicId.patternErrorMessage, issue.message);
    const url = propertyAt(schemas.roadmap, ['else', 'phases', 'topics', 'resources', 'url']);
    assert.equal(url.patternErrorMessage, 'must be an https URL');
  });

  it('describe every field of a roadmap and of an exercise.json', () => {
    const undescribed = [
      ...undescribedProperties((schemas.roadmap as Json).else, 'roadmap'),
      ...undescribedProperties(schemas.exercise, 'exercise'),
    ];
    assert.deepEqual(undescribed, []);
  });

  it('convert checks JSON Schema cannot express instead of failing the build', () => {
    const json = toJsonSchema(
      z.strictObject({
        when: z.date(),
        custom: z.custom<string>(() => true),
        refined: z.string().check(z.refine((s) => s.length % 2 === 0)),
      }),
    );
    assert.deepEqual((json.properties?.refined as Json).type, 'string');
  });

  it('are the files package.json contributes for the authoring folder, and ship in the VSIX', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      contributes: { yamlValidation: Contribution[]; jsonValidation: Contribution[] };
    };
    const url = (name: keyof typeof jsonSchemaFiles) => `./dist/schemas/${jsonSchemaFiles[name]}`;
    const contributed = [...manifest.contributes.yamlValidation, ...manifest.contributes.jsonValidation];
    for (const name of Object.keys(jsonSchemaFiles) as (keyof typeof jsonSchemaFiles)[]) {
      const entry = contributed.find((c) => c.url === url(name));
      assert.ok(entry, name);
      for (const pattern of jsonSchemaFileMatch[name]) {
        // Bare for matchers that add `**/` themselves, prefixed for those that match the whole path.
        assert.ok(entry.fileMatch.includes(pattern) && entry.fileMatch.includes(`**/${pattern}`), `${name}: ${pattern}`);
      }
    }
    assert.deepEqual(
      manifest.contributes.yamlValidation.map((c) => c.url),
      [url('roadmap')],
    );
    assert.match(manifest.scripts.build ?? '', /scripts\/writeJsonSchemas\.ts/);
    const ignore = readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes('!dist/schemas/**'));
  });
});

interface Contribution {
  fileMatch: string[];
  url: string;
}

/** The schema of a property, going through arrays' items and object branches by property name. */
function propertyAt(schema: unknown, names: string[]): Json {
  let at = schema as Json;
  for (const name of names) {
    const next = (at[name] ?? (at.properties as Json | undefined)?.[name]) as Json | undefined;
    assert.ok(next, `no ${name} in ${names.join('.')}`);
    at = next;
    while (at.items) at = at.items as Json;
  }
  return at;
}

function undescribedProperties(schema: unknown, where: string): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const found: string[] = [];
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && typeof value === 'object' && value !== null) {
      for (const [name, property] of Object.entries(value as Json)) {
        if (typeof (property as Json).description !== 'string') found.push(`${where}.${name}`);
        found.push(...undescribedProperties(property, `${where}.${name}`));
      }
    } else {
      found.push(...undescribedProperties(value, Array.isArray(schema) ? `${where}[${key}]` : where));
    }
  }
  return found;
}
