import { compileCanonical, compileRegistered, installCompiler } from './canonical';
import { topicCodecs } from './topics';
import { useReaders } from './decode';
import { generatedChecks } from './canonical.generated';

/**
 * Puts the generated canonical checks (canonical.generated.ts) behind the decoder's fast path. The Node entry calls
 * it when imported; browser bundles leave it out (and with it the generated code) and decode through the generic
 * check, with the same results.
 * @example
 * ```ts
 * import { useGeneratedChecks } from './protocol/fastChecks';
 * useGeneratedChecks(); // before the first decode
 * ```
 * @internal
 */
export function useGeneratedChecks(): void {
  installCompiler((codec) => compileCanonical(codec, generatedChecks));
  useReaders();
}

/**
 * Compiles the canonical check of every codec of every topic now, rather than at first use (the generator and the
 * tests list the compiled shapes).
 * @example
 * ```ts
 * compileAllCodecs();
 * compiledShapes().length; // every object shape of the protocol
 * ```
 * @internal
 */
export function compileAllCodecs(): void {
  // Through the registry: the topics' codecs import every codec module, so every codec is defined by now.
  if (Object.keys(topicCodecs).length > 0) compileRegistered();
}
