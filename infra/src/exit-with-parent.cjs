// Preloaded (`node --require`) into the processes a harness starts: `npm start`'s services and the
// conformance suite's subgraphs. When the process that started this one is gone, even killed with
// SIGKILL, this one is adopted by another and its parent pid changes: it then stops as on SIGTERM
// (a service drains first) instead of holding its port for the next start.
const parent = process.ppid;
const watch = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(watch);
  process.kill(process.pid, 'SIGTERM');
}, 1000);
watch.unref();
