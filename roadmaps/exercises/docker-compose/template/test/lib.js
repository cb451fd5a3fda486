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


const posix = path.posix;

/** Splits a shell-ish argument string into words (quotes removed; good enough for COPY and RUN lines). */
const words = (text) => [...text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);

/** COPY/ADD sources and destination, from the JSON form (["a", "b"]) or the plain form. */
function copyPaths(ins) {
  const list = execForm(ins.rest) ?? words(ins.rest);
  return { sources: list.slice(0, -1), dest: list.at(-1) ?? '' };
}

const NPM_INSTALL = /\bnpm\s+(ci|install|i)\b/;
const OMITS_DEV = /--omit[= ]dev\b|--production\b|--only[= ]prod(uction)?\b/;

/**
 * Follows each stage through its instructions, the way Docker builds it: what it inherits from an
 * earlier stage (FROM build), its WORKDIR, USER, ENV, and what its node_modules holds ('none', 'dev'
 * for every dependency, 'prod' for production only) after each instruction. Rules then test the
 * effect of a Dockerfile, not the exact lines: a deps stage copied into a build stage counts as an install.
 */
function analyzeStages(parsed) {
  const byName = new Map();
  const states = [];
  for (const stage of parsed.stages) {
    const parent = byName.get(stage.image);
    const state = {
      stage,
      name: stage.name,
      label: stage.name ?? `stage ${stage.index + 1}`,
      baseImage: parent ? parent.baseImage : stage.image,
      parent,
      workdir: parent ? parent.workdir : '/',
      user: parent ? parent.user : 'root',
      env: { ...(parent?.env ?? {}) },
      deps: parent ? parent.deps : 'none',
      installsCurl: parent ? parent.installsCurl : false,
      builds: parent ? parent.builds : false, // has run npm run build, so <workdir>/dist exists
      distDir: parent?.distDir,
      steps: [], // { ins, deps, user, workdir } after each instruction
    };
    for (const ins of stage.instructions) {
      if (ins.name === 'WORKDIR') state.workdir = posix.resolve(state.workdir, words(ins.args)[0] ?? '/');
      else if (ins.name === 'USER') state.user = ins.args.trim().split(':')[0];
      else if (ins.name === 'ENV') {
        for (const m of ins.args.matchAll(/(\w+)[= ]("[^"]*"|'[^']*'|\S+)/g)) state.env[m[1]] = m[2].replace(/^["']|["']$/g, '');
      } else if (ins.name === 'RUN') {
        for (const command of ins.args.split(/&&|\|\||;|\n/)) {
          if (NPM_INSTALL.test(command)) {
            const production = OMITS_DEV.test(command) || /\bNODE_ENV=production\b/.test(command) || state.env.NODE_ENV === 'production';
            state.deps = production && !/--include[= ]dev\b/.test(command) ? 'prod' : 'dev';
          }
          if (/\bnpm\s+prune\b/.test(command) && OMITS_DEV.test(command) && state.deps === 'dev') state.deps = 'prod';
          if (/\bnpm\s+run\s+build\b/.test(command)) {
            state.builds = true;
            state.buildDeps = state.deps;
            state.distDir = posix.join(state.workdir, 'dist');
          }
          if (/\b(apk\s+add|apt-get\s+install|apt\s+install)\b[^\n]*\bcurl\b/.test(command)) state.installsCurl = true;
        }
      } else if ((ins.name === 'COPY' || ins.name === 'ADD') && ins.flags.from) {
        const from = byName.get(ins.flags.from);
        const { sources } = copyPaths(ins);
        if (from) {
          for (const source of sources) {
            const src = posix.resolve(from.workdir, source);
            const modules = posix.join(from.workdir, 'node_modules');
            // Copying node_modules, or a folder that holds it, brings that stage's dependencies along.
            if ((src === modules || modules.startsWith(`${src}/`) || src === '/') && from.deps !== 'none') state.deps = from.deps;
          }
        }
      }
      state.steps.push({ ins, deps: state.deps, user: state.user, workdir: state.workdir });
    }
    states.push(state);
    if (stage.name) byName.set(stage.name, state);
  }
  return { states, byName };
}

/**
 * Where a path of the final stage came from: follows `COPY --from=<stage> <src> <dest>` backwards,
 * so /app/dist/server.js in the runtime stage maps to /app/dist/server.js of the build stage.
 */
function copiedFrom(state, byName, absolutePath) {
  for (const { ins, workdir } of [...state.steps].reverse()) {
    if (!(ins.name === 'COPY' || ins.name === 'ADD') || !ins.flags.from) continue;
    const from = byName.get(ins.flags.from);
    if (!from) continue;
    const { sources, dest } = copyPaths(ins);
    const target = posix.resolve(workdir, dest);
    for (const source of sources) {
      const src = posix.resolve(from.workdir, source);
      // A folder's contents land in the destination (COPY /app/dist ./dist gives ./dist/server.js);
      // a file lands in it when the destination ends with / (COPY /app/x.js ./ gives ./x.js).
      const isFile = /\.\w+$/.test(posix.basename(src));
      if (isFile) {
        const into = dest.endsWith('/') ? posix.join(target, posix.basename(src)) : target;
        if (absolutePath === into) return { stage: from, path: src };
      } else if (absolutePath.startsWith(`${target}/`) || (target === '/' && absolutePath.startsWith('/'))) {
        return { stage: from, path: posix.join(src, absolutePath.slice(target.length)) };
      }
    }
  }
  return undefined;
}

/** The stage and path a file of `state` really comes from, through COPY --from and FROM <stage>. */
function originOf(state, byName, absolutePath, depth = 0) {
  if (depth > 20) return undefined;
  if (state.builds && state.distDir && (absolutePath === state.distDir || absolutePath.startsWith(`${state.distDir}/`))) {
    return { stage: state, path: absolutePath };
  }
  const copied = copiedFrom(state, byName, absolutePath);
  if (copied) return originOf(copied.stage, byName, copied.path, depth + 1);
  return state.parent ? originOf(state.parent, byName, absolutePath, depth + 1) : { stage: state, path: absolutePath };
}

/** What a base image ships: curl only in the full Debian images; BusyBox wget in Alpine; neither in slim. */
function imageTools(image) {
  const { repository, tag = '' } = parseImage(image);
  if (/distroless/.test(repository)) return { shell: false, curl: false, wget: false, family: 'distroless' };
  if (/alpine/.test(tag) || /alpine/.test(repository)) return { shell: true, curl: false, wget: true, family: 'alpine' };
  if (/slim/.test(tag)) return { shell: true, curl: false, wget: false, family: 'slim' };
  return { shell: true, curl: true, wget: true, family: 'full' };
}

module.exports = { analyzeStages, copiedFrom, originOf, imageTools, copyPaths, words, readFile, parseDockerfile, execForm, parseImage, unpinnedReason, dockerignorePatterns, loadCompose, environment, volumes };
