import type { ValidProfile } from '../profile/valid.js';

/**
 * Profiles in the dataset's order: by edition, then continent, region and country as the
 * edition lists them (the published CSVs follow that order); a country the edition does
 * not know comes last. Translations are left out: their scores are their sources'.
 */
export function inDatasetOrder(profiles: ValidProfile[]): ValidProfile[] {
  const position = (p: ValidProfile) => {
    const index = p.edition.countries.findIndex((c) => c.name === p.data.country);
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  return profiles.filter((p) => !p.translation).sort(
    (a, b) =>
      a.edition.id.localeCompare(b.edition.id) ||
      position(a) - position(b) ||
      a.data.country.localeCompare(b.data.country) ||
      a.profile.file.path.localeCompare(b.profile.file.path),
  );
}
