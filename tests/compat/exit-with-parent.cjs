// Preloaded into the suite's users and inventory subgraphs: when the vitest process that forked
// them goes away (even by SIGKILL), their IPC channel closes and they exit instead of holding
// ports 4002/4003 for the next run.
process.on('disconnect', () => process.exit(0));
