// `npm run db:migrate`: applies the migrations to DATABASE_URL, or to the embedded database.
import { loadEnv } from '../env.js';
import { openDatabase } from './client.js';

const env = loadEnv();
const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
await database.migrate();
await database.close();
console.log(`Migrations applied (${database.engine}).`);
