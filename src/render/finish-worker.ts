import { parentPort } from 'node:worker_threads';
import { finishPrints } from './targets.js';
import { describeThrown, type FinishReply, type FinishRequest } from './finishing.js';

/**
 * The finishing thread (render/finishing.ts): post-processes and preflights the prints of one profile
 * at a time, as finishPrints does on the main thread, and sends back the files or what was thrown.
 */
parentPort?.on('message', async ({ id, prints, context, press }: FinishRequest) => {
  let reply: FinishReply;
  try {
    reply = { id, files: await finishPrints(prints, context, press) };
  } catch (error) {
    reply = { id, thrown: describeThrown(error) };
  }
  parentPort?.postMessage(reply);
});
