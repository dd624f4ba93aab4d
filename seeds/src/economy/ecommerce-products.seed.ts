import { foldVietnamese } from '@ioc/kit';
import type { EntityManager } from 'typeorm';
import { bulkInsert } from '../bulk-insert';
import { createRandom } from '../random';
import type { EnterpriseRow, Sector } from './enterprises.seed';
import type { OcopRow } from './ocop-products.seed';
import { apportion, randomDay } from './places';

export interface ProductRow {
  id: string;
  enterpriseTaxCode: string;
  name: string;
  category: string;
  ocopProductId: string | null;
  priceVnd: number | null;
  saleUnit: string | null;
  listedOn: string;
}

/** Plan, Part I II.10.c: 638 products of 125 enterprises on travinhtrade.vn. */
export const platformProductCount = 638;

type Item = [name: string, category: string, priceVnd: number, unit: string];

const catalogue: Record<Exclude<Sector, 'ICT'>, Item[]> = {
  AGRICULTURE: [
    ['Dừa sáp', 'FRUIT', 120_000, 'trái'], ['Bưởi năm roi', 'FRUIT', 45_000, 'kg'], ['Cam sành', 'FRUIT', 25_000, 'kg'], ['Xoài cát Hòa Lộc', 'FRUIT', 60_000, 'kg'],
    ['Chuối già Nam Mỹ', 'FRUIT', 15_000, 'kg'], ['Mãng cầu xiêm', 'FRUIT', 35_000, 'kg'], ['Thanh long ruột đỏ', 'FRUIT', 30_000, 'kg'], ['Nhãn xuồng', 'FRUIT', 55_000, 'kg'],
    ['Gạo thơm ST24', 'AGRICULTURAL', 32_000, 'kg'], ['Gạo hữu cơ', 'AGRICULTURAL', 40_000, 'kg'], ['Đậu phộng', 'AGRICULTURAL', 50_000, 'kg'], ['Khoai lang tím', 'AGRICULTURAL', 18_000, 'kg'],
    ['Bắp nếp', 'AGRICULTURAL', 12_000, 'kg'], ['Dưa hấu', 'FRUIT', 10_000, 'kg'], ['Rau má', 'AGRICULTURAL', 20_000, 'kg'], ['Nấm rơm', 'AGRICULTURAL', 70_000, 'kg'],
    ['Dừa xiêm xanh', 'FRUIT', 15_000, 'trái'], ['Ớt chỉ thiên', 'AGRICULTURAL', 45_000, 'kg'],
  ],
  FOOD_PROCESSING: [
    ['Kẹo dừa', 'RURAL_INDUSTRIAL', 45_000, 'hộp 400 g'], ['Bánh tét lá cẩm', 'PROCESSED_FOOD', 60_000, 'đòn'], ['Mắm bò hóc', 'PROCESSED_FOOD', 90_000, 'hũ 500 g'],
    ['Bánh pía', 'PROCESSED_FOOD', 55_000, 'hộp 4 cái'], ['Mứt dừa', 'RURAL_INDUSTRIAL', 50_000, 'hộp 300 g'], ['Dầu dừa nguyên chất', 'RURAL_INDUSTRIAL', 85_000, 'chai 500 ml'],
    ['Nước mắm cá cơm', 'PROCESSED_FOOD', 70_000, 'chai 500 ml'], ['Lạp xưởng', 'PROCESSED_FOOD', 180_000, 'kg'], ['Bánh tráng', 'RURAL_INDUSTRIAL', 35_000, 'xấp'],
    ['Mật hoa dừa', 'RURAL_INDUSTRIAL', 120_000, 'chai 250 ml'], ['Cơm dừa sấy', 'RURAL_INDUSTRIAL', 40_000, 'túi 250 g'], ['Chà bông cá lóc', 'PROCESSED_FOOD', 95_000, 'hũ 200 g'],
    ['Bánh ống', 'PROCESSED_FOOD', 30_000, 'hộp 10 cái'], ['Tương hột', 'PROCESSED_FOOD', 25_000, 'hũ 500 g'], ['Bánh canh khô', 'PROCESSED_FOOD', 28_000, 'gói 500 g'],
    ['Mứt gừng', 'RURAL_INDUSTRIAL', 45_000, 'hộp 300 g'], ['Bột nghệ', 'RURAL_INDUSTRIAL', 60_000, 'hũ 200 g'],
  ],
  AQUACULTURE: [
    ['Tôm sú', 'AQUATIC', 280_000, 'kg'], ['Tôm thẻ chân trắng', 'AQUATIC', 150_000, 'kg'], ['Cua biển', 'AQUATIC', 350_000, 'kg'], ['Nghêu', 'AQUATIC', 40_000, 'kg'],
    ['Sò huyết', 'AQUATIC', 120_000, 'kg'], ['Cá kèo', 'AQUATIC', 110_000, 'kg'], ['Cá lóc đồng', 'AQUATIC', 90_000, 'kg'], ['Tôm khô', 'AQUATIC', 900_000, 'kg'],
    ['Khô cá dứa', 'AQUATIC', 450_000, 'kg'], ['Ba khía muối', 'AQUATIC', 80_000, 'hũ 500 g'],
  ],
  HANDICRAFT: [
    ['Chén gáo dừa', 'HANDICRAFT', 35_000, 'cái'], ['Giỏ lục bình', 'HANDICRAFT', 120_000, 'cái'], ['Thảm xơ dừa', 'HANDICRAFT', 90_000, 'tấm'], ['Túi cói', 'HANDICRAFT', 150_000, 'cái'],
    ['Nón lá', 'HANDICRAFT', 40_000, 'cái'], ['Chổi cọng dừa', 'RURAL_INDUSTRIAL', 20_000, 'cây'], ['Lục bình đan khay', 'HANDICRAFT', 85_000, 'cái'], ['Đèn gáo dừa', 'HANDICRAFT', 180_000, 'cái'],
    ['Khăn rằn', 'HANDICRAFT', 45_000, 'cái'],
  ],
  TRADE_SERVICES: [
    ['Phân bón hữu cơ', 'OTHER', 250_000, 'bao 25 kg'], ['Giỏ quà đặc sản Trà Vinh', 'OTHER', 450_000, 'giỏ'], ['Nước uống đóng bình', 'OTHER', 15_000, 'bình 20 l'],
    ['Muối hột', 'AGRICULTURAL', 8_000, 'kg'], ['Trà mãng cầu', 'RURAL_INDUSTRIAL', 65_000, 'hộp'], ['Cà phê hạt rang', 'OTHER', 220_000, 'kg'], ['Gạo nếp', 'AGRICULTURAL', 28_000, 'kg'],
    ['Thức ăn thủy sản', 'OTHER', 380_000, 'bao'], ['Bao bì giấy', 'OTHER', 120_000, 'xấp 100'],
  ],
};

