// `npm run docs`: the API reference of the public entries (gws-rx, gws-rx/node, gws-rx/sim) as HTML in dist-docs/
// (not committed), made by TypeDoc from the sources' TSDoc, with every operator's marble diagrams drawn as SVG on its
// page. The diagrams are drawn from the ```text blocks of the operators' TSDoc, the same text their marble specs run
// (marbles/documented.ts), by scripts/marbles/diagram.ts: no picture is drawn by hand.
//
// An operator is any documented function whose return type is rxjs's OperatorFunction (or MonoTypeOperatorFunction),
// so a new operator is picked up as it is exported; the build fails when one has no diagram, or one that does not
// parse. Other functions whose TSDoc holds text blocks that parse as marble diagrams (syncedTopic, the operations) get
// them drawn too; a text block of theirs that is not a diagram stays text. It also rewrites
// docs/images/chatConversations.svg, the diagram the README shows (test/docs checks that it is up to date).
//
//   node scripts/docs.mjs [--out DIR]
import { Buffer } from 'node:buffer';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { Application, Comment, JSX, ReflectionKind } from 'typedoc';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const outFlag = args.indexOf('--out');
const out = outFlag >= 0 && args[outFlag + 1] ? args[outFlag + 1] : join(root, 'dist-docs');
const fail = (/** @type {string} */ line) => {
  process.stderr.write(`docs: ${line}\n`);
  process.exit(1);
};

/** The README's picture: this operator's first diagram. */
const README_IMAGE = { operator: 'chatConversations', file: 'docs/images/chatConversations.svg' };

// The diagram module is TypeScript (the marble specs import it too): esbuild bundles it for this process.
const bundle = await esbuild.build({
  entryPoints: [join(root, 'scripts/marbles/diagram.ts')],
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
  logLevel: 'silent',
});
/** @type {typeof import('./marbles/diagram')} */
const diagram = await import(
  `data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0]?.text ?? '').toString('base64')}`
);

// The README's image, from the operator's source (what its marble spec reads).
{
  const source = readFileSync(join(root, `src/operators/${README_IMAGE.operator}.ts`), 'utf8');
  const [first] = diagram.operatorDiagrams(source, README_IMAGE.operator);
  if (first === undefined) fail(`${README_IMAGE.operator} has no diagram for ${README_IMAGE.file}`);
  else {
    mkdirSync(dirname(join(root, README_IMAGE.file)), { recursive: true });
    writeFileSync(join(root, README_IMAGE.file), diagram.renderSvg(first, `${README_IMAGE.operator}: marble diagram`));
  }
}

const app = await Application.bootstrapWithPlugins({
  entryPoints: ['src/index.ts', 'src/node.ts', 'src/sim/index.ts'],
  tsconfig: join(root, 'tsconfig.build.json'),
  readme: join(root, 'README.md'),
  name: 'gws-rx',
  out,
  excludeInternal: true,
  excludePrivate: true,
  // Type checking is npm run typecheck's job.
  skipErrorChecking: true,
  disableGit: true,
  disableSources: true,
  hideGenerator: true,
  githubPages: false,
  // Not linkify: it turns file names in prose (bench/RESULTS.md) into links to hosts of that name.
  markdownItOptions: { html: true, linkify: false },
  validation: { notExported: false, invalidLink: true, notDocumented: false },
  treatValidationWarningsAsErrors: true,
  logLevel: 'Warn',
});

const OPERATOR_TYPE = /^(MonoType)?OperatorFunction$/;
/** Whether a reflection is the signature of a function that returns an rxjs operator. */
const isOperatorSignature = (/** @type {any} */ r) =>
  r.kindOf(ReflectionKind.CallSignature) &&
  r.parent?.kindOf(ReflectionKind.Function) === true &&
  r.type?.type === 'reference' &&
  OPERATOR_TYPE.test(r.type.name);

/** Functions seen while rendering, with how many diagrams each page got. */
const drawn = new Map();
const isFunctionSignature = (/** @type {any} */ r) =>
  r.kindOf(ReflectionKind.CallSignature) && r.parent?.kindOf(ReflectionKind.Function) === true;
/** The diagrams of one text block, or none when it is not one (only an operator's must be). */
const diagramsOf = (/** @type {string} */ block, /** @type {boolean} */ required) => {
  try {
    return diagram.parseDiagrams(block);
  } catch (e) {
    if (required) throw e;
    return [];
  }
};

app.renderer.hooks.on('head.end', () =>
  JSX.createElement('style', null, [
    'figure.marble-diagram{margin:1em 0;overflow-x:auto}figure.marble-diagram svg{max-width:100%;height:auto}',
    'figure.marble-diagram figcaption{font-size:.85em;opacity:.8}',
    // A text diagram is aligned by columns: never wrap it.
    'pre:has(code.text){white-space:pre;word-wrap:normal;overflow-x:auto}',
  ]),
);

app.renderer.hooks.on('comment.beforeTags', (_context, comment, reflection) => {
  if (!isFunctionSignature(reflection)) return JSX.createElement(JSX.Fragment, null);
  const name = reflection.name;
  const operator = isOperatorSignature(reflection);
  const blocks = diagram.textBlocks(Comment.combineDisplayParts(comment.summary));
  let diagrams;
  try {
    diagrams = blocks.flatMap((block) => diagramsOf(block, operator));
  } catch (e) {
    fail(`the marble diagram of operator ${name} does not parse: ${e instanceof Error ? e.message : String(e)}`);
    return JSX.createElement(JSX.Fragment, null);
  }
  drawn.set(name, Math.max(drawn.get(name) ?? 0, diagrams.length));
  const figures = diagrams.map((d, i) =>
    JSX.createElement(
      'figure',
      { class: 'marble-diagram', 'data-operator': name },
      JSX.createElement(JSX.Raw, { html: diagram.renderSvg(d, `${name}: marble diagram ${i + 1}`) }),
      JSX.createElement('figcaption', null, `${name}: marble diagram${diagrams.length > 1 ? ` ${i + 1}` : ''}`),
    ),
  );
  return JSX.createElement(JSX.Fragment, null, ...figures);
});

const project = await app.convert();
if (project === undefined) fail('TypeDoc could not convert the entries (see above)');
else {
  const operators = Object.values(project.reflections)
    .filter((r) => r.kindOf(ReflectionKind.Function))
    .filter((f) => /** @type {any} */ (f).signatures?.some(isOperatorSignature))
    .map((f) => f.name);
  await app.generateDocs(project, out);
  if (app.logger.hasErrors() || app.logger.hasWarnings()) fail('TypeDoc reported problems (see above)');
  const names = [...new Set(operators)].sort();
  const missing = names.filter((name) => !(drawn.get(name) > 0));
  if (missing.length > 0) fail(`operators without a marble diagram in their TSDoc: ${missing.join(', ')}`);
  writeFileSync(join(out, 'operators.json'), `${JSON.stringify(names, null, 2)}\n`);
  const count = (/** @type {string[]} */ of) => of.reduce((n, name) => n + (drawn.get(name) ?? 0), 0);
  const others = [...drawn.keys()].filter((name) => !names.includes(name) && drawn.get(name) > 0).sort();
  process.stderr.write(
    `docs: ${relative(process.cwd(), out) || '.'}: ${names.length} operators, ${count(names)} diagrams drawn` +
      (others.length > 0 ? `; ${count(others)} more of ${others.join(', ')}` : '') +
      '\n',
  );
}
