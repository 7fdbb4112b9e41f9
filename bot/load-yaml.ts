import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { z } from "zod";
import { ContentError } from "./i18n";

/** Reads a YAML content file and validates it; a problem throws ContentError naming the file and field. */
export function loadYaml<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new ContentError(file, (err as Error).message);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ContentError(
      file,
      parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; "),
    );
  }
  return parsed.data;
}
