import { createRandom, type Random } from '../random';

/**
 * The catalogue of administrative procedures and online services. The plan gives only totals
 * (1,466 procedures published; 1,858 online services: 551 at level 3, 1,077 at level 4, the rest
 * level 2; 930 integrated with the national portal), so the records are synthetic: plausible names
 * per field of the department in charge, generated deterministically. Pure: no database.
 */
export const catalogueTotals = {
  procedures: 1466,
  services: 1858,
  level3: 551,
  level4: 1077,
  nationalPortal: 930,
} as const;

export type Tier = 'PROVINCE' | 'DISTRICT' | 'COMMUNE';

export interface ProcedureRecord {
  id: string;
  code: string;
  name: string;
  field: string;
  agencyId: string;
  processingDays: number;
  publishedOn: string;
}

export interface ServiceRecord {
  id: string;
  procedureId: string;
  name: string;
  level: 2 | 3 | 4;
  authorityLevel: Tier;
  agencyId: string;
  nationalPortal: boolean;
  processingDays: number;
}

interface FieldSpec {
  field: string;
  objects: string[];
  /** Levels of authority beyond the province where the field's procedures are also decided. */
  lower?: Tier[];
}

const actions = ['Cấp', 'Cấp lại', 'Cấp đổi', 'Gia hạn', 'Điều chỉnh', 'Thu hồi', 'Đăng ký', 'Đăng ký thay đổi', 'Thẩm định', 'Xác nhận', 'Công nhận', 'Thông báo', 'Phê duyệt', 'Chấm dứt'];

