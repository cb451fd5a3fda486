import '../shared/zodSetup';
import * as z from 'zod/mini';

// Stable slugs: progress is keyed by them, so they must survive edits to titles. On its own so that
// code needing only this (markers, manifests) does not build every roadmap schema on load.
export const slugSchema = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug such as "rest-apis"'));
