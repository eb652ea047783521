// The committed API report: what each entry of the published package exports, as @microsoft/api-extractor sees the
// built declarations (dist/*.d.ts, after `npm run build`). `npm test` runs `node scripts/api-report.mjs`, which fails
// when the surface differs from scripts/api-report/*.api.md; `npm run api` (--update) rewrites the reports after an
// intended change, so the change is a reviewed diff.
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { fileURLToPath } from 'node:url';

const update = process.argv.includes('--update');
const configFile = fileURLToPath(new URL('./api-extractor.json', import.meta.url));
const entries = [
  { entry: 'index', report: 'gws-rx.api.md' },
  { entry: 'node', report: 'gws-rx-node.api.md' },
  { entry: 'sim', report: 'gws-rx-sim.api.md' },
];

let failed = false;
for (const { entry, report } of entries) {
  const loaded = ExtractorConfig.loadFile(configFile);
  const config = ExtractorConfig.prepare({
    configObject: {
      ...loaded,
      mainEntryPointFilePath: `<projectFolder>/dist/${entry}.d.ts`,
      apiReport: { ...loaded.apiReport, reportFileName: report },
    },
    configObjectFullPath: configFile,
    packageJsonFullPath: fileURLToPath(new URL('../package.json', import.meta.url)),
  });
  const messages = [];
  const result = Extractor.invoke(config, {
    localBuild: update,
    showVerboseMessages: false,
    messageCallback: (m) => {
      if (m.logLevel === 'warning' || m.logLevel === 'error') messages.push(`${m.logLevel}: ${m.text}`);
      m.handled = true;
    },
  });
  for (const m of messages) process.stderr.write(`api-report ${entry}: ${m}\n`);
  if (!result.succeeded || (!update && result.apiReportChanged) || messages.some((m) => m.startsWith('error'))) {
    failed = true;
    process.stderr.write(
      `api-report ${entry}: the public API differs from scripts/api-report/${report}` +
        ` (run \`npm run api\` after an intended change and commit the report)\n`,
    );
  }
}
process.exit(failed ? 1 : 0);
