// Small readers for the tests: the manifests parsed with the yaml package, and Kubernetes resource
// quantities. Nothing here needs a cluster or kubectl: everything only reads files.
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

const root = path.join(__dirname, '..');

// The parts of a Deployment and a Service the tests read. Every field is optional: the manifests are
// yours, and the tests say what is missing rather than trusting these types.
export type Quantity = string | number;
export interface ContainerPort {
  name?: string;
  containerPort?: number;
}
export interface EnvVar {
  name?: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name?: string; key?: string } };
}
export interface Probe {
  httpGet?: { path?: string; port?: string | number };
}
export interface SecurityContext {
  runAsNonRoot?: boolean;
  runAsUser?: number;
  allowPrivilegeEscalation?: boolean;
  readOnlyRootFilesystem?: boolean;
}
export interface Container {
  name?: string;
  image?: string;
  ports?: ContainerPort[];
  env?: EnvVar[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  resources?: { requests?: { cpu?: Quantity; memory?: Quantity }; limits?: { cpu?: Quantity; memory?: Quantity } };
  securityContext?: SecurityContext;
}
export type Labels = Record<string, string>;
export interface Deployment {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; labels?: Labels };
  spec?: {
    replicas?: number;
    selector?: { matchLabels?: Labels };
    strategy?: { type?: string; rollingUpdate?: { maxUnavailable?: Quantity; maxSurge?: Quantity } };
    template?: {
      metadata?: { labels?: Labels };
      spec?: { securityContext?: SecurityContext; containers?: Container[] };
    };
  };
}
export interface ServicePort {
  name?: string;
  port?: number;
  targetPort?: string | number;
}
export interface Service {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string };
  spec?: { type?: string; selector?: Labels; ports?: ServicePort[] };
}

/** The single YAML document in k8s/<name>, as plain data. */
export function readManifest<T>(name: string): T {
  const file = path.join(root, 'k8s', name);
  if (!fs.existsSync(file)) throw new Error(`k8s/${name} is missing`);
  const docs = parseAllDocuments(fs.readFileSync(file, 'utf8')).filter((d) => d.contents !== null);
  for (const doc of docs) if (doc.errors.length > 0) throw new Error(`k8s/${name} is not valid YAML: ${doc.errors[0].message}`);
  if (docs.length !== 1) throw new Error(`k8s/${name} should hold exactly one document, not ${docs.length}`);
  return docs[0].toJS() as T;
}

const cpuUnits: Record<string, number> = { m: 1e-3, '': 1 };
const memoryUnits: Record<string, number> = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4 };

/** A CPU quantity ("250m", "0.5", 1) in cores, or NaN. */
export function cpu(value: unknown): number {
  const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(String(value ?? ''));
  return m ? Number(m[1]) * cpuUnits[m[2]] : NaN;
}

/** A memory quantity ("128Mi", "1G", 1048576) in bytes, or NaN. */
export function memory(value: unknown): number {
  const m = /^(\d+(?:\.\d+)?)(k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(String(value ?? ''));
  return m ? Number(m[1]) * memoryUnits[m[2] ?? ''] : NaN;
}

/** True when every key of `selector` is in `labels` with the same value (and the selector is not empty). */
export function selects(selector: Labels | undefined, labels: Labels | undefined): boolean {
  const entries = Object.entries(selector ?? {});
  return entries.length > 0 && entries.every(([k, v]) => labels?.[k] === v);
}
