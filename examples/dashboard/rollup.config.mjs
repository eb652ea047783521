// Builds the browser dashboard: examples/dashboard/app.ts with gws-rx's browser entry (src/index) and its
// dependencies (rxjs, io-ts, fp-ts, cometd's browser transport) bundled into one ES module, dist/app.js.
// Run from the repository root: `rollup -c examples/dashboard/rollup.config.mjs`.
import nodeResolve from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import terser from '@rollup/plugin-terser';

// io-ts and fp-ts ship CommonJS under lib/ and ES modules under es6/: the browser bundle takes the ES modules, so
// `io-ts/lib/PathReporter.js` (which Node's ESM loader needs) becomes `io-ts/es6/PathReporter.js` here.
const preferEs6 = {
  name: 'prefer-es6',
  resolveId(source, importer, options) {
    const m = /^(io-ts|fp-ts)\/lib\/(.+)$/.exec(source);
    return m ? this.resolve(`${m[1]}/es6/${m[2]}`, importer, { ...options, skipSelf: true }) : null;
  },
};

export default {
  input: 'examples/dashboard/app.ts',
  plugins: [
    preferEs6,
    nodeResolve({ browser: true }),
    typescript({
      tsconfig: './tsconfig.json',
      // Only the browser rooms: the Node-only ones (sim, cli, node.ts) are neither bundled nor type-checked here.
      include: [
        'src/index.ts',
        'src/protocol/**/*.ts',
        'src/client/**/*.ts',
        'src/operators/**/*.ts',
        'examples/dashboard/**/*.ts',
      ],
      compilerOptions: { declaration: false, sourceMap: true, outDir: 'examples/dashboard/dist', types: [] },
    }),
    terser(),
  ],
  onwarn(warning, warn) {
    // fp-ts/io-ts es6 files start with tslib helpers that test `this` at module level: harmless in ES modules.
    if (warning.code !== 'THIS_IS_UNDEFINED') warn(warning);
  },
  output: { file: 'examples/dashboard/dist/app.js', format: 'es', sourcemap: true },
};
