// `npm run bench`: every benchmark in turn. Each prints its own figures.
await import('./startup.js');
await import('./roster-import.js');
await import('./face-verify.js');
await import('./realtime.js');
await import('./web-transfer.js');
// PostgreSQL at DATABASE_URL (default: this machine's, trust auth).
await import('./autosave.js');

export {};
