import { foldVietnamese } from '@ioc/kit';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../bulk-insert';
import { createRandom } from '../random';
import type { EnterpriseRow, Sector } from './enterprises.seed';
import { pickCommune, type District } from './places';

export type OcopCategory = 'FOOD' | 'BEVERAGE' | 'HERBAL' | 'TEXTILE' | 'HANDICRAFT' | 'RURAL_TOURISM';

export interface OcopRow {
  id: string;
  name: string;
  stars: number;
  category: OcopCategory;
  producerName: string;
  producerTaxCode: string | null;
  communeCode: string;
  districtCode: string;
  certifiedYear: number;
  nationalPlatforms: string[];
}

/** Plan, Part I II.10.c: 89 of the province's 104 OCOP products are on Postmart.vn and Voso.vn. */
export const ocopProductCount = 104;
export const ocopListedCount = 89;
/** OCOP products made by enterprises that sell on travinhtrade.vn (each is also listed there). */
const platformProducerProducts = 58;
const offPlatformProducerProducts = 26;
const fourStarCount = 18;

type OcopItem = [name: string, category: OcopCategory];

/** What each kind of producer gets certified for. */
const itemsOf: Record<Exclude<Sector, 'ICT'> | 'HOUSEHOLD', OcopItem[]> = {
  AGRICULTURE: [
    ['Gạo hữu cơ ST24', 'FOOD'], ['Gạo thơm', 'FOOD'], ['Dừa sáp Cầu Kè', 'FOOD'], ['Bưởi năm roi', 'FOOD'], ['Cam sành Tiểu Cần', 'FOOD'],
    ['Mật hoa dừa', 'FOOD'], ['Đậu phộng rang muối', 'FOOD'], ['Nước dừa đóng chai', 'BEVERAGE'], ['Trà mãng cầu xiêm', 'BEVERAGE'],
    ['Trà chùm ngây', 'HERBAL'], ['Tinh bột nghệ', 'HERBAL'], ['Du lịch sinh thái vườn dừa', 'RURAL_TOURISM'], ['Du lịch cộng đồng cù lao', 'RURAL_TOURISM'],
  ],
  FOOD_PROCESSING: [
    ['Bánh tét Trà Cuôn', 'FOOD'], ['Kẹo dừa sáp', 'FOOD'], ['Bánh canh Bến Có', 'FOOD'], ['Bánh pía sầu riêng', 'FOOD'], ['Mứt dừa non', 'FOOD'],
    ['Cơm dừa sấy giòn', 'FOOD'], ['Bánh tráng dừa', 'FOOD'], ['Bánh ống lá dứa', 'FOOD'], ['Tương hột', 'FOOD'], ['Mứt chuối', 'FOOD'],
    ['Bánh gừng', 'FOOD'], ['Rượu Xuân Thạnh', 'BEVERAGE'], ['Rượu trái nhàu', 'BEVERAGE'], ['Cà phê dừa', 'BEVERAGE'],
    ['Dầu dừa nguyên chất', 'HERBAL'], ['Trà túi lọc lá sen', 'HERBAL'], ['Tinh dầu tràm', 'HERBAL'],
  ],
  AQUACULTURE: [
    ['Tôm khô', 'FOOD'], ['Khô cá lóc', 'FOOD'], ['Chả cá thát lát', 'FOOD'], ['Khô cá dứa một nắng', 'FOOD'], ['Cá kèo khô', 'FOOD'],
    ['Ba khía muối', 'FOOD'], ['Mắm bò hóc', 'FOOD'], ['Nước mắm cá cơm', 'FOOD'], ['Chà bông cá lóc', 'FOOD'], ['Lạp xưởng tôm', 'FOOD'],
  ],
  HANDICRAFT: [
    ['Chén gáo dừa', 'HANDICRAFT'], ['Giỏ lục bình', 'HANDICRAFT'], ['Thảm xơ dừa', 'HANDICRAFT'], ['Tranh gáo dừa', 'HANDICRAFT'],
    ['Mô hình ghe ngo', 'HANDICRAFT'], ['Đồ gốm nung', 'HANDICRAFT'], ['Khăn rằn', 'TEXTILE'], ['Sà rông dệt tay', 'TEXTILE'],
  ],
  TRADE_SERVICES: [['Trà mãng cầu xiêm', 'BEVERAGE'], ['Mật hoa dừa', 'FOOD'], ['Cà phê dừa', 'BEVERAGE']],
  HOUSEHOLD: [
    ['Bánh tét Trà Cuôn', 'FOOD'], ['Mắm bò hóc', 'FOOD'], ['Bánh ống lá dứa', 'FOOD'], ['Khô cá lóc', 'FOOD'], ['Kẹo dừa sáp', 'FOOD'],
    ['Giỏ lục bình', 'HANDICRAFT'], ['Chén gáo dừa', 'HANDICRAFT'], ['Khăn rằn', 'TEXTILE'], ['Tinh dầu tràm', 'HERBAL'],
  ],
};

