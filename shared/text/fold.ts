/**
 * Folds Vietnamese text for matching: lower case, no diacritics, "đ" -> "d",
 * every run of whitespace (including line breaks and NBSP) collapsed to one space.
 * Headers such as "Tiêu chí\nsố 10" and "tieu chi so 10" then compare equal.
 */
export function foldVietnamese(text: string): string {
  // Most cells are plain ASCII ("85%", "x", "TRUE"): skip Unicode normalisation for them.
  if (ASCII.test(text)) return text.toLowerCase().replace(/\s+/g, " ").trim();
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

const ASCII = /^[\x20-\x7e]*$/;
