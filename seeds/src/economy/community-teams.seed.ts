import { foldVietnamese } from '@ioc/kit';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../bulk-insert';
import { createRandom } from '../random';
import { apportion, randomDay, type District } from './places';

export interface TeamRow {
  id: string;
  name: string;
  level: 'DISTRICT' | 'COMMUNE' | 'HAMLET';
  districtCode: string;
  communeCode: string | null;
  hamlet: string | null;
  members: number;
  establishedOn: string;
}

/** Plan, Part I II.11.c: every district and commune has a team; 732 teams with 3,842 members. */
export const communityTeamCount = 732;
export const communityMemberCount = 3842;

const hamletNames = [
  'Chợ', 'Mới', 'Phú Hòa', 'Tân Lập', 'Sóc Chuối', 'Ô Rồm', 'Giồng Lớn', 'Cây Da', 'Đầu Giồng', 'Nhứt', 'Nhì', 'Ba', 'Tư', 'Năm',
  'Bến Có', 'Cây Gòn', 'Sóc Tre', 'Trà Kha', 'Bà Trầm', 'Long Hiệp', 'Phước Hảo', 'Ô Đùng', 'Rạch Bàng', 'Kinh Xáng', 'Cồn Phụng',
  'Thanh Bình', 'Hòa Hưng', 'Bình Thuận', 'Mỹ Văn', 'Chà Và', 'Sóc Mới', 'Tân Ngại', 'Vàm', 'Xoài Thum', 'An Định', 'Đồng Cò',
];

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

export function generateCommunityTeams(districts: readonly District[]): TeamRow[] {
  const random = createRandom(0xc0de);
  const communes = districts.flatMap((d) => d.communes);
  const hamletTeams = communityTeamCount - districts.length - communes.length;
  // Rural communes (xã) have more hamlets than wards and towns.
  const perCommune = apportion(hamletTeams, communes.map((c) => (c.type === 'xa' ? 6 : 3) + random.next() * 3), 2);
  const rows: Omit<TeamRow, 'members'>[] = [];
  const established = () => randomDay(random, '2021-11-15', '2022-06-30');
  for (const district of districts) {
    rows.push({
      id: `TCN-${district.code}-00000-000`,
      name: `Tổ Công nghệ số cộng đồng ${lowerFirst(district.nameWithType)}`,
      level: 'DISTRICT',
      districtCode: district.code,
      communeCode: null,
      hamlet: null,
      establishedOn: established(),
    });
    for (const commune of district.communes) {
      const communeName = lowerFirst(commune.nameWithType);
      rows.push({
        id: `TCN-${district.code}-${commune.code}-000`,
        name: `Tổ Công nghệ số cộng đồng ${communeName}`,
        level: 'COMMUNE',
        districtCode: district.code,
        communeCode: commune.code,
        hamlet: null,
        establishedOn: established(),
      });
      const count = perCommune[communes.indexOf(commune)]!;
      const urban = commune.type !== 'xa';
      const names = urban ? Array.from({ length: count }, (_, i) => `Khóm ${i + 1}`) : random.shuffle(hamletNames).slice(0, count).map((n) => `Ấp ${n}`);
      names.forEach((hamlet, i) => {
        rows.push({
          id: `TCN-${district.code}-${commune.code}-${String(i + 1).padStart(3, '0')}`,
          name: `Tổ Công nghệ số cộng đồng ${lowerFirst(hamlet)}, ${communeName}`,
          level: 'HAMLET',
          districtCode: district.code,
          communeCode: commune.code,
          hamlet,
          establishedOn: established(),
        });
      });
    }
  }
  // District teams are largest (7–12), commune teams 6–10, hamlet teams the rest (at least 3).
  const members = apportion(
    communityMemberCount,
    rows.map((row) => (row.level === 'DISTRICT' ? 9 : row.level === 'COMMUNE' ? 7 : 4) + random.next() * 2),
    3,
  );
  return rows.map((row, i) => ({ ...row, members: members[i]! }));
}

export async function seedCommunityTeams(manager: EntityManager, rows: readonly TeamRow[]): Promise<number> {
  return bulkInsert(
    manager,
    'community_team',
    ['id', 'name', 'search_name', 'level', 'district_code', 'commune_code', 'hamlet', 'members', 'established_on', 'synthetic'],
    rows.map((row) => [row.id, row.name, foldVietnamese(row.name), row.level, row.districtCode, row.communeCode, row.hamlet, row.members, row.establishedOn, true]),
  );
}
