// Small readers for the tests: a Dockerfile parser, .dockerignore lines, compose.yaml helpers.
// Docker is not needed: everything here only reads files.
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const root = path.join(__dirname, '..');

function readFile(name) {
  const file = path.join(root, name);
  if (!fs.existsSync(file)) throw new Error(`${name} is missing: create it next to package.json`);
  return fs.readFileSync(file, 'utf8');
}

/**
 * Parses a Dockerfile into instructions { name: 'COPY', args: '...', flags: { from: 'build' }, line }
 * grouped into stages { image, name, index, instructions }. Handles comments, `\` line continuations
 * and heredocs (RUN <<EOF ... EOF), which is all the tests need.
 */
function parseDockerfile(text) {
  const lines = text.split(/\r?\n/);
  const instructions = [];
  for (let i = 0; i < lines.length; i++) {
    if (/^\s*(#.*)?$/.test(lines[i])) continue;
    const line = i + 1;
    let logical = lines[i];
    // A trailing backslash continues the instruction; comment lines inside it are dropped.
    while (/\\\s*$/.test(logical) && i + 1 < lines.length) {
      logical = logical.replace(/\\\s*$/, ' ');
      i++;
      if (!/^\s*#/.test(lines[i])) logical += lines[i];
    }
    const match = /^\s*(\S+)\s*([\s\S]*)$/.exec(logical);
    const name = match[1].toUpperCase();
    let args = match[2].trim();
    // Heredocs: the body is part of the instruction, up to the line with the delimiter.
    for (const [, dash, word] of args.matchAll(/<<(-?)["']?(\w+)["']?/g)) {
      const body = [];
      while (i + 1 < lines.length) {
        i++;
        if ((dash ? lines[i].trim() : lines[i]) === word) break;
        body.push(lines[i]);
      }
      args += `\n${body.join('\n')}`;
    }
    instructions.push({ name, args, line, ...splitFlags(args) });
  }

  // ARGs before the first FROM can be used in FROM lines: FROM node:${NODE_VERSION}-alpine.
  const globalArgs = {};
  const stages = [];
  for (const ins of instructions) {
    if (ins.name === 'FROM') {
      const [imageRaw, as, stageName] = ins.rest.split(/\s+/);
      const image = imageRaw.replace(/\$\{?(\w+)(?::-([^}]*))?\}?/g, (_, v, dflt) => globalArgs[v] ?? dflt ?? '');
      stages.push({ index: stages.length, image, name: as?.toUpperCase() === 'AS' ? stageName : undefined, line: ins.line, instructions: [] });
    } else if (stages.length === 0) {
      if (ins.name === 'ARG') {
        const [k, v] = ins.args.split('=');
        globalArgs[k.trim()] = v?.trim().replace(/^["']|["']$/g, '');
      }
    } else {
      stages.at(-1).instructions.push(ins);
    }
  }
  return { instructions, stages };
}

/** `--from=build --chown=node:node src ./src` → { flags: { from: 'build', chown: '...' }, rest: 'src ./src' }. */
function splitFlags(args) {
  const flags = {};
  let rest = args;
  for (;;) {
    const m = /^--([\w-]+)(?:=(\S*))?\s*/.exec(rest);
    if (!m) break;
    flags[m[1].toLowerCase()] = m[2] ?? true;
    rest = rest.slice(m[0].length);
  }
  return { flags, rest };
}

/** The JSON array of an exec-form instruction (CMD ["node", "x.js"]), or undefined for shell form. */
function execForm(args) {
  if (!args.trim().startsWith('[')) return undefined;
  try {
    const value = JSON.parse(args);
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Splits `image:tag@digest` into its parts; a registry port (localhost:5000/x) is not a tag. */
function parseImage(ref) {
  const [withoutDigest, digest] = ref.split('@');
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const hasTag = colon > slash;
  return {
    repository: hasTag ? withoutDigest.slice(0, colon) : withoutDigest,
    tag: hasTag ? withoutDigest.slice(colon + 1) : undefined,
    digest,
  };
}

/** Why an image reference is not pinned to a version, or undefined when it is. */
function unpinnedReason(ref) {
  const { tag, digest } = parseImage(ref);
  if (digest && /^sha256:[0-9a-f]{64}$/.test(digest)) return undefined;
  if (!tag) return `"${ref}" has no tag, which means :latest`;
  if (tag === 'latest') return `"${ref}" uses :latest, which changes under you`;
  if (!/\d/.test(tag)) return `"${ref}" uses the moving tag "${tag}"; name a version such as 24-alpine`;
  return undefined;
}

/** The non-comment lines of .dockerignore. */
function dockerignorePatterns(text) {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** Parses compose.yaml; throws a readable error for YAML mistakes. */
function loadCompose(text) {
  const document = YAML.parseDocument(text);
  if (document.errors.length > 0) throw new Error(`compose.yaml is not valid YAML: ${document.errors[0].message}`);
  const compose = document.toJS();
  if (compose === null || typeof compose !== 'object') throw new Error('compose.yaml must be a mapping with services:');
  return compose;
}

/** A service's environment as an object, whether it is written as a mapping or a list of KEY=value. */
function environment(service) {
  const env = service?.environment;
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((e) => String(e).split(/=(.*)/s).slice(0, 2)));
  }
  return env && typeof env === 'object' ? Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v == null ? v : String(v)])) : {};
}

/** A service's volumes as { type, source, target }, from the short ("name:/path:ro") or long syntax. */
function volumes(service) {
  return (service?.volumes ?? []).map((v) => {
    if (typeof v === 'object') return { type: v.type ?? 'volume', source: v.source, target: v.target };
    const [source, target] = String(v).split(':');
    if (target === undefined) return { type: 'volume', source: undefined, target: source }; // anonymous
    const type = /^[./~]/.test(source) || source.startsWith('$') ? 'bind' : 'volume';
    return { type, source, target };
  });
}

module.exports = { readFile, parseDockerfile, execForm, parseImage, unpinnedReason, dockerignorePatterns, loadCompose, environment, volumes };
