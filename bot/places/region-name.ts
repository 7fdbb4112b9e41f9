import type { RegionList } from "./region-list";

/**
 * A region's name as a person reads it: a kecamatan or village with its kabupaten/kota
 * ("Tugumulyo, Kabupaten Musi Rawas"), a kabupaten/kota with its province.
 */
export function regionLabel(regions: RegionList, code: string): string {
  const [self, ...up] = regions.lineage(code);
  if (!self) return code;
  if (self.level === "province") return self.name;
  const regency = up.find((r) => r.level === "regency");
  const province = up.find((r) => r.level === "province");
  if (self.level === "regency") return province ? `${self.name}, ${province.name}` : self.name;
  const district = up.find((r) => r.level === "district");
  const own = self.level === "district" ? `Kec. ${self.name}` : `${self.name}, Kec. ${district?.name ?? "?"}`;
  return regency ? `${own}, ${regency.name}` : own;
}
