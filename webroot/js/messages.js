// What every page says when the server refuses something: the server answers with a stable
// code (and English for scripts); people read Vietnamese, from this one catalogue.

/** Codes of the integrity rules an admin may set aside with a reason (the command's `override`). */
export const OVERRIDABLE = new Set(['not_qualified', 'outside_stage2_window', 'slot_not_started', 'slots_not_ended',
  'sheets_missing']);

const CODES = {
  // the agenda
  already_started: 'Chương trình đang chạy — bấm một dòng để chuyển mục',
  at_first: 'Đang ở mục đầu tiên',
  already_paused: 'Đang tạm dừng rồi',
  not_running: 'Chương trình chưa chạy — bấm Bắt đầu trước',
  not_paused: 'Chương trình không tạm dừng',
  ended: 'Chương trình đã kết thúc — bấm một dòng hoặc Bắt đầu để chạy lại',
  bad_index: 'Không có mục này trong chương trình',
  no_order: 'Chưa bốc thăm thứ tự trình bày: bốc thăm trước phần trình bày đầu tiên',
  day_in_progress: 'Chương trình của ngày đang phục vụ vẫn đang chạy: kết thúc chương trình trước khi chuyển ngày',
  // signing in and the link
  forbidden: 'Mã truy cập này không có quyền',
  unauthorized: 'Mã truy cập không đúng',
  disconnected: 'Mất kết nối tới máy chủ',
  timeout: 'Máy chủ không trả lời',
  // the final's integrity rules
  not_qualified: 'Đơn vị này không nằm trong nhóm vào Chặng 2 theo kết quả Chặng 1',
  outside_stage2_window: 'Ngày nhận bài nằm ngoài thời gian Chặng 2',
  slot_not_started: 'Đơn vị này chưa đến lượt trình bày: chỉ chấm điểm khi phần trình bày đã bắt đầu',
  slots_not_ended: 'Chưa thể chốt kết quả: còn phần trình bày chưa kết thúc',
  sheets_missing: 'Chưa thể chốt kết quả: còn giám khảo chưa gửi phiếu chấm',
  override_admin_only: 'Chỉ quản trị viên mới được bỏ qua quy tắc này',
};

/** An argument refused (bad_argument), by the field at fault. */
const FIELDS = {
  confirm: 'Gõ DAT LAI để xác nhận',
  parts: 'Chọn các phần cần đặt lại',
};

/** A refusal said in Vietnamese: {code, field?} as the server sends it. */
export function say(error) {
  if (error?.code === 'bad_argument' && FIELDS[error.field]) return FIELDS[error.field];
  return CODES[error?.code] ?? 'Không thực hiện được';
}

/** Why the final's results are not complete yet, said in Vietnamese ({code, judge, units, prizes} from the server). */
export function issue(item) {
  switch (item.code) {
    case 'sheet_missing': return `${item.judge} chưa gửi phiếu chấm ${item.units[0]}`;
    case 'tie_at_prize': return `${item.units.join(', ')} đồng điểm giữa ${item.prizes[0] || 'không giải'} và `
      + `${item.prizes[1] || 'không giải'}: Hội đồng phân định thứ tự`;
    case 'no_judges': return 'Chưa có giám khảo';
    case 'no_finalists': return 'Chưa xác nhận các đơn vị vào Chung kết';
    default: return say(item);
  }
}
