// The TSDoc examples of the protocol room are true: every `Codec.decode(input); // Right…` line in src/protocol is
// run against the exported codec and must give a Right (and its named value, when the comment gives one).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as protocol from '../../src/protocol';

const dir = join(__dirname, '../../src/protocol');
const EXAMPLE = /^ \* (\w+)\.decode\((.*)\); \/\/ (Right|Left)(?:\('([^']*)'\)|\((\d+|true|false)\))?/;

const IMPORT = /^ \* import \{ (\w+) \} from 'gws-rx';/;

// Only examples that decode with the codec their own example imports from 'gws-rx' (a local helper codec is skipped).
const examples = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .flatMap((f) => {
    let imported: string | undefined;
    return readFileSync(join(dir, f), 'utf8')
      .split('\n')
      .flatMap((line) => {
        const imp = IMPORT.exec(line);
        if (imp !== null) imported = imp[1];
        const m = EXAMPLE.exec(line);
        if (m === null || m[1] !== imported) return [];
        return [{ file: f, name: m[1] ?? '', input: m[2] ?? '', tag: m[3], str: m[4], lit: m[5] }];
      });
  });

const codecs = protocol as unknown as Readonly<Record<string, { decode?: (u: unknown) => { _tag: string } }>>;

test('the TSDoc examples were found', () => {
  expect(examples.length).toBeGreaterThan(40);
});

test.each(examples)('$file: $name.decode($input)', ({ name, input, tag, str, lit }) => {
  const codec = codecs[name];
  if (codec?.decode === undefined) throw new Error(`${name} is not an exported codec`);
  // The example inputs are plain object/array/string literals written in this repository.
  const value: unknown = new Function(`return (${input});`)();
  const result = codec.decode(value) as { _tag: string; right?: unknown };
  expect(result._tag).toBe(tag);
  if (str !== undefined) expect(result.right).toBe(str);
  if (lit !== undefined) expect(result.right).toEqual(JSON.parse(lit));
});
