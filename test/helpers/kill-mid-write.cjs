// Preloaded with `node -r`: the first write to a file (not stdout or stderr)
// writes half its bytes, then the process kills itself, as a crash or a
// power cut would, mid-write.
const fs = require('node:fs');
const writeSync = fs.writeSync;
fs.writeSync = function (fd, data, ...rest) {
  if (fd !== 1 && fd !== 2) {
    const half = typeof data === 'string' ? data.slice(0, data.length >> 1) : data.subarray(0, data.length >> 1);
    writeSync.call(fs, fd, half);
    process.kill(process.pid, 'SIGKILL');
  }
  return writeSync.call(fs, fd, data, ...rest);
};
