import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The role pages' texts are not in the shell: the router loads candidateTexts.ts with the
// candidate's and the phone's pages and staffTexts.ts (with candidateTexts.ts) with the staff's.
// A page that shows a text of a group its route does not load would show the bare key, so this
// reads the router and every module its pages import, and checks which texts they name.

const WEB = resolve(import.meta.dirname, '..');
const read = (path: string) => readFileSync(path, 'utf8');
const routerFile = join(WEB, 'router.tsx');

/** The top-level keys a text group adds (`  candidateTicket: candidateTicketZH,`). */
function namespacesOf(groupFile: string): string[] {
  return [...read(join(WEB, 'i18n', groupFile)).matchAll(/^ {2}(\w+): \w+ZH,$/gm)].map(
    (match) => match[1] ?? '',
  );
}

/** The web/ source file an import specifier names ('./x.js' is x.ts or x.tsx), if any. */
function resolveImport(fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(fromFile), specifier).replace(/\.js$/, '');
  const file = [`${base}.ts`, `${base}.tsx`].find((candidate) => existsSync(candidate));
  return file !== undefined && file.startsWith(WEB) ? file : null;
}

/** Relative modules a file imports (`import type` brings no code), lazily too unless told. */
function importsOf(file: string, { lazily = true } = {}): string[] {
  const source = read(file);
  const specifiers = [
    ...source.matchAll(/^(?:import|export)(?! type)[^;]*?from '([^']+)'/gms),
    ...source.matchAll(/^import '([^']+)'/gm),
    ...(lazily ? source.matchAll(/import\('([^']+)'\)/g) : []),
  ].map((match) => match[1] ?? '');
  return specifiers
    .map((specifier) => resolveImport(file, specifier))
    .filter((path) => path !== null);
}

/** Every module reachable from the given ones; the router's lazy pages are checked on their own. */
function closureOf(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const pending = [...entries];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    pending.push(...importsOf(file, { lazily: file !== routerFile }));
  }
  return seen;
}

/** The modules of the given namespaces each file names ('candidateTicket.open' …). */
function namespacesUsed(files: Set<string>, namespaces: string[]): Map<string, string[]> {
  const used = new Map<string, string[]>();
  for (const file of files) {
    if (file.endsWith('messages.ts') || file.endsWith('Texts.ts')) continue;
    const source = read(file);
    const found = namespaces.filter((namespace) =>
      new RegExp(`['"\`]${namespace}\\.`).test(source),
    );
    if (found.length > 0) used.set(relative(WEB, file), found);
  }
  return used;
}

const router = read(routerFile);
const lazyPages = (wrapper: string) =>
  [...router.matchAll(new RegExp(`${wrapper}\\(import\\('([^']+)'\\)\\)`, 'g'))]
    .map((match) => resolveImport(routerFile, match[1] ?? ''))
    .filter((path) => path !== null);
const candidatePages = lazyPages('candidatePage');
const staffPages = lazyPages('staffPage');
// Public pages: whatever else the router imports, eagerly or lazily, but not its text groups.
const publicPages = importsOf(routerFile).filter(
  (file) => ![...candidatePages, ...staffPages].includes(file) && !file.endsWith('Texts.ts'),
);
const candidateNamespaces = namespacesOf('candidateTexts.ts');
const staffNamespaces = namespacesOf('staffTexts.ts');

describe('The texts each page needs are loaded with it', () => {
  it('finds the routes and the text groups (the check below reads them)', () => {
    expect(candidatePages.map((file) => relative(WEB, file))).toEqual(
      expect.arrayContaining([
        'roles/candidate/CandidateHomePage.tsx',
        'roles/candidate/check-in/CheckInPage.tsx',
        'roles/phone/index.ts',
      ]),
    );
    expect(staffPages.length).toBeGreaterThanOrEqual(3);
    expect(publicPages.map((file) => relative(WEB, file))).toContain(
      'pages/school/SchoolLoginPage.tsx',
    );
    expect(candidateNamespaces).toContain('candidateCheckIn');
    expect(staffNamespaces).toContain('staffPanel');
    // The scan sees what a page names: the check-in names its own texts.
    const checkIn = namespacesUsed(closureOf(candidatePages), candidateNamespaces);
    expect([...checkIn.values()].flat()).toContain('candidateCheckIn');
  });

  it('the shell and the public pages name no role texts', () => {
    const used = namespacesUsed(closureOf([...publicPages, join(WEB, 'main.tsx')]), [
      ...candidateNamespaces,
      ...staffNamespaces,
    ]);
    expect(Object.fromEntries(used)).toEqual({});
  });

  it("the candidate's and the phone's pages name no staff texts", () => {
    const used = namespacesUsed(closureOf(candidatePages), staffNamespaces);
    expect(Object.fromEntries(used)).toEqual({});
  });
});
