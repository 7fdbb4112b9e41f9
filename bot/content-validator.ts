/** One problem in one content file. */
export interface ContentProblem {
  file: string;
  line?: number;
  message: string;
}

/** A named check over the content folder (`npm run content:check`). */
export interface ContentValidator {
  name: string;
  check(contentDir: string): ContentProblem[];
}
