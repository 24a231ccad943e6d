// Wrong usage of the command line (exit 2): its own module, so the workbook code can raise it
// without importing the argument parser that imports the workbook code.
export class UsageError extends Error {}