/** Departments in charge and their fields; `weight` is their share of the 1,466 procedures. */
const departments: Array<{ agencyId: string; weight: number; fields: FieldSpec[] }> = [
  { agencyId: 'SKHDT', weight: 150, fields: [
    { field: 'Thành lập và hoạt động doanh nghiệp', objects: ['giấy chứng nhận đăng ký doanh nghiệp', 'giấy chứng nhận đăng ký hoạt động chi nhánh', 'địa điểm kinh doanh', 'văn phòng đại diện', 'tạm ngừng kinh doanh', 'nội dung đăng ký doanh nghiệp'] },
    { field: 'Thành lập và hoạt động của hộ kinh doanh', objects: ['giấy chứng nhận đăng ký hộ kinh doanh', 'tạm ngừng kinh doanh hộ kinh doanh', 'thay đổi nội dung đăng ký hộ kinh doanh'], lower: ['DISTRICT'] },
    { field: 'Đầu tư tại Việt Nam', objects: ['chủ trương đầu tư', 'giấy chứng nhận đăng ký đầu tư', 'dự án đầu tư', 'tiến độ dự án đầu tư'] },
    { field: 'Thành lập và hoạt động của hợp tác xã', objects: ['giấy chứng nhận đăng ký hợp tác xã', 'chi nhánh hợp tác xã', 'liên hiệp hợp tác xã'], lower: ['DISTRICT'] },
  ] },
  { agencyId: 'STP', weight: 140, fields: [
    { field: 'Hộ tịch', objects: ['khai sinh', 'khai tử', 'kết hôn', 'giám hộ', 'nhận cha, mẹ, con', 'thay đổi, cải chính hộ tịch', 'tình trạng hôn nhân', 'trích lục hộ tịch'], lower: ['DISTRICT', 'COMMUNE'] },
    { field: 'Chứng thực', objects: ['bản sao từ bản chính', 'chữ ký', 'hợp đồng, giao dịch', 'văn bản thỏa thuận phân chia di sản'], lower: ['DISTRICT', 'COMMUNE'] },
    { field: 'Lý lịch tư pháp', objects: ['phiếu lý lịch tư pháp', 'thông tin lý lịch tư pháp'] },
    { field: 'Công chứng', objects: ['thẻ công chứng viên', 'văn phòng công chứng', 'hành nghề công chứng'] },
    { field: 'Luật sư', objects: ['giấy đăng ký hoạt động tổ chức hành nghề luật sư', 'chi nhánh tổ chức hành nghề luật sư'] },
  ] },
  { agencyId: 'SYT', weight: 150, fields: [
    { field: 'Khám bệnh, chữa bệnh', objects: ['chứng chỉ hành nghề khám bệnh, chữa bệnh', 'giấy phép hoạt động phòng khám', 'giấy phép hoạt động cơ sở dịch vụ y tế'] },
    { field: 'Dược phẩm', objects: ['chứng chỉ hành nghề dược', 'giấy chứng nhận đủ điều kiện kinh doanh dược', 'quảng cáo thuốc'] },
    { field: 'An toàn thực phẩm và dinh dưỡng', objects: ['giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', 'bản công bố sản phẩm'] },
    { field: 'Y tế dự phòng', objects: ['giấy chứng nhận đủ điều kiện tiêm chủng', 'cơ sở xét nghiệm'] },
  ] },
  { agencyId: 'SGTVT', weight: 120, fields: [
    { field: 'Đường bộ', objects: ['giấy phép lái xe', 'giấy phép kinh doanh vận tải bằng xe ô tô', 'phù hiệu xe', 'giấy phép lưu hành xe quá tải', 'giấy phép thi công công trình đường bộ'] },
    { field: 'Đường thủy nội địa', objects: ['giấy chứng nhận đăng ký phương tiện thủy nội địa', 'bến thủy nội địa', 'chứng chỉ chuyên môn phương tiện thủy'], lower: ['DISTRICT'] },
  ] },
  { agencyId: 'SCT', weight: 120, fields: [
    { field: 'Lưu thông hàng hóa trong nước', objects: ['giấy phép bán lẻ rượu', 'giấy phép bán lẻ sản phẩm thuốc lá', 'giấy chứng nhận đủ điều kiện kinh doanh xăng dầu', 'cửa hàng bán lẻ LPG'], lower: ['DISTRICT'] },
    { field: 'Điện', objects: ['giấy phép hoạt động điện lực', 'thẻ an toàn điện'] },
    { field: 'Hóa chất', objects: ['giấy chứng nhận đủ điều kiện sản xuất hóa chất', 'giấy phép kinh doanh hóa chất hạn chế'] },
    { field: 'Xúc tiến thương mại', objects: ['chương trình khuyến mại', 'hội chợ, triển lãm thương mại'] },
  ] },
  { agencyId: 'SNNPTNT', weight: 130, fields: [
    { field: 'Trồng trọt', objects: ['giấy chứng nhận đủ điều kiện buôn bán phân bón', 'giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật', 'mã số vùng trồng'] },
    { field: 'Chăn nuôi và thú y', objects: ['giấy chứng nhận đủ điều kiện chăn nuôi', 'giấy chứng nhận cơ sở an toàn dịch bệnh động vật', 'chứng chỉ hành nghề thú y'] },
    { field: 'Thủy sản', objects: ['giấy phép khai thác thủy sản', 'giấy chứng nhận đăng ký tàu cá', 'giấy chứng nhận cơ sở nuôi trồng thủy sản'], lower: ['DISTRICT'] },
    { field: 'Lâm nghiệp', objects: ['hồ sơ lâm sản', 'phương án trồng rừng thay thế'] },
  ] },
  { agencyId: 'STNMT', weight: 100, fields: [
    { field: 'Đất đai', objects: ['giấy chứng nhận quyền sử dụng đất', 'biến động đất đai', 'chuyển mục đích sử dụng đất', 'giao đất, cho thuê đất', 'đính chính giấy chứng nhận'], lower: ['DISTRICT', 'COMMUNE'] },
    { field: 'Môi trường', objects: ['giấy phép môi trường', 'báo cáo đánh giá tác động môi trường', 'kế hoạch bảo vệ môi trường'], lower: ['DISTRICT'] },
    { field: 'Tài nguyên nước', objects: ['giấy phép khai thác nước dưới đất', 'giấy phép xả nước thải vào nguồn nước', 'giấy phép hành nghề khoan nước dưới đất'] },
  ] },
  { agencyId: 'SXD', weight: 60, fields: [
    { field: 'Hoạt động xây dựng', objects: ['giấy phép xây dựng', 'chứng chỉ hành nghề hoạt động xây dựng', 'thiết kế cơ sở', 'chứng chỉ năng lực hoạt động xây dựng'], lower: ['DISTRICT'] },
    { field: 'Nhà ở', objects: ['nhà ở xã hội', 'giấy phép sửa chữa nhà ở'] },
  ] },
  { agencyId: 'SLDTBXH', weight: 120, fields: [
    { field: 'Người có công', objects: ['trợ cấp người có công', 'hồ sơ liệt sĩ', 'trợ cấp thờ cúng liệt sĩ'], lower: ['DISTRICT', 'COMMUNE'] },
    { field: 'Bảo trợ xã hội', objects: ['trợ cấp xã hội hằng tháng', 'hỗ trợ kinh phí chăm sóc', 'cơ sở trợ giúp xã hội'], lower: ['DISTRICT', 'COMMUNE'] },
    { field: 'Việc làm', objects: ['trợ cấp thất nghiệp', 'giấy phép lao động cho người nước ngoài', 'giấy phép dịch vụ việc làm'] },
    { field: 'Giáo dục nghề nghiệp', objects: ['giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp', 'trung tâm giáo dục nghề nghiệp'] },
  ] },
  { agencyId: 'SGDDT', weight: 90, fields: [
    { field: 'Giáo dục và Đào tạo', objects: ['văn bằng, chứng chỉ', 'phép thành lập trường', 'hoạt động giáo dục', 'chuyển trường cho học sinh'], lower: ['DISTRICT'] },
    { field: 'Thi, tuyển sinh', objects: ['tuyển sinh trung học phổ thông', 'phúc khảo bài thi'] },
  ] },
  { agencyId: 'SVHTTDL', weight: 120, fields: [
    { field: 'Văn hóa', objects: ['giấy phép tổ chức biểu diễn nghệ thuật', 'giấy phép kinh doanh karaoke', 'di tích', 'lễ hội truyền thống'], lower: ['DISTRICT'] },
    { field: 'Du lịch', objects: ['thẻ hướng dẫn viên du lịch', 'giấy phép kinh doanh dịch vụ lữ hành', 'cơ sở lưu trú du lịch'] },
    { field: 'Thể dục thể thao', objects: ['giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao', 'giải thi đấu thể thao'] },
    { field: 'Gia đình', objects: ['cơ sở hỗ trợ nạn nhân bạo lực gia đình', 'cơ sở tư vấn về phòng, chống bạo lực gia đình'], lower: ['DISTRICT', 'COMMUNE'] },
  ] },
  { agencyId: 'STTTT', weight: 50, fields: [
    { field: 'Xuất bản, in và phát hành', objects: ['giấy phép hoạt động in', 'giấy phép xuất bản bản tin', 'đăng ký hoạt động phát hành xuất bản phẩm'] },
    { field: 'Bưu chính', objects: ['giấy phép bưu chính', 'văn bản xác nhận thông báo hoạt động bưu chính'] },
    { field: 'Phát thanh, truyền hình và thông tin điện tử', objects: ['giấy phép thiết lập trang thông tin điện tử tổng hợp', 'giấy chứng nhận đăng ký cung cấp trò chơi điện tử'] },
  ] },
  { agencyId: 'SNV', weight: 80, fields: [
    { field: 'Thi đua, khen thưởng', objects: ['bằng khen', 'danh hiệu chiến sĩ thi đua', 'danh hiệu tập thể lao động xuất sắc'], lower: ['DISTRICT'] },
    { field: 'Tôn giáo', objects: ['sinh hoạt tôn giáo tập trung', 'người được phong phẩm, bổ nhiệm', 'hoạt động tôn giáo ngoài cơ sở'], lower: ['DISTRICT', 'COMMUNE'] },
    { field: 'Tổ chức phi chính phủ', objects: ['điều lệ hội', 'quỹ xã hội, quỹ từ thiện'] },
    { field: 'Văn thư và lưu trữ', objects: ['chứng chỉ hành nghề lưu trữ', 'bản sao tài liệu lưu trữ'] },
  ] },
  { agencyId: 'STC', weight: 30, fields: [
    { field: 'Quản lý giá', objects: ['phương án giá', 'kê khai giá'] },
    { field: 'Quản lý công sản', objects: ['tài sản công', 'phương án sắp xếp nhà, đất'] },
  ] },
  { agencyId: 'SKHCN', weight: 50, fields: [
    { field: 'Hoạt động khoa học và công nghệ', objects: ['giấy chứng nhận đăng ký hoạt động khoa học và công nghệ', 'kết quả nhiệm vụ khoa học và công nghệ'] },
    { field: 'Tiêu chuẩn đo lường chất lượng', objects: ['chuẩn đo lường', 'công bố hợp chuẩn, hợp quy'] },
    { field: 'An toàn bức xạ và hạt nhân', objects: ['giấy phép tiến hành công việc bức xạ', 'chứng chỉ nhân viên bức xạ'] },
  ] },
  { agencyId: 'TTRA', weight: 15, fields: [
    { field: 'Giải quyết khiếu nại, tố cáo', objects: ['khiếu nại lần đầu', 'khiếu nại lần hai', 'tố cáo'], lower: ['DISTRICT', 'COMMUNE'] },
    { field: 'Tiếp công dân', objects: ['tiếp công dân'], lower: ['DISTRICT', 'COMMUNE'] },
  ] },
  { agencyId: 'BDT', weight: 6, fields: [{ field: 'Công tác dân tộc', objects: ['người có uy tín trong đồng bào dân tộc thiểu số', 'chính sách hỗ trợ đồng bào dân tộc thiểu số'], lower: ['DISTRICT'] }] },
  { agencyId: 'BQLKKT', weight: 35, fields: [
    { field: 'Quản lý khu kinh tế, khu công nghiệp', objects: ['giấy chứng nhận đăng ký đầu tư trong khu kinh tế', 'giấy phép lao động trong khu công nghiệp', 'giấy phép xây dựng trong khu kinh tế'] },
  ] },
  { agencyId: 'VPUBND', weight: 0, fields: [] },
];

