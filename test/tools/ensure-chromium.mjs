/**
 * Runs before `npm test`: the tests use Debian's Chromium (no browser is downloaded). When it is
 * missing and we are root on Debian, install it with apt; otherwise say exactly what to do.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const bin = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
if (!existsSync(bin)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(`Chromium is missing at ${bin}: installing Debian's chromium package…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'chromium', 'fonts-wqy-microhei'], {
      stdio: 'inherit',
      env,
    });
  } else {
    console.error(
      `The tests need Chromium at ${bin}. Install it (Debian: sudo apt-get install chromium) or set CHROMIUM_BIN to a Chromium binary.`,
    );
    process.exit(1);
  }
}
