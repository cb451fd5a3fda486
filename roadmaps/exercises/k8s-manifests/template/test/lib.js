// Small readers for the tests: the manifests parsed with the yaml package, and Kubernetes resource
// quantities. Nothing here needs a cluster or kubectl: everything only reads files.
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const root = path.join(__dirname, '..');

/** The single YAML document in k8s/<name>, as plain data. */
function readManifest(name) {
  const file = path.join(root, 'k8s', name);
  if (!fs.existsSync(file)) throw new Error(`k8s/${name} is missing`);
  const docs = YAML.parseAllDocuments(fs.readFileSync(file, 'utf8')).filter((d) => d.contents !== null);
  for (const doc of docs) if (doc.errors.length > 0) throw new Error(`k8s/${name} is not valid YAML: ${doc.errors[0].message}`);
  if (docs.length !== 1) throw new Error(`k8s/${name} should hold exactly one document, not ${docs.length}`);
  return docs[0].toJS();
}

const cpuUnits = { m: 1e-3, '': 1 };
const memoryUnits = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4 };

/** A CPU quantity ("250m", "0.5", 1) in cores, or NaN. */
function cpu(value) {
  const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(String(value ?? ''));
  return m ? Number(m[1]) * cpuUnits[m[2]] : NaN;
}

/** A memory quantity ("128Mi", "1G", 1048576) in bytes, or NaN. */
function memory(value) {
  const m = /^(\d+(?:\.\d+)?)(k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(String(value ?? ''));
  return m ? Number(m[1]) * memoryUnits[m[2] ?? ''] : NaN;
}

/** True when every key of `selector` is in `labels` with the same value (and the selector is not empty). */
function selects(selector, labels) {
  const entries = Object.entries(selector ?? {});
  return entries.length > 0 && entries.every(([k, v]) => labels?.[k] === v);
}

module.exports = { readManifest, cpu, memory, selects };