const tierSuffix: Record<Tier, string> = { PROVINCE: 'cấp tỉnh', DISTRICT: 'cấp huyện', COMMUNE: 'cấp xã' };

/** Largest-remainder apportionment of `total` over `weights`: integers summing exactly to `total`. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (total * w) / sum : 0));
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((value, index) => ({ index, rest: value - Math.floor(value) })).sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (let i = 0; left > 0; i = (i + 1) % order.length, left--) counts[order[i]!.index]! += 1;
  return counts;
}

function pickProcessingDays(random: Random): number {
  return random.weighted([1, 3, 5, 7, 10, 12, 15, 20, 30], [6, 14, 16, 12, 16, 6, 14, 10, 6]);
}

export interface Catalogue {
  procedures: ProcedureRecord[];
  services: ServiceRecord[];
}

export function buildCatalogue(seed = 20220401): Catalogue {
  const random = createRandom(seed);
  const active = departments.filter((department) => department.weight > 0);
  const perDepartment = apportion(catalogueTotals.procedures, active.map((department) => department.weight));
  const procedures: ProcedureRecord[] = [];
  const lowerTiers = new Map<string, Tier[]>();
  active.forEach((department, d) => {
    const wanted = perDepartment[d]!;
    const names: Array<{ name: string; field: FieldSpec }> = [];
    const seen = new Set<string>();
    // Every (action, object) pair of each field, round-robin over fields so each field is represented.
    const pairs = department.fields.map((field) => random.shuffle(field.objects.flatMap((object) => actions.map((action) => `${action} ${object}`))));
    for (let round = 0; names.length < wanted; round++) {
      let added = false;
      department.fields.forEach((field, f) => {
        const candidate = pairs[f]![round];
        if (candidate && names.length < wanted && !seen.has(candidate)) {
          seen.add(candidate);
          names.push({ name: candidate, field });
          added = true;
        }
      });
      if (!added) {
        // Vocabulary exhausted: number further variants of the field's procedures.
        const field = department.fields[names.length % department.fields.length]!;
        names.push({ name: `${random.pick(actions)} ${random.pick(field.objects)} (trường hợp ${names.length + 1})`, field });
      }
    }
    for (const { name, field } of names) {
      const n = procedures.length + 1;
      const id = `tthc-${String(n).padStart(4, '0')}`;
      procedures.push({
        id,
        code: `1.${String(1000 + n * 7).padStart(6, '0')}`,
        name: name.charAt(0).toUpperCase() + name.slice(1),
        field: field.field,
        agencyId: department.agencyId,
        processingDays: pickProcessingDays(random),
        publishedOn: `${random.pick(['2019', '2020', '2021', '2022'])}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
      });
      if (field.lower) lowerTiers.set(id, field.lower);
    }
  });

  // One service per procedure at its primary tier (the lowest tier where it is decided), plus a
  // second service at the province for enough multi-tier procedures to reach 1,858 services.
  const primaryTier = (procedure: ProcedureRecord): Tier => {
    const lower = lowerTiers.get(procedure.id);
    return lower?.includes('COMMUNE') ? 'COMMUNE' : lower?.includes('DISTRICT') ? 'DISTRICT' : 'PROVINCE';
  };
  const extra = catalogueTotals.services - procedures.length;
  const multiTier = random.shuffle(procedures.filter((procedure) => lowerTiers.has(procedure.id)));
  if (multiTier.length < extra) throw new Error(`catalogue: ${multiTier.length} multi-tier procedures cannot give ${extra} extra services`);
  const serviceTiers: Array<{ procedure: ProcedureRecord; tier: Tier }> = procedures.map((procedure) => ({ procedure, tier: primaryTier(procedure) }));
  for (const procedure of multiTier.slice(0, extra)) {
    const lower = lowerTiers.get(procedure.id)!;
    const primary = primaryTier(procedure);
    const second: Tier = primary === 'COMMUNE' && lower.includes('DISTRICT') ? 'DISTRICT' : 'PROVINCE';
    serviceTiers.push({ procedure, tier: second });
  }

  // Levels: exactly 1,077 level 4, 551 level 3, the rest level 2.
  const order = random.shuffle(serviceTiers.map((_, index) => index));
  const levels = new Array<2 | 3 | 4>(serviceTiers.length).fill(2);
  order.slice(0, catalogueTotals.level4).forEach((index) => (levels[index] = 4));
  order.slice(catalogueTotals.level4, catalogueTotals.level4 + catalogueTotals.level3).forEach((index) => (levels[index] = 3));

  const services: ServiceRecord[] = serviceTiers.map(({ procedure, tier }, index) => ({
    id: `dvc-${String(index + 1).padStart(4, '0')}`,
    procedureId: procedure.id,
    name: `${procedure.name} (${tierSuffix[tier]})`,
    level: levels[index]!,
    authorityLevel: tier,
    agencyId: procedure.agencyId,
    nationalPortal: false,
    processingDays: procedure.processingDays,
  }));

  // 930 services integrated with the national portal: level 3 or 4, one per procedure.
  const integratedProcedures = new Set<string>();
  for (const service of random.shuffle(services.filter((s) => s.level >= 3))) {
    if (integratedProcedures.size === catalogueTotals.nationalPortal) break;
    if (integratedProcedures.has(service.procedureId)) continue;
    integratedProcedures.add(service.procedureId);
    service.nationalPortal = true;
  }
  if (integratedProcedures.size !== catalogueTotals.nationalPortal) throw new Error('catalogue: too few level-3/4 procedures for the national portal');
  return { procedures, services };
}
