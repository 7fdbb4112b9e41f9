import { fileURLToPath } from "node:url";

/** The project root, whatever the working directory. */
export const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Where content (locales, FAQ, rules, directories) lives. */
export const CONTENT_DIR = fileURLToPath(new URL("../content/", import.meta.url));
