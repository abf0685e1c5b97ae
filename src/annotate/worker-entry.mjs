// Worker threads start without the main thread's module hooks: register tsx, then load the
// TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
