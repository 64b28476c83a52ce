/**
 * Text from articles, file names and models reaches a terminal or a report file through this function. An
 * escape sequence in it could clear the screen, set the window title or hide text, so escape
 * sequences and control characters are dropped, and bidirectional overrides too (they can make a
 * line read differently from what it holds).
 */
const ESCAPE_SEQUENCES =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[P^_X][^\u001b]*(?:\u001b\\)?|\u009b[0-?]*[ -/]*[@-~]|\u001b[@-_]?/g;
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The text with escape sequences and control characters removed; tabs and newlines kept. */
export const printable = (text: string) => text.replace(ESCAPE_SEQUENCES, '').replace(CONTROLS, '');
