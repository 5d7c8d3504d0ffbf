// Loaded with --import into a command run by the households import benchmark: writes the peak
// resident set size (KiB) of the process to MAXRSS_FILE when it exits.
import fs from 'node:fs';

process.on('exit', () => {
  if (process.env.MAXRSS_FILE)
    fs.writeFileSync(process.env.MAXRSS_FILE, String(process.resourceUsage().maxRSS));
});
