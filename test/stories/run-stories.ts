/**
 * Runs a CSF stories module the way Storybook shows it, in the test browser: for every export
 * (so a story added to the module is tested without touching this file) it applies the story's
 * language, runs the meta's and the story's loaders and `beforeEach`, renders the story's
 * `render` with its args into a canvas, runs its play function, and checks the canvas with axe.
 * Stories with a colour-scheme arg (`parameters.scheme`) run once light and once dark, unless
 * the story pins that arg itself.
 */
import { expect } from '@open-wc/testing';
import { nothing, render } from 'lit';

import '../../src/define.js';
import type { SchemeParameter } from '../../stories/support/form.js';
import { applyLocale } from '../../stories/support/locale.js';

type Args = Record<string, unknown>;
type Loaded = Record<string, unknown>;

interface StoryContextLike {
  id: string;
  name: string;
  title: string;
  args: Args;
  globals: Record<string, unknown>;
  parameters: Record<string, unknown>;
  loaded: Loaded;
  canvasElement: HTMLElement;
  viewMode: 'story';
  step: (label: string, play: () => Promise<void> | void) => Promise<void>;
}

type Loader = (context: StoryContextLike) => Promise<Loaded | void> | Loaded | void;
type Cleanup = () => void | Promise<void>;
type BeforeEach = (context: StoryContextLike) => Promise<Cleanup | void> | Cleanup | void;

interface StoryLike {
  name?: string;
  args?: Args;
  globals?: Record<string, unknown>;
  parameters?: Record<string, unknown>;
  loaders?: Loader | Loader[];
  beforeEach?: BeforeEach | BeforeEach[];
  render?: (args: Args, context: StoryContextLike) => unknown;
  play?: (context: StoryContextLike) => Promise<void> | void;
}

interface MetaLike extends StoryLike {
  title?: string;
  component?: string;
  includeStories?: unknown;
  excludeStories?: unknown;
}

export interface RunOptions {
  /** Milliseconds one story may take (loaders, render, play, axe). */
  timeout?: number;
}

function list<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function storyId(title: string, name: string): string {
  const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${slug(title)}--${slug(name)}`;
}

/** Storybook's render when a story has none: the meta's component with the args as properties. */
function defaultRender(component: string | undefined): (args: Args) => HTMLElement {
  return (args) => {
    if (!component) throw new Error('the story has no render function and its meta no component');
    const element = document.createElement(component);
    Object.assign(element, args);
    return element;
  };
}

/** Waits until every Lit element in the canvas (and in their shadow roots) has rendered. */
async function settle(root: ParentNode): Promise<void> {
  for (let round = 0; round < 3; round++) {
    const pending: Promise<unknown>[] = [];
    const visit = (node: ParentNode) => {
      for (const element of node.querySelectorAll('*')) {
        const update = (element as Partial<{ updateComplete: Promise<unknown> }>).updateComplete;
        if (update) pending.push(update);
        if (element.shadowRoot) visit(element.shadowRoot);
      }
    };
    visit(root);
    await Promise.all(pending);
  }
}

/** The arg values the story runs with: its own, or each scheme in turn when it leaves it open. */
function variants(meta: MetaLike, story: StoryLike): { label: string; args: Args }[] {
  const scheme = ({ ...meta.parameters, ...story.parameters } as { scheme?: SchemeParameter }).scheme;
  if (!scheme || (story.args && scheme.arg in story.args)) return [{ label: '', args: {} }];
  return [
    { label: ' (light)', args: { [scheme.arg]: scheme.light } },
    { label: ' (dark)', args: { [scheme.arg]: scheme.dark } },
  ];
}

async function runStory(meta: MetaLike, story: StoryLike, exportName: string, overrides: Args): Promise<void> {
  const title = meta.title ?? '';
  const name = story.name ?? exportName;
  const canvas = document.createElement('div');
  canvas.id = 'storybook-root';
  document.body.append(canvas);
  const context: StoryContextLike = {
    id: storyId(title, exportName),
    name,
    title,
    args: { ...meta.args, ...story.args, ...overrides },
    globals: { locale: 'en', ...meta.globals, ...story.globals },
    parameters: { ...meta.parameters, ...story.parameters },
    loaded: {},
    canvasElement: canvas,
    viewMode: 'story',
    step: async (_label, play) => {
      await play();
    },
  };
  const cleanups: Cleanup[] = [];
  try {
    await applyLocale(String(context.globals.locale));
    // As Storybook does: the meta's loaders, then the story's; the loaders of one group in parallel.
    const loaded: Loaded = {};
    for (const group of [list(meta.loaders), list(story.loaders)]) {
      const results = await Promise.all(group.map(async (loader) => loader(context)));
      Object.assign(loaded, ...results.map((result) => result ?? {}));
    }
    context.loaded = loaded;
    for (const hook of [...list(meta.beforeEach), ...list(story.beforeEach)]) {
      const cleanup = await hook(context);
      if (cleanup) cleanups.push(cleanup);
    }
    const renderStory = story.render ?? meta.render ?? defaultRender(meta.component);
    const result = renderStory(context.args, context);
    if (result instanceof Node) canvas.replaceChildren(result);
    else render(result, canvas);
    await settle(canvas);
    expect(canvas.children.length, 'the story rendered nothing').to.be.greaterThan(0);

    await story.play?.(context);
    await settle(canvas);
    await expect(canvas).to.be.accessible();
  } finally {
    render(nothing, canvas);
    canvas.remove();
    for (const cleanup of cleanups.reverse()) await cleanup();
    await applyLocale('en');
  }
}

/**
 * One `describe` per stories module, one test per story (and scheme). The first test fails if
 * the module exports something that is not a story, or hides stories from this runner.
 */
export function describeStories(module: Record<string, unknown>, options: RunOptions = {}): void {
  const { default: metaExport, __namedExportsOrder: _order, ...exports } = module;
  const meta = (metaExport ?? {}) as MetaLike;
  const stories = Object.entries(exports);

  describe(`stories: ${meta.title ?? '(no title)'}`, function () {
    this.timeout(options.timeout ?? 30_000);

    it('has a title and exports only stories, every one of them run below', () => {
      expect(meta.title, 'the default export needs a title').to.be.a('string');
      expect(meta.includeStories, 'includeStories would hide stories from these tests').to.equal(undefined);
      expect(meta.excludeStories, 'excludeStories would hide stories from these tests').to.equal(undefined);
      expect(stories.length, 'the module has no stories').to.be.greaterThan(0);
      for (const [name, story] of stories) {
        expect(story, `export "${name}" is not a story object`).to.be.an('object');
        expect(/^[A-Z]/.test(name), `export "${name}" is not a story name`).to.equal(true);
      }
    });

    for (const [name, value] of stories) {
      const story = (value ?? {}) as StoryLike;
      for (const variant of variants(meta, story)) {
        it(`${name}${variant.label}`, () => runStory(meta, story, name, variant.args));
      }
    }
  });
}
