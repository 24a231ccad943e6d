// Why a workbook cannot be opened or written, as a code: the caller words it for the user.

export type XlsxErrorCode =
  /** Not a zip at all (random bytes, a text file, a PDF). */
  | "not_zip"
  /** An OLE file holding an "EncryptedPackage": a password-protected workbook. */
  | "encrypted"
  /** An OLE file without one: an Excel 97-2003 workbook. */
  | "xls"
  /** A LibreOffice/OpenOffice spreadsheet. */
  | "ods"
  /** A zip, but not a spreadsheet (a .docx, an archive). */
  | "not_workbook"
  /** An Excel binary workbook (.xlsb): its sheets are not XML. */
  | "xlsb"
  /** The zip ends early (an interrupted download or copy). */
  | "truncated"
  /** Declared sizes beyond the limits: refused before inflating anything. */
  | "too_large"
  /** A part that does not inflate, fails its checksum or is not well-formed XML. */
  | "corrupt"
  /** The sheet named does not exist. */
  | "no_sheet"
  /** A new sheet's name is not allowed by Excel, or is taken and not to be replaced. */
  | "bad_sheet_name";

export class XlsxError extends Error {
  override name = "XlsxError";
  constructor(
    readonly code: XlsxErrorCode,
    /** Where in the package, for logs (a part path or sheet name); never shown as the reason. */
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

const MESSAGES: Record<XlsxErrorCode, { vi: string; en: string }> = {
  not_zip: {
    vi: "tệp bị hỏng hoặc không phải bảng tính Excel (.xlsx)",
    en: "the file is damaged or is not an Excel workbook (.xlsx)",
  },
  encrypted: {
    vi: "tệp được đặt mật khẩu: mở bằng Excel, bỏ mật khẩu rồi lưu lại",
    en: "the file is password-protected: open it in Excel, remove the password and save it again",
  },
  xls: {
    vi: "tệp Excel 97-2003 (.xls): mở bằng Excel và lưu lại dưới dạng .xlsx",
    en: "an Excel 97-2003 file (.xls): open it in Excel and save it as .xlsx",
  },
  ods: {
    vi: "tệp LibreOffice (.ods): mở bằng LibreOffice hoặc Excel và lưu lại dưới dạng .xlsx",
    en: "a LibreOffice file (.ods): open it in LibreOffice or Excel and save it as .xlsx",
  },
  not_workbook: {
    vi: "tệp nén này không phải bảng tính Excel (.xlsx)",
    en: "this zip file is not an Excel workbook (.xlsx)",
  },
  xlsb: {
    vi: "tệp Excel dạng nhị phân (.xlsb): mở bằng Excel và lưu lại dưới dạng .xlsx",
    en: "an Excel binary workbook (.xlsb): open it in Excel and save it as .xlsx",
  },
  truncated: {
    vi: "tệp bị hỏng (không đầy đủ, có thể tải về hoặc sao chép chưa xong)",
    en: "the file is damaged (incomplete: the download or copy may not have finished)",
  },
  too_large: {
    vi: "tệp quá lớn để xử lý: khi giải nén vượt giới hạn 256 MB một phần, 512 MB cả tệp (bảng tính của xã, huyện chỉ vài MB); tách tệp hoặc xoá các phần không cần rồi lưu lại",
    en: "the file is too large to process: unpacked it exceeds the limits of 256 MB per part and 512 MB in all (a commune's or district's workbook is a few MB); split it or remove what is not needed and save it again",
  },
  corrupt: {
    vi: "tệp bị hỏng: một phần nội dung không đọc được; mở bằng Excel và lưu lại",
    en: "the file is damaged: part of it cannot be read; open it in Excel and save it again",
  },
  no_sheet: {
    vi: "không có trang tính này trong tệp",
    en: "the workbook has no such sheet",
  },
  bad_sheet_name: {
    vi: "tên trang tính không hợp lệ hoặc đã có",
    en: "the sheet name is not valid or is already taken",
  },
};

/** "bieu.xlsx: tệp được đặt mật khẩu: ..." */
export function xlsxErrorMessage(code: XlsxErrorCode, lang: "vi" | "en", file?: string): string {
  const text = MESSAGES[code][lang];
  return file ? `${file}: ${text}` : text;
}
