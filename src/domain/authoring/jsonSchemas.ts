// Editor support for course files: JSON Schemas made from our zod schemas, so completion, hovers and
// squiggles in `.backend-roadmap/*.yaml` (through the Red Hat YAML extension), exercise.json and
// spec.json follow what the build and the extension accept. `npm run build` writes them to
// dist/schemas/ (scripts/writeJsonSchemas.ts); package.json's yamlValidation and jsonValidation point there.
import * as z from 'zod/mini';
import type { JSONSchema } from 'zod/v4/core';
import { exerciseManifestSchema } from '../exercises/manifestLoader';
import { specSchema } from '../exercises/spec/schema';
import { roadmapSchema, trackSchema } from '../roadmap/schema';
import { authoringExercisesDir, defaultAuthoringFolder } from './courseFolder';

export type JsonSchema = JSONSchema.BaseSchema;

/** File names in dist/schemas/, by what they describe. */
export const jsonSchemaFiles = {
  roadmap: 'roadmap.schema.json',
  exercise: 'exercise.schema.json',
  spec: 'spec.schema.json',
} as const;
export type JsonSchemaName = keyof typeof jsonSchemaFiles;

/** The files each schema is for, as package.json's contributions name them (checked by a unit test). */
export const jsonSchemaFileMatch = {
  roadmap: [`${defaultAuthoringFolder}/*.yaml`, `${defaultAuthoringFolder}/*.yml`],
  exercise: [`${defaultAuthoringFolder}/${authoringExercisesDir}/*/exercise.json`],
  spec: [`${defaultAuthoringFolder}/${authoringExercisesDir}/*/spec.json`],
} as const satisfies Record<JsonSchemaName, readonly string[]>;

// Draft 7: the YAML extension checks every schema against the draft-07 meta-schema, and VS Code's
// JSON support is complete only up to draft 7.
const target = 'draft-07';

/** Every schema, by name; the same input gives the same JSON, key order included. */
export function buildJsonSchemas(): Record<JsonSchemaName, JsonSchema> {
  return {
    roadmap: roadmapOrTrack(),
    exercise: titled(toJsonSchema(exerciseManifestSchema), {
      title: 'Backend Roadmap exercise',
      description: "exercise.json: an exercise's id, topic, where it is offered and the languages it comes in.",
    }),
    spec: titled(toJsonSchema(specSchema), {
      title: 'Backend Roadmap exercise spec',
      description: "spec.json: what an exercise's program must do, checked from outside in every language.",
    }),
  };
}

/**
 * One file holds both roadmaps and tracks. `kind: track` picks the track schema and anything else the
 * roadmap's, as the loader does (validate.ts), so the editor reports one schema's problems, not both
 * alternatives'. Both come from one conversion so that they share its definitions, if any.
 */
function roadmapOrTrack(): JsonSchema {
  const { $schema, anyOf, ...shared } = toJsonSchema(z.union([roadmapSchema, trackSchema]));
  const [roadmap, track] = anyOf ?? [];
  const roadmapKind = kindOf(roadmap);
  const trackKind = kindOf(track);
  if (typeof roadmap !== 'object' || typeof track !== 'object' || !roadmapKind || !trackKind) {
    throw new Error('roadmap and track schemas must be objects whose `kind` is a literal');
  }
  return {
    $schema,
    title: 'Backend Roadmap roadmap or track',
    description: "A roadmap of phases and topics, or (kind: track) one built on another roadmap's topics.",
    type: 'object',
    // Here as well as in the branches so that completion offers both kinds.
    properties: {
      kind: { type: 'string', enum: [roadmapKind, trackKind], description: `${roadmapKind} (the default), or ${trackKind}.` },
    },
    if: { type: 'object', properties: { kind: { const: trackKind } }, required: ['kind'] },
    then: { title: 'Track', ...track },
    else: { title: 'Roadmap', ...roadmap },
    ...shared,
  };
}

function kindOf(branch: JSONSchema._JSONSchema | undefined): string | undefined {
  const kind = typeof branch === 'object' ? branch.properties?.kind : undefined;
  return typeof kind === 'object' && typeof kind.const === 'string' ? kind.const : undefined;
}

function titled(json: JsonSchema, heading: { title: string; description: string }): JsonSchema {
  const { $schema, ...rest } = json;
  return { $schema, ...heading, ...rest };
}

/** One zod schema as the JSON Schema editors get: draft 7, input shape, pattern messages. */
export function toJsonSchema(schema: z.ZodMiniType): JsonSchema {
  return z.toJSONSchema(schema, {
    target,
    // What the author writes: fields with defaults are optional.
    io: 'input',
    // A check JSON Schema cannot express (a refinement, a transform) is left to our own validation
    // rather than failing the build.
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      addPatternDetails(zodSchema, jsonSchema);
      hoistBesideRef(jsonSchema);
    },
  });
}

/**
 * For draft 7 zod writes a described use of a referenced schema as `allOf: [{ description, $ref }]`;
 * draft 7 ignores keys beside `$ref`, so the description moves up to where editors look for it.
 */
function hoistBesideRef(json: JsonSchema): void {
  const [only, ...more] = json.allOf ?? [];
  if (typeof only !== 'object' || only.$ref === undefined || more.length > 0) return;
  const { $ref, ...beside } = only;
  json.allOf = [{ $ref }];
  Object.assign(json, beside);
}

/**
 * JSON Schema has no URL protocol check and no messages of its own: a URL's protocol becomes a
 * pattern, and zod's message for a pattern becomes `patternErrorMessage`, which VS Code and the YAML
 * extension show instead of the bare regex.
 */
function addPatternDetails(zodSchema: z.core.$ZodType, json: JsonSchema): void {
  const messages: string[] = [];
  if (zodSchema instanceof z.core.$ZodURL) {
    const { protocol, error } = zodSchema._zod.def;
    if (protocol) {
      json.pattern = `^(?:${protocol.source.replace(/^\^/, '').replace(/\$$/, '')}):`;
      messages.push(...messageOf(error, { code: 'invalid_format', format: 'url', input: '' }));
    }
  }
  for (const check of zodSchema._zod.def.checks ?? []) {
    if (check instanceof z.core.$ZodCheckRegex) {
      const { pattern, error } = check._zod.def;
      messages.push(...messageOf(error, { code: 'invalid_format', format: 'regex', pattern: pattern.source, input: '' }));
    }
  }
  // With more than one pattern a single message could name the wrong one.
  if (json.pattern && messages.length === 1) json.patternErrorMessage = messages[0];
}

/** The message a custom `error` gives (our schemas pass plain strings); none for zod's defaults. */
function messageOf(error: unknown, issue: object): string[] {
  if (typeof error !== 'function') return [];
  const out: unknown = error(issue);
  if (typeof out === 'string') return [out];
  if (typeof out === 'object' && out !== null && 'message' in out && typeof out.message === 'string') return [out.message];
  return [];
}
