import type { AnnualReportData, ReportIndicatorRow } from '@doanket/domain';

/**
 * The reference district's 2021 year-end report with the figures of docs/domain.md. Values of
 * 2020 and the indicator results that domain.md does not give are illustrative, for the layout.
 */
export function bacTuLiem2021Report(): AnnualReportData {
  return {
    year: 2021,
    unit: { code: '021', name: 'Quận Bắc Từ Liêm', kind: 'district' },
    issuingBody: { parent: 'Ủy ban Mặt trận Tổ quốc Việt Nam', name: 'Quận Bắc Từ Liêm' },
    number: 'Số: 15/BC-MTTQ',
    place: 'Bắc Từ Liêm',
    date: '2022-01-10',
    title: 'BÁO CÁO',
    subtitle: 'Tổng kết công tác Mặt trận năm 2021 và phương hướng, nhiệm vụ năm 2022',
    sections: [
      {
        heading: 'I. CÔNG TÁC THAM GIA PHÒNG, CHỐNG DỊCH COVID-19',
        paragraphs: [
          'Năm 2021, trong bối cảnh dịch Covid-19 diễn biến phức tạp, Ban Thường trực Ủy ban MTTQ quận đã chủ động phối hợp với các tổ chức thành viên phát động nhân dân tham gia ủng hộ Quỹ phòng, chống dịch Covid-19 và Quỹ Vắc-xin phòng Covid-19 của Thành phố; tiếp nhận, phân bổ kịp thời, công khai, minh bạch các nguồn ủng hộ.',
          'Mặt trận các cấp đã vận động các tổ chức, cá nhân trao tặng quà cho các hộ gia đình, người lao động gặp khó khăn do ảnh hưởng của dịch bệnh, bảo đảm "không để ai bị bỏ lại phía sau".',
        ],
        figures: [
          {
            label: 'Ủng hộ Quỹ phòng, chống dịch Covid-19 và Quỹ Vắc-xin phòng Covid-19',
            value: 'gần 14 tỷ đồng',
            previous: 'hơn 3,2 tỷ đồng',
          },
          {
            label: 'Suất quà trao cho hộ gia đình, người lao động khó khăn',
            value: 'hơn 64.000 suất',
            previous: '12.450 suất',
          },
        ],
      },
      {
        heading: 'II. PHÁT HUY VAI TRÒ TỰ QUẢN CỦA CỘNG ĐỒNG DÂN CƯ',
        paragraphs: [
          'Thực hiện chủ trương của Thành phố, Ban Công tác Mặt trận các tổ dân phố đã thành lập và duy trì hoạt động của các tổ tự quản, nhóm tự quản phòng, chống dịch tại cộng đồng, gắn với phát huy vai trò tự quản của nhân dân trong giữ gìn vệ sinh môi trường, an ninh trật tự và giúp đỡ người gặp khó khăn.',
        ],
        figures: [
          { label: 'Tổ tự quản', value: '183 tổ', previous: null },
          { label: 'Thành viên tổ tự quản', value: '2.062 thành viên', previous: null },
          { label: 'Nhóm tự quản', value: '1.181 nhóm', previous: null },
          { label: 'Thành viên nhóm tự quản', value: '3.007 thành viên', previous: null },
          { label: 'Hộ gia đình được giám sát phòng, chống dịch', value: '82.337 hộ', previous: null },
        ],
      },
      {
        heading: 'III. CUỘC VẬN ĐỘNG "SÓNG VÀ MÁY TÍNH CHO EM"',
        paragraphs: [
          'Hưởng ứng chương trình "Sóng và máy tính cho em", Mặt trận quận đã vận động các cơ quan, doanh nghiệp, nhà hảo tâm hỗ trợ thiết bị học trực tuyến cho học sinh có hoàn cảnh khó khăn trên địa bàn.',
        ],
        figures: [
          { label: 'Tiền mặt tiếp nhận', value: 'hơn 228 triệu đồng' },
          {
            label: 'Thiết bị trao tặng',
            value: '20 máy tính, 124 điện thoại thông minh, 27 máy tính bảng',
          },
          { label: 'Tổng giá trị', value: 'hơn 777 triệu đồng' },
          { label: 'Học sinh có hoàn cảnh khó khăn được hỗ trợ', value: '171 học sinh' },
        ],
      },
      {
        heading: 'IV. CUỘC VẬN ĐỘNG "NGÀY VÌ NGƯỜI NGHÈO" VÀ CÁC HOẠT ĐỘNG AN SINH XÃ HỘI',
        paragraphs: [
          'Ban vận động Quỹ "Vì người nghèo" các cấp đã tổ chức tốt Tháng cao điểm "Vì người nghèo" (từ ngày 17/10 đến ngày 18/11/2021); việc tiếp nhận, sử dụng Quỹ bảo đảm đúng đối tượng, công khai theo quy định.',
          'Dịp Tết Tân Sửu 2021, Quỹ đã thăm hỏi, tặng quà hộ cận nghèo, người có hoàn cảnh khó khăn, nạn nhân chất độc da cam; hỗ trợ xây mới nhà Đại đoàn kết và các hỗ trợ khác cho hộ khó khăn về nhà ở.',
        ],
        figures: [
          {
            label: 'Quỹ "Vì người nghèo" tiếp nhận trong năm',
            value: 'hơn 2,3 tỷ đồng, đạt 157% chỉ tiêu Thành phố giao',
            previous: 'hơn 1,9 tỷ đồng, đạt 128%',
          },
          { label: 'Lượt thăm hỏi, tặng quà dịp Tết Tân Sửu', value: '902 lượt', previous: '846 lượt' },
          { label: 'Nhà Đại đoàn kết xây mới', value: '6 nhà', previous: '4 nhà' },
          {
            label: 'Tổng giá trị hỗ trợ nhà Đại đoàn kết và hỗ trợ khác',
            value: 'hơn 1,5 tỷ đồng',
            previous: null,
          },
          {
            label: 'Quỹ "Vì người nghèo" trên địa bàn và số dư',
            value: '50 quỹ, hơn 4,1 tỷ đồng',
            previous: '50 quỹ, hơn 3,6 tỷ đồng',
          },
        ],
      },
    ],
    indicators: bacTuLiem2021Indicators(),
    nextYearTargets: [
      {
        target: 1,
        text: '100% Mặt trận và các tổ chức thành viên từ quận đến cơ sở tuyên truyền, vận động nhân dân thực hiện các phong trào thi đua, cuộc vận động.',
      },
      {
        target: 2,
        text: '100% phường, tổ dân phố tổ chức tốt hội nghị đại biểu nhân dân và Ngày hội Đại đoàn kết toàn dân tộc (từ ngày 01 đến ngày 18/11).',
      },
      { target: 3, text: 'Trên 97% hộ gia đình đăng ký gia đình văn hóa.' },
      {
        target: 4,
        text: 'Hoàn thành và vượt chỉ tiêu Quỹ "Vì biển, đảo Việt Nam", Quỹ "Vì người nghèo", Quỹ "Đền ơn đáp nghĩa" và các quỹ khác được giao.',
      },
      {
        target: 5,
        text: '100% gia đình chính sách, hộ cận nghèo được thăm hỏi, tặng quà dịp lễ, Tết.',
      },
      {
        target: 6,
        text: 'Quận và mỗi phường thực hiện từ 2 đến 3 cuộc giám sát cán bộ, đảng viên; 100% Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng được hướng dẫn, hoạt động.',
      },
      { target: 7, text: 'Trên 85% vụ việc hòa giải ở cơ sở hòa giải thành.' },
      {
        target: 8,
        text: '100% cán bộ Mặt trận được tập huấn; 100% Ban Thường trực Ủy ban MTTQ phường, Ban Công tác Mặt trận hoàn thành tốt nhiệm vụ, trong đó ít nhất 20% hoàn thành xuất sắc.',
      },
    ],
    signature: { onBehalf: 'TM. BAN THƯỜNG TRỰC', role: 'CHỦ TỊCH', name: 'Nguyễn Thị Minh Hằng' },
    recipients: [
      'Ban Thường trực Ủy ban MTTQ Việt Nam thành phố Hà Nội',
      'Thường trực Quận ủy, HĐND, UBND quận',
      'Các tổ chức thành viên của Ủy ban MTTQ quận',
      'Ban Thường trực Ủy ban MTTQ 13 phường',
      'Lưu: VT',
    ],
  };
}