const grades = ['loại 1', 'loại đặc biệt', 'xuất khẩu', 'hữu cơ', 'đóng hộp quà', 'sỉ', 'VietGAP'];

export function generateProducts(enterprises: readonly EnterpriseRow[], ocop: readonly OcopRow[]): ProductRow[] {
  const random = createRandom(0xec0e);
  const sellers = enterprises.filter((e) => e.role === 'PLATFORM');
  const ocopBySeller = new Map<string, OcopRow[]>();
  for (const product of ocop) {
    if (product.producerTaxCode && sellers.some((s) => s.taxCode === product.producerTaxCode)) {
      ocopBySeller.set(product.producerTaxCode, [...(ocopBySeller.get(product.producerTaxCode) ?? []), product]);
    }
  }
  const counts = apportion(platformProductCount, sellers.map(() => 0.4 + random.next() * random.next() * 4), 1);
  const rows: Omit<ProductRow, 'id'>[] = [];
  sellers.forEach((seller, i) => {
    const listedFrom = seller.platformJoinedOn!;
    const names = new Set<string>();
    const ownOcop = ocopBySeller.get(seller.taxCode) ?? [];
    const total = Math.max(counts[i]!, ownOcop.length);
    for (let k = 0; k < total; k++) {
      const listedOn = randomDay(random, listedFrom, '2022-12-31' > listedFrom ? '2022-12-31' : listedFrom);
      const certified = ownOcop[k];
      if (certified) {
        names.add(foldVietnamese(certified.name));
        rows.push({ enterpriseTaxCode: seller.taxCode, name: certified.name, category: 'OCOP', ocopProductId: certified.id, priceVnd: random.next() < 0.8 ? random.int(3, 20) * 10_000 : null, saleUnit: null, listedOn });
        continue;
      }
      const [base, category, price, unit] = random.pick(catalogue[seller.sector as Exclude<Sector, 'ICT'>]);
      let name = `${base} ${seller.brand}`;
      for (let attempt = 0; names.has(foldVietnamese(name)); attempt++) {
        name = attempt < 20 ? `${base} ${random.pick(grades)} ${seller.brand}` : `${base} ${seller.brand} mẫu ${attempt}`;
      }
      names.add(foldVietnamese(name));
      // Many listings only invite buyers to call; about a quarter carry no price.
      const priceVnd = random.next() < 0.75 ? Math.round((price * (0.8 + random.next() * 0.5)) / 1000) * 1000 : null;
      rows.push({ enterpriseTaxCode: seller.taxCode, name, category, ocopProductId: null, priceVnd, saleUnit: unit, listedOn });
    }
  });
  if (rows.length !== platformProductCount) {
    // Sellers with more OCOP products than their share push the total over; trim plain listings from the largest sellers.
    const excess = rows.length - platformProductCount;
    if (excess < 0) throw new Error(`generated ${rows.length} products, expected ${platformProductCount}`);
    const perSeller = new Map<string, number>();
    for (const row of rows) perSeller.set(row.enterpriseTaxCode, (perSeller.get(row.enterpriseTaxCode) ?? 0) + 1);
    let left = excess;
    for (let i = rows.length - 1; i >= 0 && left > 0; i--) {
      const row = rows[i]!;
      if (row.ocopProductId || perSeller.get(row.enterpriseTaxCode)! <= 3) continue;
      perSeller.set(row.enterpriseTaxCode, perSeller.get(row.enterpriseTaxCode)! - 1);
      rows.splice(i, 1);
      left--;
    }
    if (left > 0) throw new Error(`could not trim products to ${platformProductCount}`);
  }
  return rows.map((row, i) => ({ ...row, id: `TVT-${String(i + 1).padStart(5, '0')}` }));
}

export async function seedProducts(manager: EntityManager, rows: readonly ProductRow[]): Promise<number> {
  const inserted = await bulkInsert(
    manager,
    'ecommerce_product',
    ['id', 'enterprise_tax_code', 'name', 'search_name', 'category', 'ocop_product_id', 'price_vnd', 'sale_unit', 'listed_on', 'synthetic'],
    rows.map((row) => [row.id, row.enterpriseTaxCode, row.name, foldVietnamese(row.name), row.category, row.ocopProductId, row.priceVnd, row.saleUnit, row.listedOn, true]),
  );
  // New listings made through the API continue the TVT-nnnnn numbering.
  await manager.query(
    `SELECT setval('ecommerce_product_seq', GREATEST((SELECT max(substring(id FROM 5)::int) FROM ecommerce_product WHERE id ~ '^TVT-[0-9]+$'), 1))`,
  );
  return inserted;
}
