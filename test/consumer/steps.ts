/**
 * The consumer tests' view of the run the test server does for them (plugin.mjs): the package
 * packed, installed into the consumer projects, and typechecked there. Each test file starts it
 * (the first one does; it runs once) and waits for the steps it needs.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export interface Packed {
  size: number;
  unpackedSize: number;
  fileCount: number;
  files: string[];
  seconds: number;
}

export interface Typecheck {
  ok: boolean;
  output: string;
  seconds: number;
}

export interface InstalledPackage {
  resolved: Record<string, string>;
  dependencies: string[];
  webTypes: string;
  attributes: Record<string, Record<string, string>>;
  /** What the README's HTML snippets get wrong against custom-elements.json. */
  htmlProblems: string[];
}

type Job<T> = { state: 'running' } | { state: 'done'; value: T } | { state: 'failed'; error: string };

/** Packing builds the library, and a machine's first install fills npm's cache: minutes, at worst. */
export const STEP_TIMEOUT = 280_000;

/** One step of the run (`pack`, `install:react`, `typecheck:vue`, `package`), once it has finished. */
export async function step<T>(name: string): Promise<T> {
  await executeServerCommand<boolean, undefined>('consumer-start');
  for (;;) {
    const job = await executeServerCommand<Job<T>, { name: string }>('consumer-job', { name });
    if (job.state === 'done') return job.value;
    if (job.state === 'failed') throw new Error(`${name}: ${job.error}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