const householdProducers = ['Cơ sở sản xuất', 'Hộ kinh doanh', 'Tổ hợp tác'];
const householdNames = ['Út Hiền', 'Chín Lợi', 'Ba Nhỏ', 'Tư Sang', 'Năm Xuân', 'Sáu Hòa', 'Bảy Tươi', 'Tám Thảo', 'Hai Lành', 'Mười Nhung', 'Kim Liên', 'Sóc Ruộng'];

export function generateOcopProducts(districts: readonly District[], enterprises: readonly EnterpriseRow[]): OcopRow[] {
  const random = createRandom(0x0c0b);
  const names = new Set<string>();
  const rows: Omit<OcopRow, 'id' | 'stars' | 'nationalPlatforms'>[] = [];
  const add = (kind: keyof typeof itemsOf, brand: string, producer: Pick<OcopRow, 'producerName' | 'producerTaxCode' | 'communeCode' | 'districtCode'>) => {
    let item = random.pick(itemsOf[kind]);
    let name = `${item[0]} ${brand}`;
    for (let attempt = 0; names.has(foldVietnamese(name)); attempt++) {
      item = random.pick(itemsOf[kind]);
      name = attempt < 20 ? `${item[0]} ${brand}` : `${item[0]} ${brand} ${attempt}`;
    }
    names.add(foldVietnamese(name));
    rows.push({ name, category: item[1], certifiedYear: random.weighted([2019, 2020, 2021, 2022], [2, 3, 4, 5]), ...producer });
  };
  const fromEnterprise = (enterprise: EnterpriseRow) => ({
    producerName: enterprise.name,
    producerTaxCode: enterprise.taxCode,
    communeCode: enterprise.communeCode,
    districtCode: enterprise.districtCode,
  });

  const sellers = random.shuffle(enterprises.filter((e) => e.role === 'PLATFORM' && e.sector !== 'TRADE_SERVICES')).slice(0, 44);
  for (let i = 0; i < platformProducerProducts; i++) {
    const seller = sellers[i % sellers.length]!;
    add(seller.sector as Exclude<Sector, 'ICT'>, seller.brand, fromEnterprise(seller));
  }
  const producers = enterprises.filter((e) => e.role === 'OCOP_PRODUCER');
  for (let i = 0; i < offPlatformProducerProducts; i++) {
    const producer = producers[i % producers.length]!;
    add(producer.sector as Exclude<Sector, 'ICT'>, producer.brand, fromEnterprise(producer));
  }
  while (rows.length < ocopProductCount) {
    const commune = pickCommune(random, districts, {});
    const owner = random.pick(householdNames);
    add('HOUSEHOLD', owner, {
      producerName: `${random.pick(householdProducers)} ${owner}`,
      producerTaxCode: null,
      communeCode: commune.code,
      districtCode: commune.districtCode,
    });
  }

  const fourStars = new Set(random.shuffle(rows.map((_, i) => i)).slice(0, fourStarCount));
  const listed = new Set(random.shuffle(rows.map((_, i) => i)).slice(0, ocopListedCount));
  return rows.map((row, i) => ({
    ...row,
    id: `OCOP-TV-${String(i + 1).padStart(3, '0')}`,
    stars: fourStars.has(i) ? 4 : 3,
    nationalPlatforms: !listed.has(i) ? [] : random.weighted([['POSTMART', 'VOSO'], ['POSTMART'], ['VOSO']], [60, 25, 15]),
  }));
}

export async function seedOcopProducts(manager: EntityManager, rows: readonly OcopRow[]): Promise<number> {
  return bulkInsert(
    manager,
    'ocop_product',
    ['id', 'name', 'search_name', 'stars', 'category', 'producer_name', 'producer_tax_code', 'commune_code', 'district_code', 'certified_year', 'national_platforms', 'synthetic'],
    rows.map((row) => [
      row.id, row.name, foldVietnamese(row.name), row.stars, row.category, row.producerName, row.producerTaxCode,
      row.communeCode, row.districtCode, row.certifiedYear, row.nationalPlatforms, true,
    ]),
  );
}
