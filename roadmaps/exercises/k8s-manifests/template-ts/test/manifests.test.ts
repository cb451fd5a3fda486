// Static checks of k8s/deployment.yaml and k8s/service.yaml, parsed with the yaml package: nothing
// here needs a cluster. Each test is one rule, and its failure message starts with the rule's name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readManifest, cpu, memory, selects, type Container, type ContainerPort, type Deployment, type Service } from './lib';

const deployment = (): Deployment => {
  const d = readManifest<Deployment>('deployment.yaml');
  assert.equal(d.apiVersion, 'apps/v1', '[deployment] apiVersion: apps/v1');
  assert.equal(d.kind, 'Deployment', '[deployment] kind: Deployment');
  return d;
};
const podSpec = () => deployment().spec?.template?.spec ?? {};
const container = (): Container => {
  const containers = podSpec().containers ?? [];
  assert.equal(containers.length, 1, '[container] the pod has exactly one container');
  return containers[0];
};
const service = (): Service => {
  const s = readManifest<Service>('service.yaml');
  assert.equal(s.apiVersion, 'v1', '[service] apiVersion: v1');
  assert.equal(s.kind, 'Service', '[service] kind: Service');
  return s;
};

/** The container port a probe or a Service's targetPort names (by name or number), or undefined. */
function containerPort(ref: unknown): ContainerPort | undefined {
  const ports = container().ports ?? [];
  return ports.find((p) => p.name === ref || p.containerPort === ref || String(p.containerPort) === String(ref));
}

test('[deployment] books-api with 3 replicas', () => {
  const d = deployment();
  assert.equal(d.metadata?.name, 'books-api', '[deployment] metadata.name: books-api');
  assert.equal(d.spec?.replicas, 3, '[deployment] spec.replicas: 3');
});

test("[selector] the Deployment's selector matches its pod template's labels", () => {
  const d = deployment();
  const matchLabels = d.spec?.selector?.matchLabels;
  const labels = d.spec?.template?.metadata?.labels;
  assert.ok(matchLabels && Object.keys(matchLabels).length > 0, '[selector] spec.selector.matchLabels is required (app: books-api)');
  assert.ok(
    selects(matchLabels, labels),
    `[selector] every matchLabels entry must be a label of the pod template: ${JSON.stringify(matchLabels)} vs ${JSON.stringify(labels)}; the API server refuses a Deployment whose selector does not match its template`,
  );
});

test('[image] the pinned release, never :latest', () => {
  const image = String(container().image ?? '');
  assert.equal(
    image,
    'ghcr.io/example/books-api:1.4.2',
    '[image] image: ghcr.io/example/books-api:1.4.2 (a tag that names one release, so a rollout and a rollback mean something)',
  );
});

test('[ports] the container port 8080, named http, and PORT set to match', () => {
  const port = containerPort('http');
  assert.ok(port, '[ports] the container needs ports: [{ name: http, containerPort: 8080 }]');
  assert.equal(port.containerPort, 8080, '[ports] the app listens on 8080: containerPort: 8080');
  const env = container().env ?? [];
  assert.equal(
    env.find((e) => e.name === 'PORT')?.value,
    '8080',
    '[ports] keep env PORT: "8080" (a string) so the app listens where the port says',
  );
});

test('[secret] DATABASE_URL comes from the Secret books-db, key url, never a literal', () => {
  const entry = (container().env ?? []).find((e) => e.name === 'DATABASE_URL');
  assert.ok(entry, '[secret] the container needs an env entry DATABASE_URL');
  assert.equal(entry.value, undefined, '[secret] DATABASE_URL must not be written in the manifest: it holds a password');
  assert.deepEqual(entry.valueFrom?.secretKeyRef, { name: 'books-db', key: 'url' }, '[secret] valueFrom.secretKeyRef: { name: books-db, key: url }');
});

test('[probes] a readiness probe on /readyz and a liveness probe on /healthz, on the app port', () => {
  const c = container();
  const wanted = [
    ['readinessProbe', '/readyz'],
    ['livenessProbe', '/healthz'],
  ] as const;
  for (const [kind, path] of wanted) {
    const probe = c[kind];
    assert.ok(probe, `[probes] the container needs a ${kind} (httpGet ${path})`);
    assert.equal(probe.httpGet?.path, path, `[probes] ${kind}.httpGet.path: ${path}`);
    assert.ok(
      containerPort(probe.httpGet?.port),
      `[probes] ${kind}.httpGet.port must be the container port (http or 8080), got ${JSON.stringify(probe.httpGet?.port)}`,
    );
  }
});

