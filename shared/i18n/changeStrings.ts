// The words of NTM_CHANGE (a criterion or a count, last year against this year, per cell);
// strings.ts spreads them into VI and EN, so the key-parity test covers them too.
export type ChangeKey = "change.kept" | "change.gained" | "change.lost" | "change.stillUnmet" | "change.up" | "change.down" | "change.same" | "change.unreadable" | "fn.changeShape";

export const CHANGE_VI: Record<ChangeKey, string> = {
  "change.kept": "Giữ vững",
  "change.gained": "Mới đạt",
  "change.lost": "Mất",
  "change.stillUnmet": "Vẫn chưa đạt",
  "change.up": "Tăng {n}",
  "change.down": "Giảm {n}",
  "change.same": "Không đổi",
  "change.unreadable": "Không đọc được \"{value}\": cần Đạt/Chưa đạt, x hoặc số tiêu chí đạt",
  "fn.changeShape": "Hai vùng phải cùng kích thước: năm trước {old}, năm nay {new} (dòng × cột)",
};

export const CHANGE_EN: Record<ChangeKey, string> = {
  "change.kept": "Kept",
  "change.gained": "Newly met",
  "change.lost": "Lost",
  "change.stillUnmet": "Still not met",
  "change.up": "Up {n}",
  "change.down": "Down {n}",
  "change.same": "No change",
  "change.unreadable": "Cannot read \"{value}\": Đạt/Chưa đạt, x or a count of criteria met is expected",
  "fn.changeShape": "Both ranges must have the same size: last year {old}, this year {new} (rows × columns)",
};
