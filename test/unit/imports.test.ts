import * as assert from 'node:assert/strict';
import type { Exercise } from '../../src/core/exercises';
import { exercisesForImports, importedPackages, packageName } from '../../src/core/imports';

describe('import-aware offers', () => {
  it('finds the packages a file imports, in every module syntax', () => {
    const source = [
      "import express from 'express';",
      "import { Router } from \"express\";",
      "import * as jwt from 'jsonwebtoken';",
      "import type { Pool } from 'pg';",
      "import 'dotenv/config';",
      "const { createClient } = require('redis');",
      "const ws = await import('ws');",
      "export { default } from '@apollo/server/express4';",
      "import local from './local';",
      "import fs from 'node:fs';",
    ].join('\n');
    assert.deepEqual(importedPackages(source), ['@apollo/server', 'dotenv', 'express', 'jsonwebtoken', 'pg', 'redis', 'ws']);
  });

  it('reduces specifiers to package names', () => {
    assert.equal(packageName('@scope/pkg/sub/path'), '@scope/pkg');
    assert.equal(packageName('lodash/fp'), 'lodash');
    assert.equal(packageName('../x'), undefined);
    assert.equal(packageName('node:crypto'), undefined);
    assert.equal(packageName('@broken'), undefined);
  });

  it('matches exercises by the packages they practise', () => {
    const ex = (id: string, imports: string[]) => ({ id, imports }) as unknown as Exercise;
    const library = [ex('jwt-middleware', ['jsonwebtoken']), ex('express-route', ['express']), ex('redis-cache', ['redis'])];
    assert.deepEqual(exercisesForImports(library, ['jsonwebtoken', 'express']).map((e) => e.id), ['jwt-middleware', 'express-route']);
    assert.deepEqual(exercisesForImports(library, ['left-pad']), []);
  });
});
