// Derives the hashicorp/aws provider schema that the Terraform checks use (per resource and data source type: its
// arguments with "required", and nested blocks with "block", "nesting" and "required") from the jsii type
// information of the npm package @cdktf/provider-aws, which is generated from that provider's own schema.
// Usage: node provider-schema.mjs. Writes {"provider", "version", "resources", "data_sources"} to stdout.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const packageDir = path.dirname(require.resolve("@cdktf/provider-aws/package.json"));
const assembly = JSON.parse(await readFile(path.join(packageDir, ".jsii"), "utf8"));
const types = assembly.types;

// Every generated property and class links to the registry page of what it stands for, with the Terraform name:
// .../docs/resources/glue_job#role_arn or .../docs/data-sources/iam_policy_document.
const registryLink = /registry\.terraform\.io\/providers\/hashicorp\/aws\/([^/]+)\/docs\/(resources|data-sources)\/([a-z0-9_]+)(?:#([a-z0-9_]+))?/;

function link(docs) {
  return registryLink.exec(`${docs?.summary ?? ""} ${docs?.remarks ?? ""}`);
}

// A nested block is a struct type (single, at most one) or an array of struct types (list or set).
function blockOf(type) {
  if (type.fqn && types[type.fqn]?.kind === "interface" && types[type.fqn].datatype) return { fqn: type.fqn, nesting: "single" };
  const candidates = type.union ? type.union.types : [type];
  for (const candidate of candidates) {
    const element = candidate.collection?.kind === "array" ? candidate.collection.elementtype : undefined;
    if (element?.fqn && types[element.fqn]?.datatype) return { fqn: element.fqn, nesting: "list" };
  }
  return undefined;
}

function propertiesOf(fqn) {
  const type = types[fqn];
  const own = type.properties ?? [];
  const inherited = (type.interfaces ?? []).filter((parent) => types[parent]).flatMap(propertiesOf);
  return [...own, ...inherited];
}

function schemaOf(fqn, seen = new Set()) {
  const schema = {};
  for (const property of propertiesOf(fqn)) {
    const match = link(property.docs);
    if (!match || !match[4]) continue; // not an argument of the provider (for example the meta-arguments)
    const name = match[4];
    const entry = { required: !property.optional };
    const block = blockOf(property.type);
    if (block && !seen.has(block.fqn)) {
      schema[name] = { block: schemaOf(block.fqn, new Set([...seen, block.fqn])), nesting: block.nesting, required: entry.required };
    } else {
      schema[name] = entry;
    }
  }
  return Object.fromEntries(Object.entries(schema).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const resources = {};
const dataSources = {};
let version;
for (const type of Object.values(types)) {
  if (type.kind !== "class" || (type.base !== "cdktf.TerraformResource" && type.base !== "cdktf.TerraformDataSource")) continue;
  const match = link(type.docs);
  const config = type.initializer?.parameters?.find((parameter) => parameter.name === "config")?.type?.fqn;
  if (!match || !config) continue;
  version = match[1];
  const target = match[2] === "resources" ? resources : dataSources;
  target[`aws_${match[3]}`] = schemaOf(config);
}

const sorted = (object) => Object.fromEntries(Object.keys(object).sort().map((key) => [key, object[key]]));
process.stdout.write(JSON.stringify({ data_sources: sorted(dataSources), provider: "hashicorp/aws", resources: sorted(resources), version }));