/** The eight targets (eleven indicators) with a result of each status a year-end report can show. */
export function bacTuLiem2021Indicators(): ReportIndicatorRow[] {
  return [
    {
      target: 1,
      name: 'Mặt trận và các tổ chức thành viên từ quận đến cơ sở tuyên truyền, vận động các phong trào thi đua, cuộc vận động',
      unitOfMeasure: '%',
      targetText: '100%',
      value: 100,
      valueText: '100%',
      percent: 100,
      status: 'met',
      source: 'manual',
    },
    {
      target: 2,
      name: 'Phường, tổ dân phố tổ chức tốt hội nghị đại biểu nhân dân và Ngày hội Đại đoàn kết toàn dân tộc',
      unitOfMeasure: '%',
      targetText: '100%',
      value: 100,
      valueText: '100%',
      percent: 100,
      status: 'met',
      source: 'manual',
    },
    {
      target: 3,
      name: 'Hộ gia đình đăng ký gia đình văn hóa',
      unitOfMeasure: '%',
      targetText: '≥ 97%',
      value: 98.2,
      valueText: '98,2%',
      percent: 101.2,
      status: 'exceeded',
      source: 'computed',
    },
    {
      target: 4,
      name: 'Hoàn thành, vượt chỉ tiêu Quỹ "Vì người nghèo" và các quỹ khác được giao',
      unitOfMeasure: '%',
      targetText: '≥ 100%',
      value: 157,
      valueText: '157%',
      percent: 157,
      status: 'exceeded',
      source: 'computed',
    },
    {
      target: 5,
      name: 'Gia đình chính sách, hộ cận nghèo được thăm hỏi, tặng quà dịp lễ, Tết',
      unitOfMeasure: '%',
      targetText: '100%',
      value: 100,
      valueText: '100%',
      percent: 100,
      status: 'met',
      source: 'computed',
    },
    {
      target: 6,
      name: 'Số cuộc giám sát cán bộ, đảng viên',
      unitOfMeasure: 'cuộc',
      targetText: '2–3 cuộc',
      value: 3,
      valueText: '3 cuộc',
      percent: 150,
      status: 'met',
      source: 'manual',
    },
    {
      target: 6,
      name: 'Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng được hướng dẫn, hoạt động',
      unitOfMeasure: '%',
      targetText: '100%',
      value: 100,
      valueText: '100%',
      percent: 100,
      status: 'met',
      source: 'manual',
    },
    {
      target: 7,
      name: 'Vụ việc hòa giải ở cơ sở hòa giải thành',
      unitOfMeasure: '%',
      targetText: '≥ 85%',
      value: 83.3,
      valueText: '83,3%',
      percent: 98,
      status: 'missed',
      source: 'manual',
    },
    {
      target: 8,
      name: 'Cán bộ Mặt trận được tập huấn, bồi dưỡng nghiệp vụ',
      unitOfMeasure: '%',
      targetText: '100%',
      value: 100,
      valueText: '100%',
      percent: 100,
      status: 'met',
      source: 'manual',
    },
    {
      target: 8,
      name: 'Ban Thường trực Ủy ban MTTQ phường, Ban Công tác Mặt trận hoàn thành tốt nhiệm vụ',
      unitOfMeasure: '%',
      targetText: '100%',
      value: null,
      valueText: '',
      percent: null,
      status: 'no_data',
      source: 'manual',
    },
    {
      target: 8,
      name: 'Trong đó hoàn thành xuất sắc nhiệm vụ',
      unitOfMeasure: '%',
      targetText: '≥ 20%',
      value: 23.1,
      valueText: '23,1%',
      percent: 115.5,
      status: 'exceeded',
      source: 'manual',
    },
  ];
}
