/** Converters from every accepted export format to the delimited text the CSV importer reads. */
export { detectFormat, extensionOf, type InputFormat } from './detect-format.ts';
export { FormatError, type FormatErrorReason } from './errors.ts';
export { type DelimitedText, type ToDelimitedTextOptions, toDelimitedText } from './to-delimited-text.ts';
