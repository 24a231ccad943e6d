// The words of the year-over-year comparison, kept apart so strings.ts stays readable;
// strings.ts spreads them into VI and EN, so the key-parity test covers them too.
import type { MessageKey } from "./message.js";

export type CompareUiKey =
  | "compare.since"
  | "compare.sincePrevious"
  | "compare.yearLabel"
  | "compare.previous"
  | "compare.current"
  | "compare.header"
  | "compare.lostLine"
  | "compare.lostNone"
  | "compare.gainedLine"
  | "compare.gainedNone"
  | "compare.keptLine"
  | "compare.lostHeader"
  | "compare.undeterminedLine"
  | "compare.onlyInLine"
  | "compare.duplicatesLine"
  | "compare.criteria"
  | "compare.unitMet"
  | "compare.lost"
  | "compare.gained"
  | "compare.stillUnmet"
  | "compare.undetermined"
  | "compare.unchanged"
  | "compare.before";

type CompareKey = Extract<MessageKey, `compare.${string}`> | CompareUiKey;

export const COMPARE_VI: Record<CompareKey, string> = {
  "compare.differentSets": "Không so sánh được: kết quả trước theo bộ tiêu chí {old}, kết quả sau theo bộ {new}; hai lần đánh giá cần cùng một bộ tiêu chí (xã với xã, thôn với thôn)",
  "compare.yearBackwards": "Không so sánh được: năm của kết quả sau ({new}) trước năm của kết quả trước ({old}); hãy đổi thứ tự hai kết quả hoặc hai năm",
  "compare.sameYear": "Hai kết quả cùng năm {year}: hãy kiểm tra năm đánh giá của từng kết quả (năm trước và năm nay)",
  "compare.unknownYear": "Chưa rõ năm đánh giá của một hoặc cả hai kết quả: không kiểm tra được thứ tự thời gian, và các chỉ tiêu thay đổi theo năm (thu nhập) có thể chưa được đánh giá",
  "compare.regionDiffers": "Hai kết quả theo hai vùng khác nhau ({old}, {new}): các ngưỡng theo vùng có thể khác",
  "compare.duplicateOld": "Kết quả trước có {count} đơn vị trùng tên: {names} (trang {sheets}); các đơn vị này không được so sánh, hãy đặt tên cho khác nhau",
  "compare.duplicateNew": "Kết quả sau có {count} đơn vị trùng tên: {names} (trang {sheets}); các đơn vị này không được so sánh, hãy đặt tên cho khác nhau",
  "compare.since": "so với năm {year}",
  "compare.sincePrevious": "so với lần đánh giá trước",
  "compare.yearLabel": "năm {year}",
  "compare.previous": "lần đánh giá trước",
  "compare.current": "lần đánh giá này",
  "compare.header": "Đối chiếu kết quả {since} theo {title}: {count} có ở cả hai lần đánh giá.",
  "compare.lostLine": "- Số {noun} giảm tiêu chí {since}: {count} ({list}).",
  "compare.lostNone": "- Không có {noun} nào giảm tiêu chí {since}.",
  "compare.gainedLine": "- Số {noun} tăng tiêu chí {since}: {count} ({list}).",
  "compare.gainedNone": "- Không có {noun} nào tăng tiêu chí {since}.",
  "compare.keptLine": "- Số {noun} giữ vững mọi tiêu chí đã đạt: {count}.",
  "compare.lostHeader": "Các tiêu chí bị giảm:",
  "compare.undeterminedLine": "- Có tiêu chí chưa so sánh được (thiếu số liệu ở một trong hai lần): {count} ({list}).",
  "compare.onlyInLine": "- Chỉ có trong kết quả {label}: {count} ({list}).",
  "compare.duplicatesLine": "- Trùng tên, không so sánh được: {count} ({list}).",
  "compare.criteria": "TC {list}",
  "compare.unitMet": "đạt {old} → {new} tiêu chí",
  "compare.lost": "giảm: {list}",
  "compare.gained": "tăng: {list}",
  "compare.stillUnmet": "vẫn chưa đạt: {list}",
  "compare.undetermined": "chưa so sánh được: {list}",
  "compare.unchanged": "giữ nguyên",
  "compare.before": "năm trước {target}",
};

export const COMPARE_EN: Record<CompareKey, string> = {
  "compare.differentSets": "Cannot compare: the earlier results are judged by criteria set {old}, the later ones by {new}; both assessments need the same set (communes with communes, villages with villages)",
  "compare.yearBackwards": "Cannot compare: the later results' year ({new}) is before the earlier results' year ({old}); swap the two results or the two years",
  "compare.sameYear": "Both results are for the same year {year}: check each one's assessment year (last year and this year)",
  "compare.unknownYear": "The assessment year of one or both results is not known: their order in time cannot be checked, and year-dependent indicators (income) may not have been judged",
  "compare.regionDiffers": "The two results are judged for different regions ({old}, {new}): regional thresholds may differ",
  "compare.duplicateOld": "The earlier results hold {count} units with the same name: {names} (sheet {sheets}); they are not compared: give them distinct names",
  "compare.duplicateNew": "The later results hold {count} units with the same name: {names} (sheet {sheets}); they are not compared: give them distinct names",
  "compare.since": "since {year}",
  "compare.sincePrevious": "since the previous assessment",
  "compare.yearLabel": "{year}",
  "compare.previous": "the previous assessment",
  "compare.current": "this assessment",
  "compare.header": "Results {since}, against {title}: {count} in both assessments.",
  "compare.lostLine": "- Losing criteria {since} ({noun}): {count} ({list}).",
  "compare.lostNone": "- No {noun} lost a criterion {since}.",
  "compare.gainedLine": "- Gaining criteria {since} ({noun}): {count} ({list}).",
  "compare.gainedNone": "- No {noun} gained a criterion {since}.",
  "compare.keptLine": "- Keeping every criterion they had met ({noun}): {count}.",
  "compare.lostHeader": "Criteria lost:",
  "compare.undeterminedLine": "- Some criteria not comparable (data missing in one of the two): {count} ({list}).",
  "compare.onlyInLine": "- Only in the results of {label}: {count} ({list}).",
  "compare.duplicatesLine": "- Same name twice, not compared: {count} ({list}).",
  "compare.criteria": "criteria {list}",
  "compare.unitMet": "criteria met {old} → {new}",
  "compare.lost": "lost: {list}",
  "compare.gained": "gained: {list}",
  "compare.stillUnmet": "still not met: {list}",
  "compare.undetermined": "not comparable: {list}",
  "compare.unchanged": "unchanged",
  "compare.before": "before: {target}",
};
