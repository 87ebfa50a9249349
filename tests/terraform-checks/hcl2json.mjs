// Turns every .tf file under a folder into JSON with HashiCorp's HCL parser, and formats it with hclwrite (the
// formatter behind `terraform fmt`), both compiled to WebAssembly, for the Terraform checks in
// tests/Pipeline.TerraformTests. Usage: node hcl2json.mjs <folder>. Writes one JSON object to stdout:
// {"files": {"<path relative to the folder>": {"json": {...}, "formatted": true|false} | {"error": "..."}}}.
import { parse } from "@cdktf/hcl2json";
import { format } from "@cdktf/hcl-tools";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

async function* tfFiles(folder) {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== ".terraform" && entry.name !== "node_modules") yield* tfFiles(full);
    } else if (entry.name.endsWith(".tf")) {
      yield full;
    }
  }
}

const root = path.resolve(process.argv[2] ?? ".");
const files = {};
const all = [];
for await (const file of tfFiles(root)) all.push(file);
all.sort();
for (const file of all) {
  const relative = path.relative(root, file).split(path.sep).join("/");
  try {
    const text = await readFile(file, "utf8");
    files[relative] = { json: await parse(relative, text), formatted: (await format(text)) === text };
  } catch (error) {
    files[relative] = { error: String(error?.message ?? error) };
  }
}
process.stdout.write(JSON.stringify({ files }));
