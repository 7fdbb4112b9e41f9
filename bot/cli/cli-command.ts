/** A CLI command: returns the exit code. */
export interface CliCommand {
  summary: string;
  run(argv: string[]): Promise<number>;
}
