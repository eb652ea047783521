// Jest runs the sources as the Node entry does: the generated canonical checks installed, every codec compiled
// (test/protocol/generated.test.ts lists the compiled shapes).
import { compileAllCodecs, useGeneratedChecks } from '../../src/protocol/fastChecks';

useGeneratedChecks();
compileAllCodecs();
