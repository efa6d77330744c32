// Schema check of the Kubernetes manifests in infra/k8s, offline:
//  1. every resource that kustomization.yaml lists is read (all YAML documents of each file);
//  2. each is checked against its kind's JSON schema from the Kubernetes OpenAPI (kubernetes-models: types, required
//     fields, formats, enums), which the API server applies too;
//  3. unknown fields (a misspelt "replicaz", a field at the wrong level), which the schemas allow but the API server
//     drops or refuses, are found by TypeScript: the same models' types, assigned from object literals, reject any
//     property they do not declare (the compiler names the first one per resource).
//  4. the pieces fit together (selectors, named ports, referenced ConfigMap and Deployment).
// Exit 0 when all pass; prints each problem and exits 1 otherwise.
import { readFileSync, writeFileSync, rmSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(process.argv[2] ?? join(here, ".."));
const problems = [];

function parse(file) {
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  return docs.flatMap((doc) => {
    if (doc.errors.length) {
      problems.push(`${file}: ${doc.errors.map((e) => e.message).join("; ")}`);
      return [];
    }
    const value = doc.toJS();
    return value == null ? [] : [value];
  });
}

const kustomization = parse(join(root, "kustomization.yaml"))[0] ?? {};
if (kustomization.kind !== "Kustomization") problems.push("kustomization.yaml: not a Kustomization");
const resources = [];
for (const name of kustomization.resources ?? []) {
  for (const doc of parse(join(root, name))) resources.push({ file: name, doc });
}
if (!resources.length) problems.push("no resources listed in kustomization.yaml");

// apiVersion "apps/v1" kind Deployment -> kubernetes-models/apps/v1/Deployment; "v1" Service -> kubernetes-models/v1/Service
const modulePath = ({ apiVersion, kind }) => `kubernetes-models/${apiVersion}/${kind}`;
const typed = [];
for (const { file, doc } of resources) {
  const where = `${file}: ${doc.kind ?? "?"} ${doc.metadata?.name ?? "?"}`;
  let Model;
  try {
    ({ [doc.kind]: Model } = await import(modulePath(doc)));
  } catch {
    problems.push(`${where}: unknown apiVersion/kind ${doc.apiVersion}/${doc.kind}`);
    continue;
  }
  try {
    new Model(doc).validate();
  } catch (e) {
    problems.push(`${where}: ${e.message}`);
  }
  typed.push({ where, doc });
}

if (typed.length) {
  {
    const lines = typed.map(({ doc }, i) => `import type { I${doc.kind} as T${i} } from "${modulePath(doc)}";`);
    typed.forEach(({ doc }, i) => lines.push(`export const r${i}: T${i} = ${JSON.stringify(doc)};`));
    const source = join(here, ".check.ts");
    writeFileSync(source, lines.join("\n") + "\n");
    try {
      execFileSync(process.execPath, [join(here, "node_modules/typescript/bin/tsc"), "--noEmit", "--strict", "--module", "nodenext",
        "--moduleResolution", "nodenext", "--target", "es2022", source], { encoding: "utf8", stdio: "pipe" });
    } catch (e) {
      for (const line of String(e.stdout).split("\n").filter(Boolean)) {
        const m = line.match(/\.check\.ts\((\d+),\d+\): (.*)/);
        const index = m ? Number(m[1]) - 1 - typed.length : -1;
        problems.push(index >= 0 && typed[index] ? `${typed[index].where}: ${m[2]}` : line);
      }
    } finally {
      rmSync(source, { force: true });
    }
  }
}

// 4. The pieces fit together: selectors find the pods, named ports exist, referenced ConfigMaps and Deployments are here.
const deployments = resources.filter((r) => r.doc.kind === "Deployment").map((r) => r.doc);
const configMaps = new Set(resources.filter((r) => r.doc.kind === "ConfigMap").map((r) => r.doc.metadata.name));
const podLabels = (d) => d.spec?.template?.metadata?.labels ?? {};
const selects = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels[k] === v);
const portNames = (d) => new Set((d.spec?.template?.spec?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => p.name)));
for (const d of deployments) {
  if (!selects(d.spec?.selector?.matchLabels, podLabels(d))) problems.push(`Deployment ${d.metadata.name}: selector does not match its pod labels`);
  for (const c of d.spec?.template?.spec?.containers ?? []) {
    for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
      const port = c[probe]?.httpGet?.port;
      if (typeof port === "string" && !portNames(d).has(port)) problems.push(`Deployment ${d.metadata.name}: ${probe} port ${port} is not declared`);
    }
    for (const ref of c.envFrom ?? []) {
      if (ref.configMapRef && !configMaps.has(ref.configMapRef.name)) problems.push(`Deployment ${d.metadata.name}: no ConfigMap ${ref.configMapRef.name}`);
    }
  }
}
for (const { doc } of resources) {
  const selector = doc.kind === "Service" ? doc.spec?.selector
    : ["PodDisruptionBudget", "NetworkPolicy"].includes(doc.kind) ? (doc.spec?.selector ?? doc.spec?.podSelector)?.matchLabels : null;
  if (selector) {
    const target = deployments.find((d) => selects(selector, podLabels(d)));
    if (!target) problems.push(`${doc.kind} ${doc.metadata.name}: its selector finds no Deployment's pods`);
    for (const p of doc.kind === "Service" ? doc.spec.ports ?? [] : []) {
      if (target && typeof p.targetPort === "string" && !portNames(target).has(p.targetPort)) problems.push(`Service ${doc.metadata.name}: no container port ${p.targetPort}`);
    }
  }
  if (doc.kind === "HorizontalPodAutoscaler" && !deployments.some((d) => d.metadata.name === doc.spec?.scaleTargetRef?.name)) {
    problems.push(`HorizontalPodAutoscaler ${doc.metadata.name}: no Deployment ${doc.spec?.scaleTargetRef?.name}`);
  }
}

if (problems.length) {
  for (const p of problems) console.error("INVALID " + p);
  console.error(`k8s manifests: ${problems.length} problem(s) in ${resources.length} resources`);
  process.exit(1);
}
console.log(`k8s manifests valid: ${resources.length} resources (${resources.map((r) => r.doc.kind).join(", ")})`);
