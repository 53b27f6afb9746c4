// Route 3 of provision-wheels: Debian's python3-* packages from the system's own apt mirror.
// apt verifies each .deb against Debian's signed indexes; we additionally pin the .deb hashes we
// last verified (scripts/python-packages.lock.json) and fail if the same revision changes.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { debToWheel } from './deb-to-wheel.mjs';

const DEFAULT_KEYRING = '/usr/share/keyrings/debian-archive-keyring.gpg';
const debName = (project) => `python3-${project}`;

/** Finds the Debian archive URI in the system's apt configuration (deb822 or one-line format). */
export function findDebianMirror() {
  const texts = [];
  if (existsSync('/etc/apt/sources.list')) texts.push(readFileSync('/etc/apt/sources.list', 'utf8'));
  if (existsSync('/etc/apt/sources.list.d'))
    for (const f of readdirSync('/etc/apt/sources.list.d').filter((n) => /\.(sources|list)$/.test(n)))
      texts.push(readFileSync(join('/etc/apt/sources.list.d', f), 'utf8'));
  const uris = texts.flatMap((t) => [
    ...[...t.matchAll(/^URIs:\s*(\S+)/gm)].map((m) => m[1]),
    ...[...t.matchAll(/^deb\s+(?:\[[^\]]*\]\s+)?(\S+)/gm)].map((m) => m[1]),
  ]);
  const mirror = uris.find((u) => /\/debian\/?$/.test(u));
  if (!mirror) throw new Error('no Debian archive URI found in /etc/apt/sources.list{,.d}');
  return mirror.replace(/\/$/, '');
}

function aptOptions(dir) {
  return [
    '-o',
    `Dir::Etc::sourcelist=${join(dir, 'sources.list')}`,
    '-o',
    'Dir::Etc::sourceparts=-',
    '-o',
    `Dir::State::Lists=${join(dir, 'lists')}`,
    '-o',
    `Dir::Cache=${join(dir, 'cache')}`,
    '-o',
    'Debug::NoLocking=1',
    '-o',
    'APT::Sandbox::User=root',
    '-q',
  ];
}

/** Downloads the packages from one suite; returns the .deb paths or throws. */
function downloadSuite(aptDir, mirror, suite, projects) {
  mkdirSync(join(aptDir, 'lists/partial'), { recursive: true });
  mkdirSync(join(aptDir, 'cache/archives/partial'), { recursive: true });
  const debsDir = join(aptDir, 'debs', suite);
  mkdirSync(debsDir, { recursive: true });
  writeFileSync(join(aptDir, 'sources.list'), `deb [signed-by=${DEFAULT_KEYRING}] ${mirror} ${suite} main\n`);
  const opts = aptOptions(aptDir);
  execFileSync('apt-get', [...opts, 'update'], { stdio: ['ignore', 'ignore', 'pipe'] });
  execFileSync('apt-get', [...opts, 'download', ...projects.map(debName)], { cwd: debsDir, stdio: ['ignore', 'ignore', 'pipe'] });
  return Object.fromEntries(
    projects.map((p) => {
      const file = readdirSync(debsDir).find((f) => f.startsWith(`${debName(p)}_`) && f.endsWith('.deb'));
      if (!file) throw new Error(`${debName(p)} not downloaded from ${suite}`);
      return [p, join(debsDir, file)];
    }),
  );
}

/** @type {import('./route').Route} */
export async function fromDebian({ cacheDir, lock, log, updateLock, root }) {
  execFileSync('apt-get', ['--version'], { stdio: 'ignore' }); // throws ENOENT on non-Debian machines
  const mirror = findDebianMirror();
  const aptDir = join(cacheDir, '..', 'apt');
  const errors = [];
  for (const suite of lock.debian.suites) {
    let debs;
    try {
      debs = downloadSuite(aptDir, mirror, suite, lock.packages);
    } catch (error) {
      errors.push(
        `${suite}: ${String(error.stderr ?? error.message)
          .trim()
          .split('\n')
          .pop()}`,
      );
      continue;
    }
    const manifest = {};
    for (const project of lock.packages) {
      const deb = debs[project];
      const debVersion = execFileSync('dpkg-deb', ['-f', deb, 'Version'], { encoding: 'utf8' }).trim();
      const debSha256 = createHash('sha256').update(readFileSync(deb)).digest('hex');
      const pinned = lock.debian.debs[project];
      if (pinned && pinned.debVersion === debVersion && pinned.debSha256 !== debSha256)
        throw new Error(`${deb}: sha256 ${debSha256} differs from the pinned ${pinned.debSha256} for the same revision`);
      if (pinned && pinned.debVersion !== debVersion)
        log(`note: ${debName(project)} is now ${debVersion} (pinned ${pinned.debVersion}); verified by apt's signed index`);
      const extracted = join(aptDir, 'x', `${project}-${debVersion}`);
      mkdirSync(extracted, { recursive: true });
      execFileSync('dpkg-deb', ['-x', deb, extracted]);
      const wheel = debToWheel(join(extracted, 'usr/lib/python3/dist-packages'), project);
      writeFileSync(join(cacheDir, wheel.fileName), wheel.data);
      manifest[project] = {
        fileName: wheel.fileName,
        version: wheel.version,
        sha256: createHash('sha256').update(wheel.data).digest('hex'),
        source: `debian ${suite} (${debName(project)} ${debVersion})`,
        debVersion,
        debSha256,
      };
    }
    if (updateLock) {
      const lockPath = join(root, 'scripts/python-packages.lock.json');
      const fresh = JSON.parse(readFileSync(lockPath, 'utf8'));
      fresh.debian.debs = Object.fromEntries(
        lock.packages.map((p) => [p, { suite, debVersion: manifest[p].debVersion, debSha256: manifest[p].debSha256 }]),
      );
      writeFileSync(lockPath, JSON.stringify(fresh, null, 2) + '\n');
      log('updated the pinned .deb hashes in scripts/python-packages.lock.json');
    }
    return manifest;
  }
  throw new Error(`no suite had all packages (${errors.join('; ')})`);
}
