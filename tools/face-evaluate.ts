// `npm run face:evaluate -- <folder> [--raw] [--half even|odd] [--threshold T]`: measures the
// server's face check on a school's own labelled photos (`<identity>/<photo>`, JPEG or PNG), with
// the engine and code path the server uses. See docs/face-checks.md "Measuring on your own photos".
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { getFaceEngine } from '../server/vision/face-engine.js';
import {
  evaluateFaceCheck,
  formatEvaluation,
  listLabelledPhotos,
} from '../server/vision/face-evaluation.js';
import { DEFAULT_MATCH_THRESHOLD } from '../server/vision/face-verifier.js';

const argumentsSchema = z.object({
  folder: z.string().min(1),
  raw: z.boolean(),
  half: z.enum(['all', 'even', 'odd']),
  threshold: z.coerce.number().min(0).max(1),
});

function readArguments(): z.infer<typeof argumentsSchema> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      raw: { type: 'boolean', default: false },
      half: { type: 'string', default: 'all' },
      threshold: { type: 'string', default: String(DEFAULT_MATCH_THRESHOLD) },
    },
  });
  const parsed = argumentsSchema.safeParse({ ...values, folder: positionals[0] });
  if (!parsed.success) {
    process.stderr.write(
      'usage: npm run face:evaluate -- <folder of <identity>/<photo>> [--raw] [--half even|odd] [--threshold 0..1]\n',
    );
    process.exit(2);
  }
  return parsed.data;
}

const options = readArguments();
const photos = listLabelledPhotos(options.folder, options.half);
if (photos.length < 2) {
  process.stderr.write(`face-evaluate: ${options.folder} holds fewer than two photos\n`);
  process.exit(2);
}
const report = await evaluateFaceCheck(getFaceEngine(), photos, options, (done, total) => {
  if (process.stderr.isTTY) process.stderr.write(`\r${String(done)}/${String(total)} photos`);
});
if (process.stderr.isTTY) process.stderr.write('\n');
process.stdout.write(`${formatEvaluation(report).join('\n')}\n`);