test('[resources] CPU and memory requests, a memory limit, and no limit below its request', () => {
  const { requests = {}, limits = {} } = container().resources ?? {};
  assert.ok(cpu(requests.cpu) > 0, `[resources] resources.requests.cpu is required (such as 100m), got ${JSON.stringify(requests.cpu)}`);
  assert.ok(
    memory(requests.memory) > 0,
    `[resources] resources.requests.memory is required (such as 128Mi), got ${JSON.stringify(requests.memory)}`,
  );
  assert.ok(memory(limits.memory) > 0, `[resources] resources.limits.memory is required (such as 256Mi), got ${JSON.stringify(limits.memory)}`);
  assert.ok(
    memory(limits.memory) >= memory(requests.memory),
    `[resources] the memory limit (${limits.memory}) is below the request (${requests.memory}); the API server refuses that`,
  );
  if (limits.cpu !== undefined)
    assert.ok(cpu(limits.cpu) >= cpu(requests.cpu), `[resources] the CPU limit (${limits.cpu}) is below the request (${requests.cpu})`);
});

test('[security] runs as a non-root user, without privilege escalation, on a read-only root filesystem', () => {
  const pod = podSpec().securityContext ?? {};
  const own = container().securityContext ?? {};
  const runAsNonRoot = own.runAsNonRoot ?? pod.runAsNonRoot;
  const runAsUser = own.runAsUser ?? pod.runAsUser;
  assert.equal(
    runAsNonRoot,
    true,
    '[security] runAsNonRoot: true (in the pod or the container securityContext), so the kubelet refuses to start it as root',
  );
  assert.ok(runAsUser === undefined || (Number.isInteger(runAsUser) && runAsUser > 0), `[security] runAsUser must not be 0 (root), got ${runAsUser}`);
  assert.equal(own.allowPrivilegeEscalation, false, '[security] the container securityContext needs allowPrivilegeEscalation: false');
  assert.equal(own.readOnlyRootFilesystem, true, '[security] the container securityContext needs readOnlyRootFilesystem: true');
});

test('[rollout] a rolling update that never drops below 3 ready pods', () => {
  const strategy = deployment().spec?.strategy;
  assert.equal(strategy?.type, 'RollingUpdate', '[rollout] spec.strategy.type: RollingUpdate');
  const { maxUnavailable, maxSurge } = strategy?.rollingUpdate ?? {};
  assert.ok(
    maxUnavailable === 0 || maxUnavailable === '0%',
    `[rollout] rollingUpdate.maxUnavailable: 0, got ${JSON.stringify(maxUnavailable)} (the default, 25%, takes a ready pod away first)`,
  );
  assert.ok(
    maxSurge !== undefined && maxSurge !== 0 && maxSurge !== '0%',
    `[rollout] rollingUpdate.maxSurge must be at least 1 (with maxUnavailable 0 it is the only way forward), got ${JSON.stringify(maxSurge)}`,
  );
});

test('[service] books-api on port 80 selects the pods and targets the container port', () => {
  const s = service();
  assert.equal(s.metadata?.name, 'books-api', '[service] metadata.name: books-api');
  assert.ok([undefined, 'ClusterIP'].includes(s.spec?.type), '[service] an internal Service: type ClusterIP');
  const labels = deployment().spec?.template?.metadata?.labels;
  assert.ok(
    selects(s.spec?.selector, labels),
    `[service] spec.selector ${JSON.stringify(s.spec?.selector)} must select the pod template's labels ${JSON.stringify(labels)}; otherwise the Service has no endpoints`,
  );
  const ports = s.spec?.ports ?? [];
  assert.equal(ports.length, 1, '[service] one port');
  assert.equal(ports[0].port, 80, '[service] port: 80');
  const target = ports[0].targetPort ?? ports[0].port;
  assert.ok(containerPort(target), `[service] targetPort ${JSON.stringify(target)} is not a port of the container (use http or 8080); traffic would go nowhere`);
});
