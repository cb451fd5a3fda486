import * as assert from 'node:assert/strict';
import type { Exercise } from '../../src/domain/exercises/manifest';
import {
  exercisesForImports,
  goImports,
  importedPackages,
  importsOf,
  importScanLimit,
  packageName,
  pythonImports,
} from '../../src/domain/exercises/imports';
import { mulberry32 } from '../fuzz/fuzz';

/** The regexes importedPackages used before its linear scan (quadratic on long lines): the reference on short text. */
function regexPackages(source: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /\b(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"\n]+)['"]/g,
    /\bimport\s*['"]([^'"\n]+)['"]/g,
    /\b(?:require|import)\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const m of source.matchAll(pattern)) {
      const name = packageName(m[1] ?? '');
      if (name) found.add(name);
    }
  }
  return [...found].sort();
}

describe('import-aware offers', () => {
  it('finds the packages a file imports, in every module syntax', () => {
    const source = [
      "import express from 'express';",
      'import { Router } from "express";',
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

  it('agrees with the regexes it replaced on random import-like text', () => {
    const rng = mulberry32(11);
    const atoms = [
      'import',
      'export',
      'require',
      'from',
      ' ',
      '\n',
      "'",
      '"',
      ';',
      '(',
      ')',
      '{',
      '}',
      'a',
      'b/c',
      '@s/p',
      '.',
      '_',
      '$',
      '\t',
      '*',
      ',',
    ];
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      const len = Math.floor(rng() * 25);
      for (let k = 0; k < len; k++) text += atoms[Math.floor(rng() * atoms.length)];
      assert.deepEqual(importedPackages(text), regexPackages(text), JSON.stringify(text));
    }
  });

  it('reads a 300 KB single line of adversarial text in linear time', function () {
    this.timeout(2000);
    for (const unit of ['import ', "require('", "import x from '", 'export {a} ', 'from ', "import('", "import {a} from 'express' "]) {
      const line = unit.repeat(Math.ceil(300_000 / unit.length));
      const started = performance.now();
      const found = importedPackages(line);
      const ms = performance.now() - started;
      assert.ok(ms < 300, `${JSON.stringify(unit)} took ${ms.toFixed(0)} ms`);
      if (unit.includes('express')) assert.deepEqual(found, ['express']);
    }
  });

  it('reads only the first importScanLimit characters', () => {
    const filler = `// ${'x'.repeat(importScanLimit)}\n`;
    assert.deepEqual(importedPackages(`import a from 'early';\n${filler}import b from 'late';\n`), ['early']);
    const edge = "import c from 'edge';";
    const fits = `${' '.repeat(importScanLimit - edge.length)}${edge}`;
    assert.deepEqual(importedPackages(fits), ['edge']);
    // Two characters later its closing quote is past the limit: a cut import is not guessed at.
    assert.deepEqual(importedPackages(`  ${fits}`), []);
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
    assert.deepEqual(
      exercisesForImports(library, ['jsonwebtoken', 'express']).map((e) => e.id),
      ['jwt-middleware', 'express-route'],
    );
    assert.deepEqual(exercisesForImports(library, ['left-pad']), []);
  });
});

describe('import-aware offers in Python and Go', () => {
  it('reads Python imports by top-level package, leaving relative ones out', () => {
    const source = [
      'import os, json as j',
      'from fastapi import FastAPI, Request',
      'from .books import router',
      'import jwt.algorithms  # PyJWT',
      '  from psycopg import sql',
    ].join('\n');
    assert.deepEqual(pythonImports(source), ['fastapi', 'json', 'jwt', 'os', 'psycopg']);
  });

  it('reads Go imports, single and in blocks, with aliases, without major-version suffixes', () => {
    const source = [
      'package main',
      '',
      'import "fmt"',
      'import (',
      '\t"net/http"',
      '\tjwt "github.com/golang-jwt/jwt/v5"',
      ')',
      'func main() {}',
    ].join('\n');
    assert.deepEqual(goImports(source), ['fmt', 'github.com/golang-jwt/jwt', 'net/http']);
  });

  it('picks the reader by language, and matches exercises by what the file imports', () => {
    assert.deepEqual(importsOf('python', 'import fastapi'), ['fastapi']);
    assert.deepEqual(importsOf('go', 'import "net/http"'), ['net/http']);
    assert.deepEqual(importsOf('javascript', "import express from 'express';"), ['express']);
  });

  it('reads a 300 KB single line of adversarial text without hanging, and only the first importScanLimit characters', function () {
    // A hang guard like the JavaScript reader's, not a speed measurement (that is the bench's).
    this.timeout(2000);
    assert.deepEqual(pythonImports('from '.repeat(60_000)), ['from']);
    assert.deepEqual(goImports(`import ("${'a'.repeat(300_000)}`), []);
    assert.deepEqual(pythonImports(`${'#'.repeat(importScanLimit)}\nimport late`), []);
  });
});
